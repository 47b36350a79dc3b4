import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const TD = JSON.stringify({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true, user: '0' }],
});
const TPL =
  'Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: "256"\n      Memory: "512"\n      ContainerDefinitions:\n        - Name: app\n          Image: !Sub "${Repo}:1"\n';

test('dist/cli.js: the V8 code cache is written after a lint, reused, survives a corrupt cache, and never changes the output (lsp)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-cache-'));
  try {
    const cache = join(dir, 'cache');
    const files = [join(dir, 'td.json'), join(dir, 't.yaml')];
    writeFileSync(files[0], TD);
    writeFileSync(files[1], TPL);
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...files], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 60000,
      });
    const plain = run({ FARGATE_LENS_NO_CODE_CACHE: '1', FARGATE_LENS_CACHE_DIR: cache });
    assert.ok(plain.status === 0 || plain.status === 1, plain.stderr);
    assert.throws(() => readdirSync(cache), 'no cache when turned off');
    const first = run({ FARGATE_LENS_CACHE_DIR: cache });
    assert.equal(first.stdout, plain.stdout);
    const written = readdirSync(cache);
    assert.equal(written.length, 1);
    assert.match(written[0], /^cli-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+-small\.v8$/);
    const warm = run({ FARGATE_LENS_CACHE_DIR: cache });
    assert.equal(warm.stdout, plain.stdout);
    assert.equal(warm.status, plain.status);
    writeFileSync(join(cache, written[0]), 'not a code cache');
    const corrupt = run({ FARGATE_LENS_CACHE_DIR: cache });
    assert.equal(corrupt.stdout, plain.stdout);
    assert.equal(corrupt.stderr, '');
    assert.deepEqual(readdirSync(cache), written, 'the rejected cache is rewritten in place');
    // An unwritable cache location is not an error.
    const blocked = run({ FARGATE_LENS_CACHE_DIR: join(files[0], 'sub') });
    assert.equal(blocked.stdout, plain.stdout);
    assert.equal(blocked.stderr, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
