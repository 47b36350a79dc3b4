import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect as tcpConnect } from 'node:net';
import { nextEvent } from '../../../client/src/exec/emitter';
import { BIG, BIG_SHA, fetchThrough, MEDIUM, portHarness, sha, SESSION_ID, TOKEN } from './harness';

const MODES = [
  { name: 'multiplexed', agentVersion: undefined },
  { name: 'basic', agentVersion: '3.0.196.0' },
] as const;

const agentEvent = (h: Awaited<ReturnType<typeof portHarness>>, name: string) =>
  new Promise<unknown>((resolve) => h.agent.once(name, resolve));

for (const mode of MODES) {
  test(`${mode.name}: the mode the plugin would choose; two concurrent HTTP requests through one forward (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    try {
      assert.equal(h.forward.forwarder.mode, mode.name);
      assert.deepEqual(h.started[0], {
        target: `ecs:demo_0123456789abcdef0123456789abcdef_${'0123456789abcdef0123456789abcdef-1111111111'}`,
        documentName: 'AWS-StartPortForwardingSession',
        parameters: { portNumber: [String(h.target.port)], localPortNumber: [String(h.forward.localPort)] },
      });
      const [a, b] = await Promise.all([
        fetchThrough(h.forward.localPort, '/one'),
        fetchThrough(h.forward.localPort, '/two'),
      ]);
      assert.equal(a.body.toString(), 'hello from /one');
      assert.equal(b.body.toString(), 'hello from /two');
      assert.equal(h.forward.forwarder.stats.connections, 2);
      assert.ok(h.forward.forwarder.stats.bytesIn > 0 && h.forward.forwarder.stats.bytesOut > 0);
    } finally {
      await h.close();
    }
    assert.deepEqual(h.terminated, [SESSION_ID], 'TerminateSession called once');
    for (const l of h.logs) assert.ok(!l.includes(TOKEN), `token in log: ${l}`);
  });

  test(`${mode.name}: a 50 MB download and a 5 MB upload arrive intact (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    try {
      const down = await fetchThrough(h.forward.localPort, '/big');
      assert.equal(down.body.length, BIG.length);
      assert.equal(sha(down.body), BIG_SHA);
      const up = BIG.subarray(0, 5 * 1024 * 1024);
      const r = await fetchThrough(h.forward.localPort, '/upload', { method: 'POST', body: up });
      assert.equal(r.body.toString(), sha(up));
    } finally {
      await h.close();
    }
  });

  test(`${mode.name}: a client that disconnects mid-transfer closes its connection, not the session (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    try {
      await new Promise<void>((resolve, reject) => {
        const s = tcpConnect(h.forward.localPort, '127.0.0.1', () =>
          s.write('GET /big HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n'),
        );
        s.once('data', () => {
          s.destroy();
          resolve();
        });
        s.on('error', reject);
      });
      if (mode.name === 'multiplexed') await agentEvent(h, 'port-stream-closed');
      else await agentEvent(h, 'port-flag'); // DisconnectToPort
      const again = await fetchThrough(h.forward.localPort, '/after');
      assert.equal(again.body.toString(), 'hello from /after');
      assert.equal(h.forward.forwarder.isEnded, false);
    } finally {
      await h.close();
    }
  });

  test(`${mode.name}: the agent ending the session closes every local connection and the listener (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    try {
      const open = tcpConnect(h.forward.localPort, '127.0.0.1');
      await new Promise((r) => open.once('connect', r));
      const closed = new Promise((r) => open.once('close', r));
      open.on('error', () => {});
      h.agent.endSessions('');
      const ended = await h.forward.done;
      assert.equal(ended.reason, 'agent_closed');
      assert.match(ended.message, /ended on the agent's side/);
      await closed;
      await assert.rejects(fetchThrough(h.forward.localPort, '/x'), /ECONNREFUSED/);
      assert.deepEqual(h.terminated, [SESSION_ID]);
    } finally {
      await h.close();
    }
  });

  test(`${mode.name}: a dropped socket is resumed and the listener keeps serving (unit)`, async () => {
    const h = await portHarness({ agentVersion: mode.agentVersion });
    try {
      const port = h.forward.localPort;
      assert.equal((await fetchThrough(port, '/before')).body.toString(), 'hello from /before');
      const got = await fetchThrough(port, '/medium', { onResponse: () => h.agent.dropConnections() });
      assert.equal(sha(got.body), sha(MEDIUM), 'the transfer that spanned the drop is intact');
      assert.equal(h.agent.stats.resumes, 1);
      assert.equal((await fetchThrough(port, '/after')).body.toString(), 'hello from /after');
      assert.equal(h.forward.localPort, port);
    } finally {
      await h.close();
    }
  });
}

test('multiplexed: a target port that refuses fails that connection only, with ConnectToPortError (unit)', async () => {
  const h = await portHarness({ portNumber: 1 });
  try {
    const failed = nextEvent(h.forward.forwarder.onConnectionFailed);
    await assert.rejects(fetchThrough(h.forward.localPort, '/x'), /socket hang up|ECONNRESET/);
    assert.match(await failed, /could not connect/);
    assert.equal(h.forward.forwarder.isEnded, false);
    assert.equal(h.forward.forwarder.stats.failedConnections, 1);
  } finally {
    await h.close();
  }
});

test('remote host: the ToRemoteHost document; a forbidden address (instance metadata) fails the start (unit)', async () => {
  const ok = await portHarness({ host: 'localhost' });
  try {
    assert.equal(ok.started[0].documentName, 'AWS-StartPortForwardingSessionToRemoteHost');
    assert.deepEqual(ok.started[0].parameters.host, ['localhost']);
    assert.equal((await fetchThrough(ok.forward.localPort, '/db')).body.toString(), 'hello from /db');
  } finally {
    await ok.close();
  }
  // The agent validates the host once the handshake is done (port.go validateParameters): the forward
  // starts, then ends with the agent's reason.
  const denied = await portHarness({ host: '169.254.169.254' });
  try {
    const ended = await denied.forward.done;
    assert.equal(ended.reason, 'agent_closed');
    assert.match(ended.message, /Forwarding to IP address 169\.254\.169\.254 is forbidden/);
  } finally {
    await denied.close();
  }
});
