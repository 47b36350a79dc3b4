/**
 * CLI throughput, `node dist/cli.js lint --format json` over the real corpus replicated
 * to 2,000 files, pinned to one core (taskset) where available; and cfn-lint against our CLI on the
 * corpus's CloudFormation templates, one whole process per template for both.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS } from '../../test/corpusPath';
import { skipped, type BenchContext, type Row, type Section } from '../lib/results';
import { now } from '../lib/stats';

const onPath = (cmd: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;

/** Runs a command pinned to CPU 0 when taskset exists; returns wall milliseconds and the exit status. */
function timed(cmd: string, args: string[], pin: boolean): { ms: number; status: number | null; stderr: string } {
  const [c, a] = pin ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args];
  const t0 = now();
  const r = spawnSync(c, a, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: now() - t0, status: r.status, stderr: r.stderr ?? '' };
}

/** The corpus's CloudFormation templates (kind cfn-json / cfn-yaml in SOURCES.tsv). */
function cfnTemplates(): string[] {
  const tsv = join(CORPUS, 'SOURCES.tsv');
  if (!existsSync(tsv)) return [];
  return readFileSync(tsv, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => /^cfn-/.test(c[5] ?? ''))
    .map((c) => join(CORPUS, c[0]));
}

/**
 * The baseline process for the CLI ratio (node -e; argv: repository root, directory): walks the
 * directory, reads every file and parses it the cheapest faithful way (JSON.parse, else the yaml
 * library the service uses), nothing else.
 */
const READ_AND_PARSE = `
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const [root, dir] = process.argv.slice(1);
const yaml = require(require.resolve('yaml', { paths: [root] }));
let n = 0;
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) { walk(p); continue; }
    const text = readFileSync(p, 'utf8');
    try { JSON.parse(text); } catch { try { yaml.parse(text, { uniqueKeys: false }); } catch {} }
    n++;
  }
};
walk(dir);
if (n === 0) process.exit(3);
`;

export const cli: Section = {
  name: 'cli',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'cli';
    const bin = join(ctx.root, 'dist/cli.js');
    if (!existsSync(bin)) return [skipped(section, 'throughput', 'dist/cli.js not built (node scripts/build.mjs)')];
    if (!existsSync(CORPUS)) return [skipped(section, 'throughput', `corpus not found at ${CORPUS}`)];
    const pin = onPath('taskset');
    const rows: Row[] = [];
    const target = ctx.ci ? 40 : 2000;
    const files = readdirSync(CORPUS).filter((f) => f !== 'SOURCES.tsv');
    const dir = mkdtempSync(join(tmpdir(), 'fl-bench-cli-'));
    try {
      for (let i = 0; i < target; i++) {
        const sub = join(dir, `r${Math.floor(i / files.length)}`);
        if (i % files.length === 0) mkdirSync(sub);
        copyFileSync(join(CORPUS, files[i % files.length]), join(sub, files[i % files.length]));
      }
      const run = timed(process.execPath, [bin, 'lint', '--format', 'json', dir], pin);
      if (run.status !== 0 && run.status !== 1)
        throw new Error(`cli lint exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      // The floor: one node process that only reads and parses the same files (JSON.parse, the yaml library).
      const floor = timed(process.execPath, ['-e', READ_AND_PARSE, ctx.root, dir], pin);
      if (floor.status !== 0)
        throw new Error(`read-and-parse baseline exited ${floor.status}: ${floor.stderr.slice(0, 500)}`);
      const ratio = run.ms / floor.ms;
      ctx.log(`cli: ${run.ms.toFixed(0)} ms vs read+parse ${floor.ms.toFixed(0)} ms (${ratio.toFixed(2)}x)`);
      rows.push({
        section,
        metric: `lint ${target} corpus files vs reading + parsing them in one process`,
        value: run.ms,
        unit: 'ms',
        baseline: { name: 'read + parse', value: floor.ms },
        ratio,
        budget: '<= 6x',
        pass: ctx.ci ? undefined : ratio <= 6,
        note: ctx.ci ? 'CI size: startup dominates' : undefined,
      });
      const rate = target / (run.ms / 1000);
      ctx.log(`cli: ${target} files in ${run.ms.toFixed(0)} ms (${rate.toFixed(0)} files/s)${pin ? ' on CPU 0' : ''}`);
      rows.push({
        section,
        metric: `lint ${target} corpus files${pin ? ', one core' : ''}`,
        value: rate,
        unit: 'files/s',
        budget: '>= 1000 files/s',
        pass: ctx.ci ? undefined : rate >= 1000,
        note: ctx.ci ? 'CI size: startup dominates' : undefined,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // cfn-lint takes seconds per template: not in the short CI mode.
    if (ctx.ci) return [...rows, skipped(section, 'vs cfn-lint per template', 'CI mode')];
    const templates = cfnTemplates();
    if (!onPath('cfn-lint')) {
      rows.push(skipped(section, 'vs cfn-lint per template', 'cfn-lint not on PATH'));
      return rows;
    }
    if (templates.length === 0)
      return [...rows, skipped(section, 'vs cfn-lint per template', 'no CloudFormation templates in the corpus')];
    let ours = 0;
    let theirs = 0;
    for (const t of templates) {
      const a = timed(process.execPath, [bin, 'lint', '--format', 'json', t], pin);
      if (a.status !== 0 && a.status !== 1)
        throw new Error(`cli lint ${t} exited ${a.status}: ${a.stderr.slice(0, 300)}`);
      ours += a.ms;
      theirs += timed('cfn-lint', [t], pin).ms;
    }
    const per = ours / templates.length;
    const perCfn = theirs / templates.length;
    ctx.log(
      `cli vs cfn-lint: ${templates.length} templates, ours ${per.toFixed(0)} ms, cfn-lint ${perCfn.toFixed(0)} ms per template`,
    );
    rows.push({
      section,
      metric: `per CFN template, process to process (${templates.length})`,
      value: per,
      unit: 'ms',
      baseline: { name: 'cfn-lint', value: perCfn },
      ratio: per / perCfn,
      budget: '>= 20x faster (ratio <= 0.05)',
      pass: per * 20 <= perCfn,
    });
    return rows;
  },
};
