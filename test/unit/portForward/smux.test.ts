import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  encodeFrame,
  FrameDecoder,
  SmuxClient,
  SmuxCmd,
  SmuxProtocolError,
} from '../../../client/src/portForward/smux';
import { chooseMode, clientKeepalive, compareVersions } from '../../../client/src/portForward/modes';

test('smux v1 frame layout: version, cmd, little-endian length and stream id (unit)', () => {
  const f = encodeFrame(SmuxCmd.psh, 0x01020304, Buffer.from('hi'));
  assert.deepEqual([...f], [1, 2, 2, 0, 4, 3, 2, 1, 0x68, 0x69]);
});

test('smux decoder reassembles frames cut anywhere (data-channel messages of 1024 bytes) (unit)', () => {
  const frames = Buffer.concat([
    encodeFrame(SmuxCmd.syn, 3),
    encodeFrame(SmuxCmd.psh, 3, Buffer.alloc(3000, 7)),
    encodeFrame(SmuxCmd.fin, 3),
  ]);
  const d = new FrameDecoder();
  const got = [];
  for (let i = 0; i < frames.length; i += 5) got.push(...d.push(frames.subarray(i, i + 5)));
  assert.deepEqual(
    got.map((f) => [f.cmd, f.streamId, f.data.length]),
    [
      [0, 3, 0],
      [2, 3, 3000],
      [1, 3, 0],
    ],
  );
});

test('smux client: odd stream ids from 3, SYN/PSH/FIN, FIN from the peer closes the stream, bad version throws (unit)', () => {
  const sent: Buffer[] = [];
  const c = new SmuxClient((b) => sent.push(b));
  const a = c.openStream();
  const b = c.openStream();
  assert.deepEqual([a.id, b.id], [3, 5]);
  const got: string[] = [];
  let closedByPeer: boolean | undefined;
  a.handlers = { data: (d) => got.push(d.toString()), closed: (p) => (closedByPeer = p) };
  a.write(Buffer.alloc(40_000));
  assert.deepEqual(
    sent.slice(2).map((f) => [f[1], f.readUInt16LE(2)]),
    [
      [SmuxCmd.psh, 32768],
      [SmuxCmd.psh, 40_000 - 32768],
    ],
  );
  c.receive(Buffer.concat([encodeFrame(SmuxCmd.psh, 3, Buffer.from('ok')), encodeFrame(SmuxCmd.fin, 3)]));
  assert.deepEqual(got, ['ok']);
  assert.equal(closedByPeer, true);
  assert.equal(c.streamCount, 1);
  const bad = encodeFrame(SmuxCmd.nop, 0);
  bad[0] = 2;
  assert.throws(() => c.receive(bad), SmuxProtocolError);
});

test('mode choice and keepalive follow the plugin: multiplexed above agent 3.0.196.0 (unit)', () => {
  const lpf = { type: 'LocalPortForwarding' };
  assert.equal(chooseMode(lpf, '3.0.196.0'), 'basic');
  assert.equal(chooseMode(lpf, '3.0.196.1'), 'multiplexed');
  assert.equal(chooseMode(lpf, '3.3.987.0'), 'multiplexed');
  assert.equal(chooseMode({}, '3.3.987.0'), 'basic');
  assert.equal(chooseMode(lpf, undefined), 'basic');
  assert.equal(clientKeepalive('3.1.1511.0'), true);
  assert.equal(clientKeepalive('3.1.1600.0'), false);
  assert.equal(compareVersions('1.10.0', '1.9.9'), 1);
});
