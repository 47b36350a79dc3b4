/**
 * Issue 8 (5): extension cost. Bundle sizes as shipped (the full run packages with `npm run package`,
 * which builds minified; CI mode measures dist/ as it is), the .vsix, whether the AWS SDK sits in the
 * client bundle, and activation: NOT the real extension host (the e2e harness has no timing hook):
 * dist/extension.js is required in a fresh node process under a minimal vscode stub
 * (bench/lib/activate-child.cjs) and activate() is called; the language client really starts the server.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { skipped, type BenchContext, type Row, type Section } from '../lib/results';

const KB = 1024;

/** Module-level names that only the AWS SDK defines: their presence means the SDK is in the bundle. */
const SDK_MARKERS = ['ListClustersCommand', 'de_DescribeTasksCommand', '@smithy/'];

interface Activation { loadMs: number; callMs: number; resolvedMs: number; error?: string; awsChunkLoaded: boolean; sdkRan: boolean }

/** Requires `<root>/dist/extension.js` in a fresh process under the vscode stub and calls activate(). */
function activate(root: string): Activation {
  const child = spawnSync(process.execPath, [join(__dirname, '../lib/activate-child.cjs'), root], { encoding: 'utf8', timeout: 30000 });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return { ...JSON.parse(line), sdkRan: /AWS SDK/.test(child.stderr) };
  } catch {
    throw new Error(`activation child failed (${child.status ?? child.signal}): ${child.stderr.slice(-800)}`);
  }
}

/** Bundle sizes and client facts of a dist/ directory. */
function bundles(dist: string): { client?: number; chunk?: number; server?: number; cli?: number; sdkInClient: boolean } {
  const size = (f: string) => (existsSync(join(dist, f)) ? statSync(join(dist, f)).size : undefined);
  const clientText = existsSync(join(dist, 'extension.js')) ? readFileSync(join(dist, 'extension.js'), 'utf8') : '';
  return {
    client: size('extension.js'),
    chunk: /require\("\.\/aws\.js"\)/.test(clientText) ? size('aws.js') : undefined,
    server: size('server.js'),
    cli: size('cli.js'),
    sdkInClient: SDK_MARKERS.some((m) => clientText.includes(m)),
  };
}

function rowsFor(section: string, label: string, b: ReturnType<typeof bundles>, act: Activation, judge: boolean): Row[] {
  const activation = act.loadMs + act.callMs;
  const sdkLoaded = act.awsChunkLoaded || act.sdkRan;
  return [
    { section, metric: `${label}: client dist/extension.js${b.sdkInClient ? ' (AWS SDK inside)' : ' (no AWS SDK)'}`, value: (b.client ?? NaN) / KB, unit: 'KB', budget: '< 300 KB without AWS', pass: judge ? !b.sdkInClient && (b.client ?? Infinity) < 300 * KB : undefined },
    b.chunk === undefined ? skipped(section, `${label}: lazily loaded AWS chunk dist/aws.js`, 'no separate AWS chunk') : { section, metric: `${label}: lazily loaded AWS chunk dist/aws.js`, value: b.chunk / KB, unit: 'KB' },
    { section, metric: `${label}: server dist/server.js`, value: (b.server ?? NaN) / KB, unit: 'KB' },
    { section, metric: `${label}: CLI dist/cli.js`, value: (b.cli ?? NaN) / KB, unit: 'KB' },
    { section, metric: `${label}: activation, require + activate() call`, value: activation, unit: 'ms', budget: '< 50 ms', pass: judge ? activation < 50 && !act.error : undefined, note: `require ${act.loadMs.toFixed(1)} ms + activate() synchronous part ${act.callMs.toFixed(1)} ms; vscode stub, not the real extension host` },
    { section, metric: `${label}: activation, until activate() resolves (server started)`, value: act.resolvedMs, unit: 'ms', note: act.error ? `activate() failed under the stub: ${act.error}` : undefined },
    { section, metric: `${label}: AWS SDK code run at activation`, value: sdkLoaded ? 1 : 0, unit: '', budget: '0 (lazy)', pass: judge ? !sdkLoaded : undefined },
  ];
}

export const extension: Section = {
  name: 'extension',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'extension';
    const rows: Row[] = [];
    const pkg = JSON.parse(readFileSync(join(ctx.root, 'package.json'), 'utf8'));
    const dist = join(ctx.root, 'dist');
    if (!existsSync(join(dist, 'extension.js'))) return [skipped(section, 'bundle sizes', 'dist/ not built (node scripts/build.mjs)')];
    if (ctx.ci || !pkg.scripts?.package) {
      // CI: dist/ as it is (a development build), no packaging.
      rows.push(...rowsFor(section, 'dist/', bundles(dist), activate(ctx.root), false));
      rows.push(skipped(section, '.vsix', ctx.ci ? 'CI mode does not package' : 'no package script'));
      return rows;
    }
    const tmp = mkdtempSync(join(tmpdir(), 'fl-bench-vsix-'));
    try {
      // What ships: `npm run package`, then the .vsix unpacked and activated from there.
      const out = join(tmp, 'bench.vsix');
      const r = spawnSync(process.execPath, [join(ctx.root, 'scripts/package.mjs'), '--out', out], { cwd: ctx.root, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`npm run package failed: ${(r.stderr || r.stdout).slice(-800)}`);
      const unpacked = join(tmp, 'vsix');
      const unzip = spawnSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', out, unpacked], { encoding: 'utf8' });
      if (unzip.status !== 0) throw new Error(`cannot unpack the .vsix: ${unzip.stderr}`);
      const shipped = join(unpacked, 'extension');
      rows.push(...rowsFor(section, '.vsix', bundles(join(shipped, 'dist')), activate(shipped), true));
      const vsix = statSync(out).size;
      rows.push({ section, metric: '.vsix (npm run package)', value: vsix / KB, unit: 'KB', budget: '< 2048 KB', pass: vsix < 2 * 1024 * KB });
      // The same sources with the AWS chunk split off (scripts/build.mjs --split-aws), minified like a package.
      const split = spawnSync(process.execPath, [join(ctx.root, 'scripts/build.mjs'), '--split-aws', '--minify'], { cwd: ctx.root, encoding: 'utf8' });
      if (split.status !== 0) throw new Error(`split build failed: ${split.stderr.slice(-800)}`);
      try {
        rows.push(...rowsFor(section, 'split build', bundles(dist), activate(ctx.root), false));
      } finally {
        spawnSync(process.execPath, [join(ctx.root, 'scripts/build.mjs')], { cwd: ctx.root, encoding: 'utf8' });
      }
      ctx.log(`extension: .vsix ${(vsix / KB).toFixed(0)} KB`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return rows;
  },
};
