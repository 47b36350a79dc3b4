import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataChannel } from '../../../client/src/exec/session/dataChannel';
import { nextEvent, when } from '../../../client/src/exec/emitter';
import { ExecPty } from '../../../client/src/exec/terminal';
import { FakeAgent } from '../../fakes/fakeAgent';
import { SESSION_ID, TARGET_ID, TOKEN } from './sessionHarness';

async function setup(tokenValue = TOKEN) {
  const agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION_ID, targetId: TARGET_ID });
  const channel = new DataChannel({ streamUrl: agent.url, tokenValue, sessionId: SESSION_ID, targetId: TARGET_ID, generateDataKey: () => Promise.reject(new Error('no kms')) });
  let terminations = 0;
  const pty = new ExecPty(channel, async () => void terminations++);
  let screen = '';
  pty.onDidWrite((t) => void (screen += t));
  return { agent, pty, screen: () => screen, terminations: () => terminations };
}

test('the pty sends its size on open, echoes a command and closes with the exit code (unit)', async () => {
  const s = await setup();
  try {
    const size = new Promise((resolve) => s.agent.once('size', resolve));
    s.pty.open({ columns: 132, rows: 43 });
    assert.deepEqual(await size, { cols: 132, rows: 43 });
    await when(s.pty.onDidWrite, () => s.screen().endsWith('$ '));
    s.pty.handleInput('echo hello\r');
    await when(s.pty.onDidWrite, () => s.screen().includes('hello\r\n'));
    const closed = nextEvent(s.pty.onDidClose);
    s.pty.handleInput('exit 4\r');
    assert.equal(await closed, 4);
    assert.equal(s.terminations(), 1);
    s.pty.close();
    assert.equal(s.terminations(), 1, 'TerminateSession exactly once');
  } finally {
    await s.agent.close();
  }
});

test('a failed connection stays readable in the terminal and closes on the next key (unit)', async () => {
  const s = await setup('WRONG-TOKEN-VALUE-123');
  try {
    s.pty.open(undefined);
    await when(s.pty.onDidWrite, () => s.screen().includes('[Press any key to close]'));
    assert.ok(!s.screen().includes('WRONG-TOKEN-VALUE-123'));
    const closed = nextEvent(s.pty.onDidClose);
    s.pty.handleInput('x');
    await closed;
    assert.equal(s.terminations(), 1);
  } finally {
    await s.agent.close();
  }
});
