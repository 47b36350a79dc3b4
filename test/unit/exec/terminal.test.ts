import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataChannel, type DataChannelOptions } from '../../../client/src/exec/session/dataChannel';
import { nextEvent, when } from '../../../client/src/exec/emitter';
import { ExecPty } from '../../../client/src/exec/terminal';
import { FakeAgent, type FakeAgentOptions } from '../../fakes/fakeAgent';
import { SESSION_ID, TARGET_ID, TOKEN } from './sessionHarness';

async function setup(
  tokenValue = TOKEN,
  extras: (agent: FakeAgent) => Partial<DataChannelOptions> = () => ({}),
  agentOpts: Partial<FakeAgentOptions> = {},
) {
  const agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION_ID, targetId: TARGET_ID, ...agentOpts });
  const channel = new DataChannel({
    streamUrl: agent.url,
    tokenValue,
    sessionId: SESSION_ID,
    targetId: TARGET_ID,
    generateDataKey: () => Promise.reject(new Error('no kms')),
    ...extras(agent),
  });
  let terminations = 0;
  const pty = new ExecPty(channel, async () => void terminations++);
  let screen = '';
  pty.onDidWrite((t) => void (screen += t));
  return { agent, channel, pty, screen: () => screen, terminations: () => terminations };
}

/** The terminal closes on the next key, and the session was terminated once. */
async function closesOnAKey(s: Awaited<ReturnType<typeof setup>>): Promise<void> {
  const closed = nextEvent(s.pty.onDidClose);
  s.pty.handleInput('x');
  await closed;
  assert.equal(s.terminations(), 1);
}

test('the pty sends its size on open, echoes a command, and a normal exit closes it like any terminal (unit)', async () => {
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
    assert.equal(await closed, undefined, 'a pty session has no exit code to show');
    assert.doesNotMatch(s.screen(), /Session closed|Press any key/);
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
    await closesOnAKey(s);
  } finally {
    await s.agent.close();
  }
});

const LOST = '\x1b[2mconnection lost, reconnecting…\x1b[0m';
const BACK = '\x1b[2mreconnected\x1b[0m';

test('a dropped connection shows one dim line, the next when it is back, and what was typed in between arrives once (unit)', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const s = await setup(TOKEN, (agent) => ({
    resumeSession: async () => (await held, agent.resumeSession(SESSION_ID).tokenValue),
  }));
  try {
    s.pty.open({ columns: 80, rows: 24 });
    await when(s.pty.onDidWrite, () => s.screen().endsWith('$ '));
    s.agent.dropConnections();
    await when(s.pty.onDidWrite, () => s.screen().includes(LOST));
    s.pty.handleInput('echo typed-while-away\r');
    release();
    await when(s.pty.onDidWrite, () => s.screen().includes('typed-while-away\r\n$ '));
    const screen = s.screen();
    assert.ok(
      screen.endsWith(`$ \r\n${LOST}\r\n${BACK}\r\necho typed-while-away\r\ntyped-while-away\r\n$ `),
      JSON.stringify(screen),
    );
    assert.equal(screen.split(LOST).length, 2, 'one status line per event');
    for (const secret of [TOKEN, s.agent.url, String(s.agent.tokenFrames[1]?.TokenValue)])
      assert.ok(!screen.includes(secret));
    assert.equal(s.terminations(), 0);
  } finally {
    s.pty.close();
    await s.agent.close();
  }
});

test('closing the terminal during a reconnect cancels it and terminates the session once (unit)', async () => {
  const s = await setup(TOKEN, () => ({ resumeSession: () => new Promise<string | undefined>(() => undefined) }));
  try {
    s.pty.open(undefined);
    await when(s.pty.onDidWrite, () => s.screen().endsWith('$ '));
    s.agent.dropConnections();
    await when(s.pty.onDidWrite, () => s.screen().includes(LOST));
    s.pty.close();
    assert.equal(s.channel.connectionState, 'closed');
    assert.equal(s.terminations(), 1);
    assert.ok(!s.screen().includes('[Press any key to close]'));
  } finally {
    await s.agent.close();
  }
});

test('a session that cannot be resumed says why in the terminal and is terminated (unit)', async () => {
  const s = await setup(TOKEN, (agent) => ({ resumeSession: async () => agent.resumeSession(SESSION_ID).tokenValue }));
  try {
    s.pty.open(undefined);
    await when(s.pty.onDidWrite, () => s.screen().endsWith('$ '));
    s.agent.resumePolicy = 'timed-out';
    s.agent.dropConnections();
    await when(s.pty.onDidWrite, () => s.screen().includes('[Press any key to close]'));
    assert.match(
      s.screen(),
      /Connection lost and the session could not be resumed: the session has ended on the service side/,
    );
    assert.equal(s.terminations(), 1);
    const closed = nextEvent(s.pty.onDidClose);
    s.pty.handleInput('x');
    await closed;
  } finally {
    await s.agent.close();
  }
});

test('an agent error (the image lacks the program) stays readable with a hint, then closes on a key (unit)', async () => {
  const s = await setup(TOKEN, () => ({}), { command: '/bin/bash', programs: ['/bin/sh'] });
  try {
    s.pty.open({ columns: 80, rows: 24 });
    await when(s.pty.onDidWrite, () => s.screen().includes('[Press any key to close]'));
    assert.match(
      s.screen(),
      /Unable to start command: Failed to start pty: fork\/exec \/bin\/bash: no such file or directory/,
    );
    assert.match(s.screen(), /fargateLens\.exec\.command/);
    assert.doesNotMatch(s.screen(), /-----ERROR-----/);
    await closesOnAKey(s);
  } finally {
    await s.agent.close();
  }
});
