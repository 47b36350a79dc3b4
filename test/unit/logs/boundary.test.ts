/**
 * (unit) Following by polling at the edges: lines ingested late (a log driver sends in batches, so a
 * line can reach CloudWatch after lines of another stream stamped later), many pages per poll, and
 * CloudWatch throttling the follow.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentEvents } from '../../../client/src/logs/dedup';
import { FOLLOW_DEFAULTS, windowStart } from '../../../client/src/logs/poll';
import { FakeLogs } from '../../fakes/fakeLogs';
import { T0, follower, running } from './helpers';

const shown = (f: ReturnType<typeof follower>): string[] => f.lines.map((l) => `${l.container}: ${l.message}`);

describe('following at the boundary (unit)', () => {
  it('a line of another stream ingested late (driver batching), stamped before the newest line shown, is shown once', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 10_000, message: 'app at 10 s' }]);
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.lines.length === 1, 'the first line');
    // The proxy's driver sends its batch 5 s later: its line is stamped 6 s before the app's line
    // already shown, and ingested only now.
    logs.put('/ecs/web', 'ecs/proxy/t1', [
      { timestamp: T0 + 4_000, message: 'proxy at 4 s', ingestionTime: T0 + 12_000 },
    ]);
    await f.waitFor(() => f.lines.length === 2, 'the late line');
    const polls = logs.count('FilterLogEvents');
    await f.waitFor(() => logs.count('FilterLogEvents') > polls + 2, 'more polls');
    f.controller.abort();
    await f.done;
    assert.deepEqual(shown(f), ['app: app at 10 s', 'proxy: proxy at 4 s']);
  });

  it('the window widens to the largest ingestion delay seen, so a later line as late is not lost either', async () => {
    const logs = new FakeLogs();
    // This router delivers 20 s after the fact (far beyond the expected 5 s).
    logs.put('/ecs/web', 'ecs/app/t1', [
      { timestamp: T0 + 100_000, message: 'app at 100 s', ingestionTime: T0 + 120_000 },
    ]);
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.lines.length === 1, 'the first line');
    logs.put('/ecs/web', 'ecs/proxy/t1', [
      { timestamp: T0 + 85_000, message: 'proxy at 85 s', ingestionTime: T0 + 104_000 },
    ]);
    await f.waitFor(() => f.lines.length === 2, 'the line 15 s older than the newest');
    f.controller.abort();
    await f.done;
    assert.deepEqual(shown(f), ['app: app at 100 s', 'proxy: proxy at 85 s']);
  });

  it('the window: nothing seen = from the start; else overlap + lateness back, capped, never before the start', () => {
    const seen = new RecentEvents(60_000);
    assert.equal(windowStart(seen, {}, T0), T0);
    seen.accept({ eventId: '1', logStreamName: 's', timestamp: T0 + 60_000, ingestionTime: T0 + 60_500, message: 'a' });
    const back = FOLLOW_DEFAULTS.overlapMs + FOLLOW_DEFAULTS.latenessMs;
    assert.equal(windowStart(seen, {}, T0), T0 + 60_000 - back);
    assert.equal(windowStart(seen, {}, T0 + 59_000), T0 + 59_000);
    seen.accept({ eventId: '2', logStreamName: 's', timestamp: T0 + 60_000, ingestionTime: T0 + 90_000, message: 'b' });
    assert.equal(seen.maxLateness, 30_000);
    assert.equal(windowStart(seen, {}, T0), T0 + 60_000 - FOLLOW_DEFAULTS.overlapMs - 30_000);
    seen.accept({
      eventId: '3',
      logStreamName: 's',
      timestamp: T0 + 60_000,
      ingestionTime: T0 + 3_600_000,
      message: 'c',
    });
    assert.equal(
      windowStart(seen, {}, 0),
      T0 + 60_000 - FOLLOW_DEFAULTS.overlapMs - FOLLOW_DEFAULTS.maxLatenessMs,
      'an hour-late line does not make every poll re-read an hour',
    );
    // What the window re-reads stays remembered (pruning never goes past the window's start).
    seen.prune(windowStart(seen, {}, 0));
    assert.equal(seen.accept({ eventId: '1', logStreamName: 's', timestamp: T0 + 60_000, message: 'a' }), false);
  });

  it('a poll that spans several pages (nextToken) shows every line once, in order', async () => {
    const logs = new FakeLogs();
    logs.pageSize = 7;
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'l0' }]);
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.lines.length === 1, 'the first line');
    logs.put(
      '/ecs/web',
      'ecs/app/t1',
      Array.from({ length: 40 }, (_, i) => ({ timestamp: T0 + 2 + Math.floor(i / 4), message: `l${i + 1}` })),
    );
    await f.waitFor(() => f.lines.length === 41, 'the 40 new lines');
    f.controller.abort();
    await f.done;
    assert.deepEqual(
      f.lines.map((l) => l.message),
      Array.from({ length: 41 }, (_, i) => `l${i}`),
    );
  });

  it('ThrottlingException while following: the interval doubles (said once per step), then returns to the minimum, no line lost', async () => {
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'a' }]);
    const f = follower(logs, [running('t1')]);
    await f.waitFor(() => f.lines.length === 1, 'the first line');
    const before = f.polls.length;
    logs.throttleNext(3);
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 2, message: 'b' }]);
    await f.waitFor(() => f.lines.length === 2, 'the line written while throttled');
    f.controller.abort();
    await f.done;
    const after = f.polls.slice(before);
    const throttled = after.slice(0, 3).map((p) => p.intervalMs);
    // The interval before was the minimum grown by empty polls; each throttled poll doubles it, up to 30 s.
    for (let i = 1; i < throttled.length; i++) assert.equal(throttled[i], Math.min(30_000, throttled[i - 1] * 2));
    assert.ok(throttled[0] >= 2 * FOLLOW_DEFAULTS.minIntervalMs);
    assert.equal(after.find((p) => p.fresh > 0)?.intervalMs, FOLLOW_DEFAULTS.minIntervalMs);
    assert.equal(f.status.filter((s) => /throttling: polling every \d+ s/.test(s)).length, 3);
    assert.deepEqual(
      f.lines.map((l) => l.message),
      ['a', 'b'],
    );
  });
});
