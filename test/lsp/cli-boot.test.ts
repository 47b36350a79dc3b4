import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../server/src/cli';

const CLI = resolve(__dirname, '../../dist/cli.js');
// An unknown member and a wrong type: schema findings, which the bundle reads from its JSON assets.
const TD = JSON.stringify({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx:1.27',
      essential: true,
      memoryReservatoin: 128,
      portMappings: [{ containerPort: 'http' }],
    },
  ],
});
const TPL =
  'Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: "256"\n      Memory: "512"\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n';

/** The source's output for the same arguments (in this process), for comparison with the bundle's. */
async function fromSource(args: string[]): Promise<{ stdout: string; code: number }> {
  let stdout = '';
  const code = await main(args, (text) => (stdout += text));
  return { stdout, code };
}

test("dist/cli.js gives the source's findings, schema findings from its JSON assets included, in every format (lsp)", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-boot-'));
  try {
    const files = [join(dir, 'td.json'), join(dir, 't.yaml')];
    writeFileSync(files[0], TD);
    writeFileSync(files[1], TPL);
    for (const format of ['json', 'text', 'sarif']) {
      const args = ['lint', '--format', format, '--no-color', ...files];
      const bundle = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, FARGATE_LENS_CACHE_DIR: join(dir, 'cache') },
        timeout: 60000,
      });
      const source = await fromSource(args);
      assert.equal(bundle.stderr, '');
      assert.equal(bundle.status, source.code, format);
      assert.equal(bundle.stdout, source.stdout, format);
      assert.match(bundle.stdout, /schema\/unknown-property/);
      assert.match(bundle.stdout, /schema\/type/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing, foreign or damaged dist/cli-bundle.js exits 2 with a message, not a stack trace (lsp)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-boot-'));
  try {
    const td = join(dir, 'td.json');
    writeFileSync(td, TD);
    const copy = join(dir, 'cli.js');
    copyFileSync(CLI, copy);
    const bundle = readFileSync(join(dirname(CLI), 'cli-bundle.js'), 'latin1');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [copy, ...args], {
        encoding: 'utf8',
        env: { ...process.env, FARGATE_LENS_NO_CODE_CACHE: '1' },
        timeout: 60000,
      });
    const expectFailure = (args: string[], message: RegExp) => {
      const r = run(args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    };
    expectFailure(['--version'], /^fargate-lens: internal error: cannot read .*cli-bundle\.js \(ENOENT\): rebuild/);
    writeFileSync(
      join(dir, 'cli-bundle.js'),
      bundle.replace(/^\/\*fargate-lens-cli:[0-9a-f]+/, '/*fargate-lens-cli:0000000000000000'),
      'latin1',
    );
    expectFailure(
      ['--version'],
      /^fargate-lens: internal error: .*cli-bundle\.js does not belong to this dist\/cli\.js/,
    );
    // The bundle intact but its assets cut off: fine until a schema is needed.
    writeFileSync(join(dir, 'cli-bundle.js'), bundle.slice(0, bundle.lastIndexOf('/*{')), 'latin1');
    assert.equal(run(['--version']).status, 0);
    expectFailure(['lint', td], /^fargate-lens: internal error: .*cli-bundle\.js has no assets/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'dist/cli.js started through a symbolic link (an npm bin link) finds its bundle (lsp)',
  { skip: process.platform === 'win32' && 'symlinks need privileges' },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-cli-boot-'));
    try {
      const link = join(dir, 'fargate-lens');
      symlinkSync(CLI, link);
      const r = spawnSync(process.execPath, [link, 'rules'], { encoding: 'utf8', timeout: 60000 });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^fargate\/|\nfargate\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('small and large runs keep a code cache each, and neither changes the output (lsp)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-boot-'));
  try {
    const cache = join(dir, 'cache');
    const files = join(dir, 'files');
    mkdirSync(files);
    writeFileSync(join(files, 'td.json'), TD);
    writeFileSync(join(files, 't.yaml'), TPL);
    const run = (paths: string[]) =>
      spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...paths], {
        encoding: 'utf8',
        env: { ...process.env, FARGATE_LENS_CACHE_DIR: cache },
        timeout: 60000,
      });
    const small = run([join(files, 'td.json'), join(files, 't.yaml')]);
    assert.deepEqual(
      readdirSync(cache).map((f) => f.replace(/^cli-\w+-v[\d.]+-\w+-/, '')),
      ['small.v8'],
    );
    const large = run([files]);
    assert.deepEqual(
      readdirSync(cache)
        .map((f) => f.replace(/^cli-\w+-v[\d.]+-\w+-/, ''))
        .sort(),
      ['large.v8', 'small.v8'],
    );
    assert.equal(run([join(files, 'td.json'), join(files, 't.yaml')]).stdout, small.stdout);
    assert.equal(run([files]).stdout, large.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
