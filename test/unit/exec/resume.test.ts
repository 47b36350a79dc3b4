import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  connect,
  echoFiveAndExit,
  FIVE_ECHOES_AND_EXIT,
  resumeFrom,
  SESSION_ID,
  TOKEN,
  transcript,
  type Harness,
} from './sessionHarness';
import { FakeClock } from '../../fakes/fakeClock';

/** A promise the test settles by hand: holds ResumeSession open while the test types. */
function gate<T>() {
  let open!: (v: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

function assertNoSecrets(h: Harness, closedMessage: string | undefined, extra: string[] = []): void {
  const secrets = [TOKEN, h.agent.url, ...h.agent.tokenFrames.map((f) => String(f.TokenValue)), ...extra];
  for (const text of [...h.logs, closedMessage ?? ''])
    for (const s of secrets) assert.ok(!text.includes(s), `secret in: ${text}`);
}

test('type, drop, reconnect, keep typing: each line is handled and shown exactly once (unit)', async () => {
  const held = gate<void>();
  let resumes = 0;
  const h = await connect({}, true, (agent) => ({
    resumeSession: async () => {
      resumes++;
      await held.promise;
      return resumeFrom(agent)();
    },
  }));
  let handshakes = 0;
  try {
    await h.waitForText('$ '); // after the KMS handshake
    h.agent.on('handshake-complete', () => handshakes++);
    h.channel.sendInput('echo one\r');
    await h.waitForText('one\r\n$ ');
    assert.equal(h.agent.dropConnections(), 1);
    await h.waitForConnection('reconnecting');
    assert.equal(h.channel.connectionState, 'reconnecting');
    h.channel.sendInput('echo two\r'); // typed while disconnected: held back, sent once
    held.open();
    await h.waitForConnection('reconnected');
    await h.waitForText('two\r\n$ ');
    h.channel.sendInput('echo three\r');
    await h.waitForText('three\r\n$ ');
    h.channel.sendInput('exit 0\r');
    await h.ended();
    const closed = await h.closed;
    assert.equal(closed.reason, 'channel_closed');
    assert.equal(h.text(), `${transcript('one', 'two', 'three')}exit 0\r\n`);
    assert.equal(resumes, 1);
    const [first, second] = h.agent.tokenFrames;
    assert.equal(h.agent.tokenFrames.length, 2);
    assert.equal(first.ClientId, second.ClientId, 'one client id for the whole session');
    assert.notEqual(first.RequestId, second.RequestId);
    assert.match(String(second.TokenValue), /^resumed-/);
    assert.equal(h.kms.calls.length, 1, 'KMS key negotiated once');
    assert.equal(handshakes, 0, 'no second handshake after resuming');
    assert.deepEqual(
      h.connection.map((e) => e.state),
      ['reconnecting', 'reconnected'],
    );
    assertNoSecrets(h, closed.message);
  } finally {
    await h.dispose();
  }
});

test('input the agent never acknowledged is sent again on the resumed connection and handled once (unit)', async () => {
  // A clock that never moves: no timer-driven resend can help, the reconnection itself must resend.
  const h = await connect({}, false, (agent) => ({ clock: new FakeClock(), resumeSession: resumeFrom(agent) }));
  try {
    await h.waitForText('$ ');
    h.agent.dropOnNextInput();
    h.channel.sendInput('echo lost\r');
    await h.waitForConnection('reconnected');
    await h.waitForText('lost\r\n$ ');
    h.channel.sendInput('echo after\r');
    await h.waitForText('after\r\n$ ');
    assert.equal(h.text(), transcript('lost', 'after'));
    assert.equal(h.agent.stats.resumes, 1);
  } finally {
    await h.dispose();
  }
});

test('random connection cuts on top of drops, duplicates and reordering leave the transcript exact (unit)', async () => {
  // Seeds that cut the connection two or three times per session.
  for (const seed of [7, 9, 11]) {
    const chaos = {
      seed,
      disconnect: 0.3,
      maxDisconnects: 3,
      drop: 0.2,
      duplicate: 0.2,
      reorder: 0.2,
      dropIncoming: 0.1,
    };
    const h = await connect({ chaos, resendMs: 30 }, seed === 9, (agent) => ({ resumeSession: resumeFrom(agent) }));
    try {
      assert.equal(await echoFiveAndExit(h), FIVE_ECHOES_AND_EXIT, `seed ${seed}`);
      const s = h.agent.stats;
      assert.ok(s.disconnects >= 2 && s.resumes === s.disconnects, `seed ${seed}: ${JSON.stringify(s)}`);
    } finally {
      await h.dispose();
    }
  }
});

test('ResumeSession without a token ends the session with that reason, without retrying (unit)', async () => {
  let resumes = 0;
  const h = await connect({}, false, (agent) => ({
    resumeSession: () => {
      resumes++;
      return resumeFrom(agent)();
    },
  }));
  try {
    await h.waitForText('$ ');
    h.agent.resumePolicy = 'timed-out';
    h.agent.dropConnections();
    const closed = await h.closed;
    assert.equal(closed.reason, 'resume_failed');
    assert.match(closed.message ?? '', /session has ended on the service side/);
    assert.equal(resumes, 1);
  } finally {
    await h.dispose();
  }
});

test('a refused ResumeSession ends the session at once with the reason, and no secret in it (unit)', async () => {
  let resumes = 0;
  const h = await connect({}, false, {
    resumeSession: async () => {
      resumes++;
      throw Object.assign(new Error(`User is not authorized to perform ssm:ResumeSession on ${SESSION_ID}`), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      });
    },
  });
  try {
    await h.waitForText('$ ');
    h.agent.dropConnections();
    const closed = await h.closed;
    assert.equal(closed.reason, 'resume_failed');
    assert.match(closed.message ?? '', /could not be resumed: ResumeSession failed: Access denied/);
    assert.equal(resumes, 1);
    assertNoSecrets(h, closed.message);
  } finally {
    await h.dispose();
  }
});

test('reconnect attempts back off on the clock, doubling from a random base, and stop after 5 retries (unit)', async () => {
  const clock = new FakeClock();
  let resumes = 0;
  const h = await connect({}, false, (agent) => ({
    clock,
    random: () => 0.5,
    resumeSession: () => (resumes++, resumeFrom(agent)()),
  }));
  const delays: number[] = [];
  h.channel.onConnection((e) => {
    if (e.state !== 'retrying') return;
    delays.push(e.delayMs);
    clock.advance(e.delayMs);
  });
  try {
    await h.waitForText('$ ');
    await h.agent.close(); // cuts the socket and refuses every new one
    const closed = await h.closed;
    assert.deepEqual(delays, [150, 300, 600, 1200, 2400]);
    assert.equal(resumes, 6);
    assert.equal(closed.reason, 'resume_failed');
    assert.match(closed.message ?? '', /no connection after 6 attempts \(last: reconnect failed: .*ECONNREFUSED/);
    assertNoSecrets(h, closed.message);
  } finally {
    await h.dispose();
  }
});

test('a resumed connection dropped before the agent answers counts as a failed attempt: the limit holds (unit)', async () => {
  const clock = new FakeClock();
  let resumes = 0;
  // Each token opens a socket that the agent closes at once: it is not one it issued.
  const h = await connect({}, false, {
    clock,
    random: () => 0.5,
    resumeSession: async () => `not-issued-token-${++resumes}`,
  });
  const delays: number[] = [];
  h.channel.onConnection((e) => {
    if (e.state !== 'retrying') return;
    delays.push(e.delayMs);
    clock.advance(e.delayMs);
  });
  try {
    await h.waitForText('$ ');
    h.agent.dropConnections();
    const closed = await h.closed;
    assert.deepEqual(delays, [150, 300, 600, 1200, 2400]);
    assert.equal(resumes, 6);
    assert.equal(closed.reason, 'resume_failed');
    assert.match(
      closed.message ?? '',
      /no connection after 6 attempts \(last: the resumed connection dropped before the agent answered\)/,
    );
    assertNoSecrets(h, closed.message, ['not-issued-token-']);
  } finally {
    await h.dispose();
  }
});

test('closing during ResumeSession cancels the reconnection: its token is never used (unit)', async () => {
  const held = gate<string | undefined>();
  const h = await connect({}, false, { resumeSession: () => held.promise });
  try {
    await h.waitForText('$ ');
    h.agent.dropConnections();
    await h.waitForConnection('reconnecting');
    h.channel.close();
    assert.equal((await h.closed).reason, 'client_closed');
    held.open(h.agent.resumeSession(SESSION_ID).tokenValue);
    await h.waitForLog('reconnect cancelled');
    assert.equal(h.agent.tokenFrames.length, 1, 'no second connection');
    assert.equal(h.channel.connectionState, 'closed');
  } finally {
    await h.dispose();
  }
});

test('closing while waiting to retry cancels the wait: no further ResumeSession (unit)', async () => {
  const clock = new FakeClock();
  let resumes = 0;
  const h = await connect({}, false, {
    clock,
    resumeSession: async () => {
      resumes++;
      throw Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      });
    },
  });
  try {
    await h.waitForText('$ ');
    h.agent.dropConnections();
    await h.waitForConnection('retrying');
    assert.equal(clock.pendingTimeouts, 1);
    h.channel.close();
    assert.equal(clock.pendingTimeouts, 0);
    clock.advance(60_000);
    assert.equal(resumes, 1);
    assert.equal((await h.closed).reason, 'client_closed');
  } finally {
    await h.dispose();
  }
});

test('without ResumeSession a lost connection simply ends the session (unit)', async () => {
  const h = await connect();
  try {
    await h.waitForText('$ ');
    h.agent.dropConnections();
    assert.equal((await h.closed).reason, 'socket_closed');
    assert.deepEqual(h.connection, []);
  } finally {
    await h.dispose();
  }
});
