/**
 * What users feel in real VS Code (code-server): the e2e tier's latency suite opens task definitions and
 * edits them, and reports the median time to our diagnostics and to VS Code's own JSON diagnostics on the
 * same file in the same window (test/e2e/suites/latency.test.ts). Budget: within 1.5x of VS Code's JSON.
 * Optional: skipped when code-server is not installed (bash e2e/setup.sh installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ratioRow, skipped, type Row, type Section } from '../lib/results';

const BUDGET = 1.5;

interface Latency {
  openMs: { ours: number; json: number };
  editMs: { ours: number; json: number };
}

export const e2e: Section = {
  name: 'e2e',
  async run(ctx): Promise<Row[]> {
    const metrics = ['open to first diagnostics', 'edit to updated diagnostics'];
    if (!existsSync(join(ctx.root, 'e2e/node_modules/.bin/code-server')))
      return metrics.map((m) => skipped('e2e', m, 'code-server not installed (bash e2e/setup.sh)'));
    if (ctx.ci) return metrics.map((m) => skipped('e2e', m, 'the e2e tier runs this suite in CI'));
    ctx.log('e2e: latency suite in code-server (about a minute)');
    const r = spawnSync(process.execPath, ['e2e/run.mjs', '--phase', 'tests', '--grep', 'latency'], {
      cwd: ctx.root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = /e2e-latency: (\{.*\})/.exec(r.stdout ?? '');
    if (r.status !== 0 || !line)
      return metrics.map((m) =>
        skipped('e2e', m, `latency suite failed (exit ${r.status}); run it with --grep latency`),
      );
    const lat = JSON.parse(line[1]) as Latency;
    return [
      ratioRow(
        {
          section: 'e2e',
          metric: metrics[0],
          value: lat.openMs.ours,
          unit: 'ms',
          baseline: { name: 'VS Code JSON', value: lat.openMs.json },
          budget: `<= ${BUDGET}x`,
        },
        BUDGET,
      ),
      ratioRow(
        {
          section: 'e2e',
          metric: metrics[1],
          value: lat.editMs.ours,
          unit: 'ms',
          baseline: { name: 'VS Code JSON', value: lat.editMs.json },
          budget: `<= ${BUDGET}x`,
        },
        BUDGET,
      ),
    ];
  },
};
