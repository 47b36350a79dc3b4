/**
 * Child process of the logs bench: a producer writes 2,000 lines/s (40 every 20 ms) to one CloudWatch
 * stream of the in-memory fake (test/fakes/fakeLogs.ts, pruned to its last 15 s, more than the
 * follow's re-read window, so only our side's memory grows, if anything), while the real follow path (client/src/logs: FilterLogEvents polling with
 * overlap and de-dup, no Live Tail) feeds the real log view model (ring buffer of 10,000 lines) and
 * renders it every 150 ms as the VS Code view does. Prints one JSON line: lag samples (now minus the
 * newest shown timestamp, per delivery), RSS samples, lines written and lines shown.
 *   node --import tsx bench/lib/logsFollowChild.ts <durationMs>
 */
import { followLogs, planLogs } from '../../client/src/logs';
import { timestampFormatter } from '../../client/src/logs/time';
import { LogViewModel } from '../../client/src/logs/view/model';
import { FakeLogs } from '../../test/fakes/fakeLogs';
import { CLUSTER, access, fakeEcs, taskArn } from '../../test/unit/logs/helpers';

const durationMs = Number(process.argv[2] ?? 30_000);
const RATE = 2000;
const TICK = 20;

async function main(): Promise<void> {
  const logs = new FakeLogs();
  const t0 = Date.now();
  const task = {
    taskArn: taskArn('bench'),
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    lastStatus: 'RUNNING',
    startedAt: new Date(t0),
    containers: [{ name: 'app' }],
  };
  const a = access(fakeEcs([task]), logs);
  const plan = await planLogs(a, { kind: 'task', cluster: CLUSTER, task: task.taskArn, container: 'app' });
  const stream = 'ecs/app/bench';
  logs.createGroup('/ecs/web');
  let written = 0;
  /** [timestamp, lines written up to and including it], one per tick. */
  const ticks: Array<[number, number]> = [];
  const producer = setInterval(() => {
    const now = Date.now();
    const batch = Array.from({ length: (RATE * TICK) / 1000 }, (_, i) => ({
      timestamp: now,
      message: `GET /api/orders/${written + i} 200 ${((written + i) % 97) / 10}ms \u001b[32mok\u001b[0m`,
    }));
    written += batch.length;
    ticks.push([now, written]);
    logs.put('/ecs/web', stream, batch);
    const events = logs.groups.get('/ecs/web')!.get(stream)!;
    const keepFrom = events.findIndex((e) => e.timestamp >= now - 15_000);
    if (keepFrom > 0) events.splice(0, keepFrom);
  }, TICK);

  const model = new LogViewModel({
    title: 'bench',
    capacity: 10_000,
    formatTime: timestampFormatter('UTC'),
    ansi: 'render',
    labelTasks: false,
  });
  let shown = 0;
  const lag: Array<[number, number]> = [];
  const rss: Array<[number, number]> = [];
  const renderer = setInterval(() => model.render(), 150);
  const sampler = setInterval(() => rss.push([Date.now() - t0, process.memoryUsage().rss]), 250);
  const controller = new AbortController();
  const stop = setTimeout(() => controller.abort(), durationMs);
  await followLogs(a, plan, {
    startTime: t0,
    signal: controller.signal,
    liveTail: false,
    onLines: (lines) => {
      shown += lines.length;
      model.add(lines);
      const now = Date.now();
      lag.push([now - t0, now - lines[lines.length - 1].timestamp]);
    },
    onStatus: () => undefined,
  });
  clearInterval(producer);
  clearInterval(renderer);
  clearInterval(sampler);
  clearTimeout(stop);
  // The last lines written before the stop are shown on the next poll, which the stop cut short:
  // count only what was written up to one poll interval before the end.
  let writtenBeforeLastPoll = 0;
  for (const [ts, n] of ticks) if (ts <= t0 + durationMs - 1500) writtenBeforeLastPoll = n;
  process.stdout.write(
    `${JSON.stringify({ lag, rss, written, shown, kept: model.lineCount, dropped: model.dropped, writtenBeforeLastPoll })}\n`,
  );
}

void main();
