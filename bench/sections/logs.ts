/**
 * following a stream that delivers 2,000 lines/s for 30 s (3 s in --ci) through the real
 * follow path and log view model, in a child process so its memory is its own. Keeps up = the lag
 * (time from a line's timestamp to its display) in the last third is no worse than 1.5x the first
 * third; bounded memory = peak RSS no more than 1.5x the RSS after the first 10 s, when the ring buffer, the
 * de-dup window and the fake's retained 15 s are full (they stop growing there); nothing lost = every line written up to the last poll was shown.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ratioRow, type BenchContext, type Row, type Section } from '../lib/results';

interface ChildResult {
  lag: Array<[number, number]>;
  rss: Array<[number, number]>;
  written: number;
  shown: number;
  kept: number;
  dropped: number;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export const logs: Section = {
  name: 'logs',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'logs';
    const duration = ctx.ci ? 3000 : 30_000;
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, '../lib/logsFollowChild.ts'), String(duration)],
      {
        cwd: ctx.root,
        encoding: 'utf8',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        timeout: duration + 60_000,
      },
    );
    if (r.status !== 0) throw new Error(`logs bench child failed: ${r.stderr || r.stdout}`);
    const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
    const third = duration / 3;
    const first = mean(res.lag.filter(([t]) => t < third).map(([, l]) => l));
    const last = mean(res.lag.filter(([t]) => t >= 2 * third).map(([, l]) => l));
    const warm = Math.min(10_000, duration / 2);
    const atWarm = res.rss.find(([t]) => t >= warm)?.[1] ?? res.rss[0][1];
    const peak = Math.max(...res.rss.map(([, v]) => v));
    const mb = (b: number): number => b / 1024 / 1024;
    const seconds = duration / 1000;
    return [
      ratioRow(
        {
          section,
          metric: `follow 2,000 lines/s for ${seconds} s: mean lag, last third`,
          value: last,
          unit: 'ms',
          baseline: { name: 'first third', value: first },
          budget: '<= 1.5x (no lag growth)',
        },
        1.5,
      ),
      ratioRow(
        {
          section,
          metric: `follow 2,000 lines/s for ${seconds} s: peak RSS (view keeps ${res.kept}, dropped ${res.dropped})`,
          value: mb(peak),
          unit: 'MB',
          baseline: { name: `RSS at ${warm / 1000} s`, value: mb(atWarm) },
          budget: '<= 1.5x (bounded)',
        },
        1.5,
      ),
      {
        section,
        metric: `follow 2,000 lines/s for ${seconds} s: lines shown / written`,
        value: res.shown / res.written,
        unit: '',
        budget: '>= 1 - (lines of the last poll interval)',
        pass: res.shown >= (res as ChildResult & { writtenBeforeLastPoll: number }).writtenBeforeLastPoll,
        note: `${res.shown} of ${res.written}`,
      },
    ];
  },
};
