/**
 * The smux keepalive of a multiplexed forward, on a manual clock: a NOP every 10 s, and a peer that
 * sends no frame for a whole 30 s check period ends the forward (xtaci/smux `session.go` `keepalive`,
 * DefaultConfig in `mux.go`); any frame in the period keeps it alive, and so does a channel being
 * resumed. The channel is an in-memory stand-in for the data channel: only the forwarder is under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Emitter } from '../../../client/src/exec/emitter';
import type { ChannelClosed, ConnectionState, SessionReady } from '../../../client/src/exec/session/dataChannel';
import type { ConnectionEvent } from '../../../client/src/exec/session/link';
import { PortForwarder, type ForwardEnded, type PortChannel } from '../../../client/src/portForward/forwarder';
import { encodeFrame, FrameDecoder, SmuxCmd } from '../../../client/src/portForward/smux';
import { FakeClock } from '../../fakes/fakeClock';

function channel() {
  const ready = new Emitter<SessionReady>();
  const output = new Emitter<Buffer>();
  const closed = new Emitter<ChannelClosed>();
  const sent: Buffer[] = [];
  const ch = {
    state: 'open' as ConnectionState,
    closed: 0,
    onReady: ready.event,
    onOutput: output.event,
    onFlag: new Emitter<number>().event,
    onClose: closed.event,
    onAcknowledged: new Emitter<number>().event,
    onConnection: new Emitter<ConnectionEvent>().event,
    unacknowledged: 0,
    get connectionState() {
      return ch.state;
    },
    sendInput: (b: Uint8Array) => void sent.push(Buffer.from(b)),
    sendFlag: () => {},
    holdOutput: () => {},
    close: () => {
      ch.closed++;
      closed.fire({ reason: 'client_closed' });
    },
  };
  const c: PortChannel = ch;
  return { c, ch, ready, output, sent };
}

async function setup(agentVersion: string) {
  const clock = new FakeClock();
  const logs: string[] = [];
  const f = new PortForwarder((l) => logs.push(l), clock);
  await f.listen(0);
  const { c, ch, ready, output, sent } = channel();
  f.attach(c);
  const ended: ForwardEnded[] = [];
  f.onEnded((e) => ended.push(e));
  ready.fire({ sessionType: 'Port', sessionProperties: { type: 'LocalPortForwarding' }, agentVersion });
  const nops = () => new FrameDecoder().push(Buffer.concat(sent)).filter((x) => x.cmd === SmuxCmd.nop).length;
  return { f, clock, ch, output, ended, nops, logs };
}

test('smux keepalive: NOP every 10 s; a peer silent for a whole 30 s period ends the forward (unit)', async () => {
  const { f, clock, ch, output, ended, nops, logs } = await setup('3.1.1446.0');
  try {
    clock.advance(10_000);
    assert.equal(nops(), 1);
    // A frame in each period keeps the session: any frame counts (smux sets dataReady per frame).
    clock.advance(15_000);
    output.fire(encodeFrame(SmuxCmd.nop, 0));
    clock.advance(5_000); // 30 s: the check sees a frame
    assert.equal(ended.length, 0);
    output.fire(encodeFrame(SmuxCmd.psh, 99, Buffer.from('late data for a forgotten stream')));
    clock.advance(30_000); // 60 s: the check sees a frame again
    assert.equal(ended.length, 0);
    // While the channel is being resumed the silence is the connection's: no timeout.
    ch.state = 'reconnecting';
    clock.advance(30_000);
    assert.equal(ended.length, 0);
    ch.state = 'open';
    clock.advance(30_000); // 120 s: nothing since 60 s
    assert.equal(ended.length, 1);
    assert.equal(ended[0].reason, 'connection_lost');
    assert.match(ended[0].message, /sent nothing for 30 s/);
    assert.equal(ch.closed, 1);
    assert.ok(logs.some((l) => /keepalive timeout/.test(l)));
    const pings = nops();
    clock.advance(60_000);
    assert.equal(nops(), pings, 'no NOP after the end');
    assert.equal(ended.length, 1);
  } finally {
    f.stop();
  }
});

test('smux keepalive is off with agents above 3.1.1511.0: neither NOPs nor a timeout (unit)', async () => {
  const { f, clock, ended, nops } = await setup('3.3.987.0');
  try {
    clock.advance(300_000);
    assert.equal(nops(), 0);
    assert.equal(ended.length, 0);
  } finally {
    f.stop();
  }
});
