import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveTailInput, LiveTailUpdate, LogEvent } from '../../../client/src/aws/types';
import { explainEmpty, lastLines, LogTargetError, planLogs, readRange } from '../../../client/src/logs';
import { FakeLogs } from '../../fakes/fakeLogs';
import { CLUSTER, T0, WEB_TD, access, fakeEcs, follower, running, taskArn, yieldWait } from './helpers';

describe('show and follow (unit)', () => {
  it('readRange interleaves containers and tasks by time, labels each line, keeps the newest `limit`', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [
      { timestamp: T0 + 1, message: 'a1' },
      { timestamp: T0 + 4, message: 'a2' },
    ]);
    logs.put('/ecs/web', 'ecs/proxy/t1', [{ timestamp: T0 + 2, message: 'p1' }]);
    logs.put('/ecs/web', 'ecs/app/t2', [{ timestamp: T0 + 3, message: 'b1' }]);
    logs.put('/ecs/web', 'ecs/app/other', [{ timestamp: T0 + 3, message: 'not ours' }]);
    const a = access(fakeEcs([running('t1'), running('t2')]), logs);
    const plan = await planLogs(a, { kind: 'service', cluster: CLUSTER, service: 'web' });
    const all = await readRange(a, plan, { startTime: T0, limit: 100 });
    assert.deepEqual(
      all.lines.map((l) => `${l.taskId} ${l.container} ${l.message}`),
      ['t1 app a1', 't1 proxy p1', 't2 app b1', 't1 app a2'],
    );
    const two = await readRange(a, plan, { startTime: T0, limit: 2 });
    assert.deepEqual(
      two.lines.map((l) => l.message),
      ['b1', 'a2'],
    );
    assert.equal(two.dropped, 2);
  });

  it('readRange follows nextToken through every page and retries a throttled page', async () => {
    const logs = new FakeLogs();
    logs.pageSize = 3;
    logs.put(
      '/ecs/web',
      'ecs/app/t1',
      Array.from({ length: 10 }, (_, i) => ({ timestamp: T0 + i, message: `l${i}` })),
    );
    const a = access(fakeEcs([running('t1')]), logs);
    const plan = await planLogs(a, { kind: 'task', cluster: CLUSTER, task: taskArn('t1'), container: 'app' });
    logs.throttleNext(2);
    const r = await readRange(a, plan, { startTime: T0, limit: 100, wait: yieldWait });
    assert.equal(r.lines.length, 10);
    assert.equal(logs.count('FilterLogEvents'), 4 + 2);
  });

  it('polling: shows what is there, then lines arriving during the follow, each once, none lost at the boundary', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 10, message: 'first' }]);
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.lines.length === 1, 'the seeded line');
    // Same millisecond as the newest line shown, written after the poll: must not be lost.
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 10, message: 'same ms' }]);
    logs.put('/ecs/web', 'ecs/proxy/t1', [{ timestamp: T0 + 11, message: 'proxy up' }]);
    await f.waitFor(() => f.lines.length === 3, 'the new lines');
    const polls = logs.count('FilterLogEvents');
    await f.waitFor(() => logs.count('FilterLogEvents') > polls + 2, 'more polls');
    f.controller.abort();
    await f.done;
    assert.deepEqual(
      f.lines.map((l) => `${l.container}: ${l.message}`),
      ['app: first', 'app: same ms', 'proxy: proxy up'],
    );
    assert.match(f.status.join('\n'), /^$/);
  });

  it('polling waits for a log group that does not exist yet and says so once', async () => {
    const logs = new FakeLogs();
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.status.length > 0, 'a status');
    assert.match(f.status[0], /Waiting: Log group "\/ecs\/web" does not exist in us-east-1 .*awslogs-create-group/);
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'hello' }]);
    await f.waitFor(() => f.lines.length === 1, 'the first line');
    f.controller.abort();
    await f.done;
    assert.equal(f.status.filter((s) => s.startsWith('Waiting')).length, 1);
  });

  it('polling stops with the permission named when FilterLogEvents is denied', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'x' }]);
    logs.deny('FilterLogEvents');
    const f = follower(logs, [running('t1')]);
    await assert.rejects(
      f.done,
      /Access denied: logs:FilterLogEvents on log group "\/ecs\/web" in us-east-1.*Allow logs:FilterLogEvents/,
    );
  });

  it('Live Tail: backfill after the session starts, then live lines; the hand-over shows each line once', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'before' }]);
    const updates: LiveTailUpdate[] = [];
    let push = (): void => undefined;
    let input: LiveTailInput | undefined;
    logs.liveTail = (i) => {
      input = i;
      return (async function* () {
        yield { kind: 'start' };
        while (!i.signal.aborted) {
          const u = updates.shift();
          if (u) yield u;
          else await new Promise<void>((r) => ((push = r), i.signal.addEventListener('abort', () => r())));
        }
      })();
    };
    const f = follower(logs, [running('t1')], { liveTail: true, filterPattern: 'e' });
    await f.waitFor(() => f.lines.length === 1, 'the backfill');
    const live: LogEvent = { logStreamName: 'ecs/app/t1', timestamp: T0 + 1, message: 'before' }; // also in the backfill
    updates.push({
      kind: 'update',
      sampled: false,
      events: [live, { logStreamName: 'ecs/proxy/t1', timestamp: T0 + 5, message: 'live' }],
    });
    push();
    await f.waitFor(() => f.lines.some((l) => l.message === 'live'), 'the live line');
    f.controller.abort();
    await f.done;
    assert.deepEqual(
      f.lines.map((l) => l.message),
      ['before', 'live'],
    );
    assert.deepEqual(input?.logGroupArns, ['arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web']);
    assert.deepEqual(input?.logStreamNames?.sort(), ['ecs/app/t1', 'ecs/proxy/t1']);
    assert.equal(input?.filterPattern, 'e');
  });

  it('Live Tail unavailable or denied: falls back to polling and says why', async () => {
    for (const deny of [false, true]) {
      const logs = new FakeLogs();
      if (deny) logs.deny('StartLiveTail');
      logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'x' }]);
      const f = follower(logs, [running('t1')], { liveTail: true });
      await f.waitFor(() => f.lines.length === 1 && f.status.length > 0, 'fallback');
      f.controller.abort();
      await f.done;
      assert.match(
        f.status[0],
        deny
          ? /logs:StartLiveTail denied.*polling FilterLogEvents instead/
          : /Live Tail is not available here.*polling/,
      );
    }
  });

  it('Live Tail session timeout (3-hour limit): the session is reopened, lines keep coming', async () => {
    const logs = new FakeLogs();
    logs.createGroup('/ecs/web');
    let sessions = 0;
    logs.liveTail = (i) =>
      (async function* () {
        sessions++;
        yield { kind: 'start' };
        if (sessions === 1) throw Object.assign(new Error('Session timed out'), { name: 'SessionTimeoutException' });
        yield {
          kind: 'update',
          sampled: false,
          events: [{ logStreamName: 'ecs/app/t1', timestamp: T0 + 9, message: 'after reopen' }],
        };
        await new Promise<void>((r) => i.signal.addEventListener('abort', () => r()));
      })();
    const f = follower(logs, [running('t1')], { liveTail: true });
    await f.waitFor(() => f.lines.some((l) => l.message === 'after reopen'), 'the line of the second session');
    f.controller.abort();
    await f.done;
    assert.equal(sessions, 2);
    assert.deepEqual(f.status, []);
  });

  it('Live Tail sampling (over 500 lines/s) switches to polling so no line is skipped', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'a' }]);
    logs.liveTail = () =>
      (async function* () {
        yield { kind: 'start' };
        yield { kind: 'update', sampled: true, events: [] };
      })();
    const f = follower(logs, [running('t1')], { liveTail: true });
    await f.waitFor(() => f.status.length > 0, 'the fallback');
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 2, message: 'b' }]);
    await f.waitFor(() => f.lines.length === 2, 'the polled line');
    f.controller.abort();
    await f.done;
    assert.match(f.status[0], /sampling/);
    assert.deepEqual(
      f.lines.map((l) => l.message),
      ['a', 'b'],
    );
  });
});

