/**
 * A local client that stops reading: the forward holds the agent's output back (the next expected message
 * unacknowledged, so the fake agent resends it, as amazon-ssm-agent `datachannel.go`
 * `ResendStreamDataMessageScheduler` does; later ones wait in the data channel's bounded early buffer)
 * instead of buffering it without limit, and delivers everything intact once the client reads again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect as tcpConnect } from 'node:net';
import { nextEvent } from '../../../client/src/exec/emitter';
import { DEFAULT_INBOUND_CAPACITY } from '../../../client/src/exec/session/inbound';
import { OUTPUT_HIGH_WATER } from '../../../client/src/portForward/forwarder';
import { BIG, BIG_SHA, portHarness, sha } from './harness';

/** What may be written after the hold starts: deliveries already under way (the fake's 256-message window). */
const BOUND = OUTPUT_HIGH_WATER + 1024 * 1024;
/**
 * At the release, what the early buffer held is written at once: at most its capacity in messages of at
 * most 1024 bytes (the agent's StreamDataPayloadSize) on top of the hold bound.
 */
const PEAK_BOUND = BOUND + DEFAULT_INBOUND_CAPACITY * 1024;

for (const mode of [
  { name: 'multiplexed', agentVersion: undefined },
  { name: 'basic', agentVersion: '3.0.196.0' },
] as const) {
  test(`${mode.name}: a client that does not read holds the agent's output back; buffered bytes stay bounded, then all 50 MB arrive intact (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    const f = h.forward.forwarder;
    try {
      const held = nextEvent(f.onOutputHeld, (x) => x, 60_000);
      const chunks: Buffer[] = [];
      const s = tcpConnect(h.forward.localPort, '127.0.0.1', () =>
        s.write('GET /big HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'),
      );
      s.pause();
      // Complete at the end of the body (basic mode does not tell the client that the target closed).
      let received = 0;
      const complete = new Promise<void>((resolve, reject) => {
        s.on('data', (d: Buffer) => {
          chunks.push(d);
          received += d.length;
          const head = Buffer.concat(chunks.slice(0, 4)).indexOf('\r\n\r\n');
          if (head >= 0 && received - head - 4 >= BIG.length) resolve();
        });
        s.once('error', reject);
      });
      await held;
      // The agent keeps what was not acknowledged and sends it again, more than once, while we hold.
      const resends = h.agent.stats.resent;
      await new Promise<void>((resolve) => {
        const onResent = () => {
          if (h.agent.stats.resent < resends + 600) return;
          h.agent.off('resent', onResent);
          resolve();
        };
        h.agent.on('resent', onResent);
      });
      assert.ok(f.bufferedBytes <= BOUND, `buffered ${f.bufferedBytes} > ${BOUND}`);
      assert.ok(f.stats.bytesIn < BIG.length, 'the transfer is held, not buffered to the end');

      s.resume();
      await complete;
      const response = Buffer.concat(chunks);
      const body = response.subarray(response.indexOf('\r\n\r\n') + 4);
      assert.equal(body.length, BIG.length);
      assert.equal(sha(body), BIG_SHA);
      assert.ok(f.stats.peakBuffered <= PEAK_BOUND, `peak buffered ${f.stats.peakBuffered} > ${PEAK_BOUND}`);
      assert.ok(!f.isEnded, 'the forward goes on');
    } finally {
      await h.close();
    }
  });
}
