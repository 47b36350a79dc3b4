import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExitCode } from '../../../client/src/exec/session/dataChannel';
import { connect } from './sessionHarness';

test('the exit code is read from the agent text "EXIT_CODE: <n>" and nothing else (unit)', () => {
  assert.equal(parseExitCode(Buffer.from('EXIT_CODE: 3')), 3);
  assert.equal(parseExitCode(Buffer.from('EXIT_CODE: 0')), 0);
  assert.equal(parseExitCode(Buffer.from('EXIT_CODE: 255\n')), 255);
  assert.equal(parseExitCode(Buffer.from('3')), undefined);
  assert.equal(parseExitCode(Buffer.from([0, 0, 0, 3])), undefined);
  assert.equal(parseExitCode(Buffer.from('EXIT_CODE: x')), undefined);
});

test('a non-interactive session with separate streams sends stdout, stderr, then EXIT_CODE: 3 (unit)', async () => {
  const h = await connect({
    sessionType: 'NonInteractiveCommands',
    command: `sh -c 'echo out; nope; exit 3'`,
  });
  try {
    assert.equal(await h.exit, 3);
    const closed = await h.closed;
    assert.equal(closed.reason, 'channel_closed');
    assert.equal(closed.message, undefined);
    assert.equal(h.text(), 'out\nsh: 1: nope: not found\n', 'no pty: no CRLF, no echo');
  } finally {
    await h.dispose();
  }
});

test('the exit code is decrypted like output when the session is KMS-encrypted (unit)', async () => {
  const h = await connect({ sessionType: 'NonInteractiveCommands', command: `sh -c 'exit 42'` }, true);
  try {
    assert.equal(await h.exit, 42);
    assert.equal((await h.closed).reason, 'channel_closed');
  } finally {
    await h.dispose();
  }
});

test('without separate streams a non-interactive session ends with its output and no exit code (unit)', async () => {
  const h = await connect({
    sessionType: 'NonInteractiveCommands',
    separateOutputStream: false,
    command: `sh -c 'echo combined; exit 5'`,
  });
  try {
    await h.ended();
    assert.equal(h.text(), 'combined\n');
  } finally {
    await h.dispose();
  }
});

test('a command the image lacks ends the session with the agent error as channel_closed Output (unit)', async () => {
  const h = await connect({ command: '/bin/bash', programs: ['/bin/sh'] });
  try {
    const closed = await h.closed;
    assert.equal(closed.reason, 'channel_closed');
    assert.match(
      closed.message ?? '',
      /Unable to start command: Failed to start pty: fork\/exec \/bin\/bash: no such file or directory/,
    );
    assert.deepEqual(h.exits, []);
  } finally {
    await h.dispose();
  }
});
