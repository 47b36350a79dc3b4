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

export const extension: Section = {
  name: 'extension',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'extension';
    const rows: Row[] = [];
    const dist = join(ctx.root, 'dist');
    const pkg = JSON.parse(readFileSync(join(ctx.root, 'package.json'), 'utf8'));
    let vsixBytes: number | undefined;
    if (!ctx.ci && pkg.scripts?.package) {
      const tmp = mkdtempSync(join(tmpdir(), 'fl-bench-vsix-'));
      try {
        const out = join(tmp, 'bench.vsix');
        const r = spawnSync(process.execPath, [join(ctx.root, 'scripts/package.mjs'), '--out', out], { cwd: ctx.root, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`npm run package failed: ${(r.stderr || r.stdout).slice(-800)}`);
        vsixBytes = statSync(out).size;
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    const size = (f: string) => (existsSync(join(dist, f)) ? statSync(join(dist, f)).size : undefined);
    const client = size('extension.js');
    if (client === undefined) return [skipped(section, 'bundle sizes', 'dist/ not built (node scripts/build.mjs)')];
    const clientText = readFileSync(join(dist, 'extension.js'), 'utf8');
    const sdkInClient = SDK_MARKERS.some((m) => clientText.includes(m));
    const awsChunk = /require\("\.\/aws\.js"\)/.test(clientText) ? size('aws.js') : undefined;
    rows.push({ section, metric: `client bundle dist/extension.js${sdkInClient ? ' (AWS SDK inside)' : ' (no AWS SDK)'}`, value: client / KB, unit: 'KB', budget: '< 300 KB without AWS', pass: !sdkInClient && client < 300 * KB });
    rows.push(awsChunk === undefined
      ? skipped(section, 'lazily loaded AWS chunk dist/aws.js', 'no separate AWS chunk in dist/')
      : { section, metric: 'lazily loaded AWS chunk dist/aws.js', value: awsChunk / KB, unit: 'KB' });
    rows.push({ section, metric: 'server bundle dist/server.js', value: (size('server.js') ?? NaN) / KB, unit: 'KB' });
    rows.push({ section, metric: 'CLI bundle dist/cli.js', value: (size('cli.js') ?? NaN) / KB, unit: 'KB' });
    rows.push(vsixBytes === undefined
      ? skipped(section, '.vsix', ctx.ci ? 'CI mode does not package' : 'no package script')
      : { section, metric: '.vsix (npm run package)', value: vsixBytes / KB, unit: 'KB', budget: '< 2048 KB', pass: vsixBytes < 2 * 1024 * KB });
    if (!pkg.scripts?.package) ctx.log('extension: no package script; .vsix skipped');

    const child = spawnSync(process.execPath, [join(ctx.root, 'bench/lib/activate-child.cjs'), ctx.root], { encoding: 'utf8', timeout: 30000 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    let act: { loadMs: number; callMs: number; resolvedMs: number; error?: string; awsChunkLoaded: boolean } | undefined;
    try {
      act = JSON.parse(line);
    } catch {
      throw new Error(`activation child failed (${child.status ?? child.signal}): ${child.stderr.slice(-800)}`);
    }
    const sdkRan = /AWS SDK/.test(child.stderr);
    const note = 'vscode stub, not the real extension host';
    const activation = act!.loadMs + act!.callMs;
    ctx.log(`extension: load ${act!.loadMs.toFixed(1)} ms, activate() call ${act!.callMs.toFixed(1)} ms, resolved ${act!.resolvedMs.toFixed(1)} ms${act!.error ? ` (error: ${act!.error})` : ''}`);
    rows.push(
      { section, metric: 'activation: require(dist/extension.js)', value: act!.loadMs, unit: 'ms', note },
      { section, metric: 'activation: activate() synchronous part', value: act!.callMs, unit: 'ms' },
      { section, metric: 'activation: load + activate() call', value: activation, unit: 'ms', budget: '< 50 ms', pass: ctx.ci ? undefined : activation < 50 && !act!.error },
      { section, metric: 'activation: until activate() resolves (server started)', value: act!.resolvedMs, unit: 'ms', note: act!.error ? `activate() failed under the stub: ${act!.error}` : undefined },
      { section, metric: 'AWS SDK code loaded at activation', value: act!.awsChunkLoaded || sdkRan ? 1 : 0, unit: '', budget: '0 (lazy)', pass: !(act!.awsChunkLoaded || sdkRan) },
    );
    return rows;
  },
};
