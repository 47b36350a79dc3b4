/**
 * extension cost. Bundle sizes as shipped (the full run packages with `npm run package`,
 * which builds minified and split; CI mode measures dist/ as it is), the .vsix, whether the AWS SDK sits
 * in the client bundle, and activation: NOT the real extension host (the e2e harness has no timing
 * hook): dist/extension.js is required in a fresh node process under a minimal vscode stub
 * (bench/lib/activate-child.cjs) and activate() is called; the language client really starts the
 * server. Activation is the median of several fresh processes (one in CI); the baseline is the same
 * sources with the explorer and ECS Exec bundled into dist/extension.js (`scripts/build.mjs
 * --no-split=explorer,exec --minify`; the AWS SDK still its own chunk), the layout before they were split off.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ratioRow, skipped, type BenchContext, type Row, type Section } from '../lib/results';

const KB = 1024;
const RUNS = 7;

/** Module-level names that only the AWS SDK defines: their presence means the SDK is in the bundle. */
const SDK_MARKERS = ['ListClustersCommand', 'de_DescribeTasksCommand', '@smithy/'];

interface Activation {
  ms: number;
  loadMs: number;
  callMs: number;
  cpuMs: number;
  resolvedMs: number;
  min: number;
  max: number;
  runs: number;
  error?: string;
  chunksLoaded: string[];
  sdkRan: boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Sample {
  loadMs: number;
  callMs: number;
  cpuMs: number;
  resolvedMs: number;
  error?: string;
  chunksLoaded: string[];
  sdkRan: boolean;
}

/** Requires `<root>/dist/extension.js` in a fresh process under the vscode stub and calls activate(). */
function activateOnce(root: string): Sample {
  const child = spawnSync(process.execPath, [join(__dirname, '../lib/activate-child.cjs'), root], {
    encoding: 'utf8',
    timeout: 30000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const r = JSON.parse(line) as Omit<Sample, 'sdkRan'>;
    return { ...r, sdkRan: /AWS SDK/.test(child.stderr) };
  } catch {
    throw new Error(`activation child failed (${child.status ?? child.signal}): ${child.stderr.slice(-800)}`);
  }
}

function summarize(xs: Sample[]): Activation {
  const totals = xs.map((x) => x.loadMs + x.callMs);
  return {
    ms: median(totals),
    loadMs: median(xs.map((x) => x.loadMs)),
    callMs: median(xs.map((x) => x.callMs)),
    cpuMs: median(xs.map((x) => x.cpuMs)),
    resolvedMs: median(xs.map((x) => x.resolvedMs)),
    min: Math.min(...totals),
    max: Math.max(...totals),
    runs: xs.length,
    error: xs.find((x) => x.error)?.error,
    chunksLoaded: [...new Set(xs.flatMap((x) => x.chunksLoaded))],
    sdkRan: xs.some((x) => x.sdkRan),
  };
}

interface Bundles {
  client?: number;
  chunks: Array<{ file: string; size: number }>;
  server?: number;
  cli?: number;
  sdkInClient: boolean;
}

/** Bundle sizes of a dist/ directory: the entry, each chunk the client requires, server and CLI. */
function bundles(dist: string): Bundles {
  const size = (f: string) => (existsSync(join(dist, f)) ? statSync(join(dist, f)).size : undefined);
  const clientText = existsSync(join(dist, 'extension.js')) ? readFileSync(join(dist, 'extension.js'), 'utf8') : '';
  const required = (text: string) => [...text.matchAll(/require\("\.\/([\w-]+\.js)"\)/g)].map((m) => m[1]);
  // Chunks the entry requires, and the chunks those require (dist/aws.js from explorer and exec).
  const chunks = new Set(required(clientText).filter((f) => existsSync(join(dist, f))));
  for (const f of [...chunks])
    for (const g of required(readFileSync(join(dist, f), 'utf8'))) if (existsSync(join(dist, g))) chunks.add(g);
  return {
    client: size('extension.js'),
    chunks: [...chunks].sort().map((file) => ({ file, size: size(file)! })),
    server: size('server.js'),
    cli: size('cli.js'),
    sdkInClient: SDK_MARKERS.some((m) => clientText.includes(m)),
  };
}

function rowsFor(
  section: string,
  label: string,
  b: Bundles,
  act: Activation,
  judge: boolean,
  baseline?: { b: Bundles; act: Activation },
): Row[] {
  const sdkLoaded = act.chunksLoaded.includes('aws.js') || act.sdkRan;
  const clientMetric = `${label}: client dist/extension.js${b.sdkInClient ? ' (AWS SDK inside)' : ' (no AWS SDK)'}`;
  const client = (b.client ?? NaN) / KB;
  const activationNote = `median of ${act.runs} fresh processes (min ${act.min.toFixed(1)}, max ${act.max.toFixed(1)} ms): require ${act.loadMs.toFixed(1)} ms + activate() synchronous part ${act.callMs.toFixed(1)} ms; CPU time ${act.cpuMs.toFixed(1)} ms${baseline ? ` (inline ${baseline.act.cpuMs.toFixed(1)} ms)` : ''}; vscode stub, not the real extension host`;
  const clientBudget = {
    budget: '< 300 KB without AWS',
    pass: judge ? !b.sdkInClient && (b.client ?? Infinity) < 300 * KB : undefined,
  };
  const activationBudget = { budget: '< 50 ms', pass: judge ? act.ms < 50 && !act.error : undefined };
  return [
    baseline
      ? {
          ...ratioRow({
            section,
            metric: clientMetric,
            value: client,
            unit: 'KB',
            baseline: { name: 'inline', value: (baseline.b.client ?? NaN) / KB },
          }),
          ...clientBudget,
        }
      : { section, metric: clientMetric, value: client, unit: 'KB', ...clientBudget },
    ...(b.chunks.length
      ? b.chunks.map((c): Row => ({
          section,
          metric: `${label}: lazily loaded chunk dist/${c.file}`,
          value: c.size / KB,
          unit: 'KB',
        }))
      : [skipped(section, `${label}: lazily loaded chunks`, 'none split off')]),
    { section, metric: `${label}: server dist/server.js`, value: (b.server ?? NaN) / KB, unit: 'KB' },
    { section, metric: `${label}: CLI dist/cli.js`, value: (b.cli ?? NaN) / KB, unit: 'KB' },
    baseline
      ? {
          ...ratioRow({
            section,
            metric: `${label}: activation, require + activate() call`,
            value: act.ms,
            unit: 'ms',
            baseline: { name: 'inline', value: baseline.act.ms },
          }),
          ...activationBudget,
          note: activationNote,
        }
      : {
          section,
          metric: `${label}: activation, require + activate() call`,
          value: act.ms,
          unit: 'ms',
          ...activationBudget,
          note: activationNote,
        },
    {
      section,
      metric: `${label}: activation, until activate() resolves (server started)`,
      value: act.resolvedMs,
      unit: 'ms',
      note: act.error ? `activate() failed under the stub: ${act.error}` : undefined,
    },
    {
      section,
      metric: `${label}: lazily loaded chunks required at activation`,
      value: act.chunksLoaded.length,
      unit: '',
      budget: '0',
      pass: judge ? act.chunksLoaded.length === 0 : undefined,
      note: act.chunksLoaded.length ? act.chunksLoaded.join(', ') : undefined,
    },
    {
      section,
      metric: `${label}: AWS SDK code run at activation`,
      value: sdkLoaded ? 1 : 0,
      unit: '',
      budget: '0 (lazy)',
      pass: judge ? !sdkLoaded : undefined,
    },
  ];
}

/** The baseline build (explorer and ECS Exec inline, minified) into `<dir>/dist`, with package.json next to it (what activate-child needs). */
function buildBaseline(root: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  const r = spawnSync(
    process.execPath,
    [join(root, 'scripts/build.mjs'), '--no-split=explorer,exec', '--minify', '--outdir', join(dir, 'dist')],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`baseline build failed: ${r.stderr.slice(-800)}`);
  for (const f of readdirSync(join(dir, 'dist'))) if (f.endsWith('.map')) rmSync(join(dir, 'dist', f));
  return dir;
}

export const extension: Section = {
  name: 'extension',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'extension';
    const rows: Row[] = [];
    const pkg = JSON.parse(readFileSync(join(ctx.root, 'package.json'), 'utf8'));
    const dist = join(ctx.root, 'dist');
    if (!existsSync(join(dist, 'extension.js')))
      return [skipped(section, 'bundle sizes', 'dist/ not built (node scripts/build.mjs)')];
    if (ctx.ci || !pkg.scripts?.package) {
      // CI: dist/ as it is (a development build), no packaging, one activation.
      rows.push(...rowsFor(section, 'dist/', bundles(dist), summarize([activateOnce(ctx.root)]), false));
      rows.push(skipped(section, '.vsix', ctx.ci ? 'CI mode does not package' : 'no package script'));
      return rows;
    }
    const tmp = mkdtempSync(join(tmpdir(), 'fl-bench-vsix-'));
    try {
      // What ships: `npm run package`, then the .vsix unpacked and activated from there.
      const out = join(tmp, 'bench.vsix');
      const r = spawnSync(process.execPath, [join(ctx.root, 'scripts/package.mjs'), '--out', out], {
        cwd: ctx.root,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`npm run package failed: ${(r.stderr || r.stdout).slice(-800)}`);
      const unpacked = join(tmp, 'vsix');
      const unzip = spawnSync(
        'python3',
        ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', out, unpacked],
        { encoding: 'utf8' },
      );
      if (unzip.status !== 0) throw new Error(`cannot unpack the .vsix: ${unzip.stderr}`);
      const shipped = join(unpacked, 'extension');
      const inline = buildBaseline(ctx.root, join(tmp, 'inline'));
      // Interleaved so that machine load affects both alike.
      const samples = { shipped: [] as Sample[], inline: [] as Sample[] };
      for (let i = 0; i < RUNS; i++) {
        samples.shipped.push(activateOnce(shipped));
        samples.inline.push(activateOnce(inline));
      }
      const baseline = { b: bundles(join(inline, 'dist')), act: summarize(samples.inline) };
      rows.push(
        ...rowsFor(section, '.vsix', bundles(join(shipped, 'dist')), summarize(samples.shipped), true, baseline),
      );
      const vsix = statSync(out).size;
      rows.push({
        section,
        metric: '.vsix (npm run package)',
        value: vsix / KB,
        unit: 'KB',
        budget: '< 2048 KB',
        pass: vsix < 2 * 1024 * KB,
      });
      ctx.log(`extension: .vsix ${(vsix / KB).toFixed(0)} KB`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return rows;
  },
};