describe('lastLines for the stopped-task diagnosis (unit)', () => {
  const stopped = {
    ...running('dead'),
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stoppedAt: new Date(T0 + 60_000),
    containers: [
      { name: 'proxy', exitCode: 0 },
      { name: 'app', exitCode: 1 },
    ],
  };

  it("returns the failed essential container's last lines", async () => {
    const logs = new FakeLogs();
    logs.put(
      '/ecs/web',
      'ecs/app/dead',
      Array.from({ length: 80 }, (_, i) => ({ timestamp: T0 + i, message: `line ${i}` })),
    );
    const r = await lastLines(access(fakeEcs([stopped]), logs), {
      kind: 'task',
      cluster: CLUSTER,
      task: stopped.taskArn,
    });
    assert.equal(r.ok, true);
    if (!r.ok) return;
    assert.equal(r.container, 'app');
    assert.equal(r.stream, 'ecs/app/dead');
    assert.equal(r.lines.length, 50);
    assert.equal(r.lines[49].message, 'line 79');
  });

  it('says why not: stream never created, group missing, access denied, task gone', async () => {
    const logs = new FakeLogs();
    logs.createGroup('/ecs/web');
    const a = access(fakeEcs([stopped]), logs);
    const target = { kind: 'task' as const, cluster: CLUSTER, task: stopped.taskArn };
    const noStream = await lastLines(a, target);
    assert.equal(noStream.ok, false);
    assert.match(
      noStream.ok ? '' : noStream.reason,
      /"app" wrote no log line \(stream ecs\/app\/dead was never created/,
    );
    const noGroup = await lastLines(access(fakeEcs([stopped]), new FakeLogs()), target);
    assert.match(
      noGroup.ok ? '' : `${noGroup.reason} ${noGroup.fix}`,
      /Log group "\/ecs\/web" does not exist.*create-log-group/,
    );
    const deniedLogs = new FakeLogs();
    deniedLogs.deny('GetLogEvents');
    const denied = await lastLines(access(fakeEcs([stopped]), deniedLogs), target);
    assert.match(denied.ok ? '' : denied.reason, /logs:GetLogEvents/);
    const gone = await lastLines(a, { ...target, task: taskArn('nope') });
    assert.match(gone.ok ? '' : gone.reason, /was not found/);
  });

  it('service "previous" is the most recently stopped task', async () => {
    const older = { ...stopped, taskArn: taskArn('older'), stoppedAt: new Date(T0) };
    const logs = new FakeLogs();
    const a = access(fakeEcs([running('live'), older, stopped]), logs);
    const plan = await planLogs(a, { kind: 'service', cluster: CLUSTER, service: 'web', previous: true });
    assert.deepEqual([...new Set(plan.streams.map((s) => s.taskId))], ['dead']);
  });
});

describe('empty reads are explained (unit)', () => {
  it('a stream not created yet: the task is still pending, following waits for it', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/proxy/p1', [{ timestamp: T0, message: 'proxy up' }]);
    const pending = { ...running('p1'), lastStatus: 'PENDING' };
    const a = access(fakeEcs([pending]), logs);
    const plan = await planLogs(a, { kind: 'task', cluster: CLUSTER, task: pending.taskArn });
    const why = await explainEmpty(a, plan);
    assert.deepEqual(why, [
      'Stream ecs/app/p1 does not exist yet in "/ecs/web" (task p1 is PENDING): it appears when the container writes its first line; Follow Container Logs waits for it.',
    ]);
  });

  it('a container whose stream cannot be named (no awslogs-stream-prefix): the plan says why, with the member', async () => {
    const td = {
      ...WEB_TD,
      containerDefinitions: [
        { name: 'app', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } },
      ],
    };
    const a = access(fakeEcs([running('t1')], [td]), new FakeLogs());
    await assert.rejects(
      planLogs(a, { kind: 'task', cluster: CLUSTER, task: taskArn('t1') }),
      (e: Error) => e instanceof LogTargetError && /options\["awslogs-stream-prefix"\]/.test(e.message),
    );
  });
});
