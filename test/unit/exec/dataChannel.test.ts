import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, echoFiveAndExit, FIVE_ECHOES_AND_EXIT, TOKEN } from './sessionHarness';

test('sends the token frame first, then runs a pty shell that ends with channel_closed and no exit code (unit)', async () => {
  const h = await connect();
  try {
    const [token] = (await h.agentEvent('token')) as [Record<string, unknown>];
    assert.equal(token.MessageSchemaVersion, '1.0');
    assert.equal(token.TokenValue, TOKEN);
    assert.match(String(token.RequestId), /^[0-9a-f-]{36}$/);
    assert.ok(token.ClientId && token.ClientVersion);
    await h.waitForText('$ ');
    h.channel.sendInput('echo hello\r');
    await h.waitForText('echo hello\r\nhello\r\n$ ');
    h.channel.sendInput('exit 3\r');
    await h.ended(); // amazon-ssm-agent executeCommandsWithPty: no exit code on a pty, whatever the status
  } finally {
    await h.dispose();
  }
});

test('sends the terminal size once the session is ready and again on every resize (unit)', async () => {
  const h = await connect({ handshake: true });
  try {
    h.channel.resize(120, 40);
    const [first] = await h.agentEvent('size');
    assert.deepEqual(first, { cols: 120, rows: 40 });
    h.channel.resize(100, 30);
    assert.deepEqual((await h.agentEvent('size'))[0], { cols: 100, rows: 30 });
    h.channel.sendInput('stty size\r');
    await h.waitForText('30 100\r\n');
  } finally {
    await h.dispose();
  }
});

test('input typed before the handshake completes is held back, not lost (unit)', async () => {
  const h = await connect({ handshake: true });
  let ignored = 0;
  h.agent.on('ignored-input', () => ignored++);
  try {
    h.channel.sendInput('echo early\r');
    await h.agentEvent('handshake-complete');
    await h.waitForText('early\r\n');
    assert.equal(ignored, 0);
    assert.equal(h.channel.isReady, true);
  } finally {
    await h.dispose();
  }
});

test('completes the KMS handshake and encryption challenge, then talks encrypted (unit)', async () => {
  const h = await connect({}, true);
  try {
    const challenge = h.agentEvent('challenge-ok');
    const [done] = await h.agentEvent('handshake-complete');
    await challenge;
    assert.deepEqual(done, { kms: true, challengeAcknowledged: true });
    assert.equal(h.kms.calls.length, 1);
    h.channel.sendInput('echo secret stuff\r');
    await h.waitForText('secret stuff\r\n');
    h.channel.sendInput('nope\r');
    await h.waitForText('nope: not found');
    h.channel.sendInput('exit 0\r');
    await h.ended();
  } finally {
    await h.dispose();
  }
});

test('survives dropped, duplicated and reordered messages in both directions (unit)', async () => {
  for (const seed of [1, 2, 3]) {
    const h = await connect(
      { chaos: { seed, drop: 0.25, duplicate: 0.25, reorder: 0.25, dropIncoming: 0.2 }, resendMs: 30 },
      seed !== 2,
    );
    try {
      assert.equal(await echoFiveAndExit(h), FIVE_ECHOES_AND_EXIT, `seed ${seed}`);
      const s = h.agent.stats;
      assert.ok(s.dropped + s.duplicated + s.reordered > 0 && s.droppedIncoming > 0, JSON.stringify(s));
    } finally {
      await h.dispose();
    }
  }
});

test('a rejected token closes the channel without the token in any message or log (unit)', async () => {
  const h = await connect({ tokenValue: 'SOME-OTHER-TOKEN-VALUE' });
  try {
    const closed = await h.closed;
    assert.equal(closed.reason, 'socket_closed');
    for (const text of [JSON.stringify(closed), ...h.logs]) assert.ok(!text.includes(TOKEN), text);
  } finally {
    await h.dispose();
  }
});

test('the client never lets the token or stream URL into its logs even when frames are bad (unit)', async () => {
  const h = await connect({ chaos: { seed: 9, drop: 0.3, dropIncoming: 0.3 }, resendMs: 20 });
  try {
    await h.waitForText('$ ');
    h.channel.sendInput(`echo ${'x'.repeat(3000)}\r`);
    await h.waitForText(`${'x'.repeat(3000)}\r\n`);
    for (const text of h.logs) {
      assert.ok(!text.includes(TOKEN) && !text.includes(h.agent.url), text);
    }
    assert.equal(h.channel.redactor.redact(`url ${h.agent.url} token ${TOKEN}`), 'url [redacted] token [redacted]');
  } finally {
    await h.dispose();
  }
});
