/**
 * The session WebSocket's keepalive, as session-manager-plugin sends it: `communicator/websocketchannel.go`
 * `Open` calls `StartPings(log, config.PingTimeInterval)`, whose loop writes a ping ("keepalive") at once
 * and then sleeps PingTimeInterval (`config/config.go`: 5 minutes) between pings; every connection of
 * the session (a resumed one too) starts its own loop. (unit)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEEPALIVE_MS } from '../../../client/src/exec/session/link';
import { FakeClock } from '../../fakes/fakeClock';
import { connect, resumeFrom } from './sessionHarness';

test('the WebSocket keepalive is a ping at once, then one every 5 minutes, and again at once on a resumed connection (unit)', async () => {
  assert.equal(KEEPALIVE_MS, 5 * 60 * 1000);
  const clock = new FakeClock();
  const pings: string[] = [];
  const h = await connect({}, false, (agent) => {
    agent.on('ping', (data: string) => pings.push(data));
    return { clock, resumeSession: resumeFrom(agent) };
  });
  // A ping written before a line of input reaches the agent before it: the echo proves it has arrived.
  let n = 0;
  const roundTrip = async () => {
    const word = `rt${++n}`;
    h.channel.sendInput(`echo ${word}\r`);
    await h.waitForText(`${word}\r\n$ `);
  };
  try {
    await h.waitForText('$ ');
    await roundTrip();
    assert.deepEqual(pings, ['keepalive'], 'one ping as soon as the connection is open');
    clock.advance(KEEPALIVE_MS - 1);
    await roundTrip();
    assert.equal(pings.length, 1, 'no second ping before 5 minutes');
    clock.advance(1);
    await roundTrip();
    assert.equal(pings.length, 2, 'the second ping 5 minutes after the first');
    clock.advance(2 * KEEPALIVE_MS);
    await roundTrip();
    assert.equal(pings.length, 4, 'then one every 5 minutes');
    assert.equal(h.agent.dropConnections(), 1);
    await h.waitForConnection('reconnected');
    await roundTrip();
    assert.equal(pings.length, 5, 'the resumed connection pings at once');
    clock.advance(KEEPALIVE_MS);
    await roundTrip();
    assert.equal(pings.length, 6, 'one loop per connection: the dropped one pings no more');
    assert.ok(pings.every((p) => p === 'keepalive'));
  } finally {
    await h.dispose();
  }
});
