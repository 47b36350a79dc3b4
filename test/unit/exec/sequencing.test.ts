import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InboundSequencer } from '../../../client/src/exec/session/inbound';
import {
  OutboundFullError,
  ResendBuffer,
  ResendExhaustedError,
  RttEstimator,
} from '../../../client/src/exec/session/outbound';
import { encodeMessage, newMessage, type ClientMessage } from '../../../client/src/exec/session/messages';
import { FakeClock } from '../../fakes/fakeClock';

function out(seq: number): ClientMessage {
  return newMessage(
    {
      messageType: 'output_stream_data',
      sequenceNumber: seq,
      flags: 0,
      payloadType: 1,
      payload: Buffer.from(`m${seq}`),
    },
    0,
  );
}
const seqs = (ms: ClientMessage[]) => ms.map((m) => m.sequenceNumber);

test('in-order messages are delivered and acknowledged at once (unit)', () => {
  const s = new InboundSequencer();
  assert.deepEqual(seqs(s.offer(out(0)).deliver), [0]);
  assert.deepEqual(seqs(s.offer(out(1)).deliver), [1]);
  assert.equal(s.expectedSequenceNumber, 2);
});

test('early messages are acknowledged, buffered and drained when the gap fills (unit)', () => {
  const s = new InboundSequencer();
  for (const n of [2, 3, 1]) assert.deepEqual(s.offer(out(n)), { deliver: [], ack: true });
  assert.equal(s.bufferedCount, 3);
  assert.deepEqual(seqs(s.offer(out(0)).deliver), [0, 1, 2, 3]);
  assert.equal(s.bufferedCount, 0);
});

test('duplicates are re-acknowledged but never delivered twice (unit)', () => {
  const s = new InboundSequencer();
  s.offer(out(0));
  assert.deepEqual(s.offer(out(0)), { deliver: [], ack: true, dropped: 'duplicate' });
  s.offer(out(2));
  assert.deepEqual(s.offer(out(2)), { deliver: [], ack: true, dropped: 'duplicate' });
  assert.deepEqual(seqs(s.offer(out(1)).deliver), [1, 2]);
});

test('the early-message buffer is bounded and an overflowing message is left unacknowledged (unit)', () => {
  const s = new InboundSequencer(2);
  s.offer(out(1));
  s.offer(out(2));
  assert.deepEqual(s.offer(out(3)), { deliver: [], ack: false, dropped: 'buffer-full' });
  assert.deepEqual(seqs(s.offer(out(0)).deliver), [0, 1, 2]);
  assert.deepEqual(seqs(s.offer(out(3)).deliver), [3]);
});

test('while held, only the next expected message is refused; later ones wait acknowledged, and one resend releases them all (unit)', () => {
  const s = new InboundSequencer(4);
  assert.deepEqual(seqs(s.offer(out(0)).deliver), [0]);
  s.held = true;
  assert.deepEqual(s.offer(out(1)), { deliver: [], ack: false, dropped: 'held' });
  for (const n of [2, 3, 4]) assert.deepEqual(s.offer(out(n)), { deliver: [], ack: true });
  assert.deepEqual(s.offer(out(1)), { deliver: [], ack: false, dropped: 'held' }, 'a resend during the hold');
  s.held = false;
  // The agent resends only its oldest unacknowledged message: that one fills the gap.
  const r = s.offer(out(1));
  assert.ok(r.ack);
  assert.deepEqual(seqs(r.deliver), [1, 2, 3, 4]);
});

test('RTT estimator follows alpha 1/8, beta 1/4 and clamps RTO to [10 ms granularity, 1 s] (unit)', () => {
  const e = new RttEstimator();
  assert.deepEqual([e.rtt, e.rttVar, e.rto], [100, 0, 200]);
  e.sample(100);
  assert.deepEqual([e.rtt, e.rttVar, e.rto], [100, 0, 110]);
  e.sample(180);
  assert.equal(e.rttVar, 20); // 3/4*0 + 1/4*|100-180|
  assert.equal(e.rtt, 110); // 7/8*100 + 1/8*180
  assert.equal(e.rto, 190); // 110 + 4*20
  for (let i = 0; i < 5; i++) e.sample(5000);
  assert.equal(e.rto, 1000);
});

function pending(buf: ResendBuffer, clock: FakeClock): Buffer {
  const m = newMessage(
    {
      messageType: 'input_stream_data',
      sequenceNumber: buf.nextSequenceNumber(),
      flags: 0,
      payloadType: 1,
      payload: Buffer.from('x'),
    },
    clock.now(),
  );
  const frame = encodeMessage(m);
  buf.track(m, frame);
  return frame;
}

test('the oldest unacknowledged message is resent only after the RTO elapses (unit)', () => {
  const clock = new FakeClock();
  const buf = new ResendBuffer(clock);
  const first = pending(buf, clock);
  pending(buf, clock);
  clock.advance(200);
  assert.equal(buf.tick(), undefined, 'not yet: RTO is 200 ms and must be exceeded');
  clock.advance(1);
  assert.equal(buf.tick(), first);
  assert.equal(buf.tick(), undefined, 'the resend restarts its timer');
  assert.equal(buf.acknowledge(0), true);
  assert.equal(buf.acknowledge(0), false);
  clock.advance(201);
  assert.notEqual(buf.tick(), undefined, 'now the second message is the oldest');
});

test('acknowledgements feed the RTT estimator, which shortens the RTO (unit)', () => {
  const clock = new FakeClock();
  const buf = new ResendBuffer(clock);
  for (let i = 0; i < 20; i++) {
    pending(buf, clock);
    clock.advance(20);
    buf.acknowledge(i);
  }
  assert.ok(buf.rtt.rto < 80 && buf.rtt.rtt < 30, `rto ${buf.rtt.rto}`);
  pending(buf, clock);
  clock.advance(Math.ceil(buf.rtt.rto) + 1);
  assert.notEqual(buf.tick(), undefined);
});

test('the resend buffer is bounded and gives up after the maximum resends (unit)', () => {
  const clock = new FakeClock();
  const buf = new ResendBuffer(clock, 2, 3);
  pending(buf, clock);
  pending(buf, clock);
  assert.throws(() => buf.nextSequenceNumber(), OutboundFullError);
  for (let i = 0; i < 3; i++) {
    clock.advance(1001);
    assert.notEqual(buf.tick(), undefined);
  }
  clock.advance(1001);
  assert.throws(() => buf.tick(), ResendExhaustedError);
});

test('a fake-clock interval drives the resend check every 100 ms (unit)', () => {
  const clock = new FakeClock();
  const buf = new ResendBuffer(clock);
  pending(buf, clock);
  const resent: number[] = [];
  const stop = clock.every(100, () => {
    if (buf.tick()) resent.push(clock.now());
  });
  const t0 = clock.now();
  clock.advance(1000);
  stop();
  assert.deepEqual(
    resent.map((t) => t - t0),
    [300, 600, 900],
  );
});
