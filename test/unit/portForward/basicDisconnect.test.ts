/**
 * Basic mode after a local connection closes (`basicportforwarding.go`): the plugin sends DisconnectToPort
 * and the agent closes its target connection, dialling again on the next Output (`port_basic.go`
 * `HandleStreamMessage`). Output the agent sent from the old target before it had the flag may still be on
 * its way: it must not reach the next local client as the start of its answer. The channel is an
 * in-memory stand-in for the data channel: only the forwarder is under test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { Emitter } from '../../../client/src/exec/emitter';
import type { ChannelClosed, SessionReady } from '../../../client/src/exec/session/dataChannel';
import type { ConnectionEvent } from '../../../client/src/exec/session/link';
import { Flag, PortForwarder, type PortChannel } from '../../../client/src/portForward/forwarder';

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
const received = (s: Socket): Promise<Buffer> => new Promise((resolve) => s.once('data', resolve));

test('basic mode: after a disconnect the next connection waits for the flag to be acknowledged, and the old target tail is dropped until it sends (unit)', async () => {
  const ready = new Emitter<SessionReady>();
  const output = new Emitter<Buffer>();
  const acked = new Emitter<number>();
  const inputs: string[] = [];
  const flags: number[] = [];
  const flagSent = new Emitter<number>();
  const inputSent = new Emitter<number>();
  const closed = new Emitter<ChannelClosed>();
  const inputsReach = (n: number): Promise<void> =>
    inputs.length >= n ? Promise.resolve() : new Promise((resolve) => inputSent.event((k) => k >= n && resolve()));
  const c: PortChannel = {
    onReady: ready.event,
    onOutput: output.event,
    onFlag: new Emitter<number>().event,
    onClose: closed.event,
    onAcknowledged: acked.event,
    onConnection: new Emitter<ConnectionEvent>().event,
    unacknowledged: 0,
    connectionState: 'open',
    sendInput: (b: Uint8Array) => inputSent.fire(inputs.push(Buffer.from(b).toString())),
    sendFlag: (f: number) => (flags.push(f), flagSent.fire(f)),
    holdOutput: () => {},
    close: () => {},
  };
  const f = new PortForwarder();
  const port = await f.listen(0);
  f.attach(c);
  ready.fire({ sessionType: 'Port', sessionProperties: { type: 'LocalPortForwarding' }, agentVersion: '3.0.196.0' });
  try {
    const a = await open(port);
    a.write('first request');
    await inputsReach(1);
    const aGot = received(a);
    output.fire(Buffer.from('first answer'));
    assert.equal((await aGot).toString(), 'first answer');

    const flag = new Promise((resolve) => flagSent.event(resolve));
    a.destroy();
    assert.equal(await flag, Flag.disconnectToPort);
    const b = await open(port);
    b.write('second request');
    let bGot = Buffer.alloc(0);
    b.on('data', (d: Buffer) => (bGot = Buffer.concat([bGot, d])));
    // The old target's tail, before and after the flag is acknowledged: dropped, and b is not read yet.
    output.fire(Buffer.from('tail of the first answer'));
    assert.deepEqual(inputs, ['first request']);
    acked.fire(0);
    await inputsReach(2);
    assert.deepEqual(inputs, ['first request', 'second request']);
    const bFirst = new Promise<void>((resolve) => b.once('data', () => resolve()));
    output.fire(Buffer.from('second answer'));
    await bFirst;
    assert.equal(bGot.toString(), 'second answer');
    assert.deepEqual(flags, [Flag.disconnectToPort]);
    b.destroy();
  } finally {
    closed.fire({ reason: 'client_closed' }); // ends the forward: its listener closes
  }
});
