import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentEvents } from '../../../client/src/logs/dedup';
import { RingBuffer } from '../../../client/src/logs/ring';

describe('ring buffer (unit)', () => {
  it('keeps the newest items in order and counts what it dropped', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) r.push(i);
    assert.deepEqual(r.toArray(), [5, 6, 7]);
    assert.equal(r.dropped, 4);
    assert.equal(r.length, 3);
    assert.deepEqual(r.last(2), [6, 7]);
    r.clear();
    assert.deepEqual(r.toArray(), []);
    assert.equal(r.dropped, 0);
  });

  it('holds at most its capacity whatever is pushed', () => {
    const r = new RingBuffer<string>(1000);
    for (let i = 0; i < 100_000; i++) r.push(`line ${i}`);
    assert.equal(r.length, 1000);
    assert.equal(r.toArray()[0], 'line 99000');
    assert.equal(r.dropped, 99_000);
  });

  it('rejects a capacity that is not a positive integer', () => {
    assert.throws(() => new RingBuffer(0), RangeError);
    assert.throws(() => new RingBuffer(1.5), RangeError);
  });
});

describe('de-duplication across polls (unit)', () => {
  const ev = (eventId: string | undefined, timestamp: number, message = `m${eventId}`, logStreamName = 's') => ({
    eventId,
    timestamp,
    message,
    logStreamName,
  });

  it('an event id is accepted once across overlapping reads', () => {
    const d = new RecentEvents(5000);
    assert.equal(d.accept(ev('1', 100)), true);
    assert.equal(d.accept(ev('2', 100)), true);
    assert.equal(d.accept(ev('1', 100)), false);
    assert.equal(d.newestTimestamp, 100);
  });

  it('two identical lines in the same millisecond with different ids are both kept', () => {
    const d = new RecentEvents(5000);
    assert.equal(d.accept(ev('1', 100, 'same')), true);
    assert.equal(d.accept(ev('2', 100, 'same')), true);
  });

  it('a Live Tail event (no id) and the same event read later by FilterLogEvents count once', () => {
    const d = new RecentEvents(5000);
    assert.equal(d.accept(ev(undefined, 100, 'hello')), true);
    assert.equal(d.accept(ev('9', 100, 'hello')), false);
    // ...and a genuine repeat with another id afterwards is kept.
    assert.equal(d.accept(ev('10', 100, 'hello')), true);
    // FilterLogEvents first (backfill), Live Tail after: one line.
    assert.equal(d.accept(ev('11', 200, 'x')), true);
    assert.equal(d.accept(ev(undefined, 200, 'x')), false);
  });

  it('forgets what is older than the window, so memory follows the window', () => {
    const d = new RecentEvents(1000);
    for (let t = 0; t < 10_000; t++) d.accept(ev(String(t), t));
    d.prune();
    assert.ok(d.size <= 2 * 1001, `size ${d.size}`);
    assert.equal(d.accept(ev('9999', 9999)), false);
  });
});
