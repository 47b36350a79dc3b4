/**
 * `npm run bench` (full) and `npm run bench:ci` (--ci: tiny iteration counts, fails only on a crash):
 * runs every section, prints the table (metric, value, baseline, ratio, budget, pass/fail) and writes
 * bench/results.json. Budgets are reported, never enforced by the exit code: the bench is not a test.
 *   node --import tsx bench/run.ts [--ci] [--only validation,cli,...] [--out file]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, type BenchContext, type Row, type Section } from './lib/results';
import { cli } from './sections/cli';
import { e2e } from './sections/e2e';
import { explorer } from './sections/explorer';
import { extension } from './sections/extension';
import { hostile } from './sections/hostile';
import { incremental } from './sections/incremental';
import { largeTemplate } from './sections/largeTemplate';
import { logs } from './sections/logs';
import { portForward } from './sections/portForward';
import { validation } from './sections/validation';
import { workspace } from './sections/workspace';

export const SECTIONS: readonly Section[] = [
  validation,
  incremental,
  cli,
  workspace,
  extension,
  explorer,
  logs,
  portForward,
  e2e,
  hostile,
  largeTemplate,
];

export interface BenchReport {
  mode: 'full' | 'ci';
  startedAt: string;
  machine: { cpus: number; model: string; node: string; loadavg: number[] };
  rows: Row[];
}

export async function runBench(opts: {
  ci: boolean;
  only?: string[];
  log?: (line: string) => void;
  root?: string;
}): Promise<BenchReport> {
  const ctx: BenchContext = {
    ci: opts.ci,
    root: opts.root ?? resolve(__dirname, '..'),
    log: opts.log ?? (() => undefined),
  };
  const report: BenchReport = {
    mode: opts.ci ? 'ci' : 'full',
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', node: process.version, loadavg: loadavg() },
    rows: [],
  };
  for (const s of SECTIONS) {
    if (opts.only && !opts.only.includes(s.name)) continue;
    ctx.log(`-- ${s.name}`);
    const rows = await s.run(ctx);
    // Tiny CI iteration counts say nothing about budgets: CI only proves every section runs.
    report.rows.push(...(opts.ci ? rows.map((r) => ({ ...r, pass: undefined })) : rows));
  }
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ci: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
  });
  const report = await runBench({
    ci: values.ci,
    only: values.only?.split(','),
    log: (l) => process.stderr.write(`${l}\n`),
  });
  const out = values.out ?? join(__dirname, 'results.json');
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  const failed = report.rows.filter((r) => r.pass === false).length;
  process.stdout.write(
    `${formatTable(report.rows)}\n\n${report.mode} run, load average ${report.machine.loadavg.map((l) => l.toFixed(1)).join(' ')} on ${report.machine.cpus} CPUs; ` +
      `${failed} budget${failed === 1 ? '' : 's'} missed; results in ${out}\n`,
  );
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench crashed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
