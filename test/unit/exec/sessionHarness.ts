/** Connects a real DataChannel to a FakeAgent and records everything it reports. */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import {
  DataChannel,
  type ChannelClosed,
  type ConnectionEvent,
  type DataChannelOptions,
} from '../../../client/src/exec/session/dataChannel';
import { Emitter, nextEvent, when } from '../../../client/src/exec/emitter';
import { FakeAgent, type FakeAgentOptions } from '../../fakes/fakeAgent';
import { FakeKms } from '../../fakes/fakeKms';

export const TOKEN = 'FAKE-SESSION-TOKEN-7f3c9a1e-do-not-log';
export const SESSION_ID = 'ecs-execute-command-0fa1b2c3d4e5f6a7b';
export const TARGET_ID = 'ecs:prod_9f8e7d6c5b4a_9f8e7d6c5b4a-2531612879';

export interface Harness {
  agent: FakeAgent;
  channel: DataChannel;
  kms: FakeKms;
  logs: string[];
  /** Connection events (reconnecting, retrying, reconnected) in order. */
  connection: ConnectionEvent[];
  text(): string;
  waitForText(s: string): Promise<void>;
  waitForLog(s: string): Promise<void>;
  waitForConnection(state: ConnectionEvent['state'], count?: number): Promise<void>;
  closed: Promise<ChannelClosed>;
  exit: Promise<number>;
  /** Exit codes the channel reported. */
  exits: number[];
  /** The pty session's normal end: channel_closed with no Output and no exit code (ECS Exec). */
  ended(): Promise<void>;
  agentEvent(name: string): Promise<unknown[]>;
  dispose(): Promise<void>;
}

/** Extra DataChannel options may refer to the agent, which exists only once the harness starts it. */
export type ChannelExtras = Partial<DataChannelOptions> | ((agent: FakeAgent) => Partial<DataChannelOptions>);

/** A ResumeSession that asks the fake agent, as the AWS stub does in the integration tier. */
export const resumeFrom = (agent: FakeAgent) => async () => agent.resumeSession(SESSION_ID).tokenValue;

export async function connect(
  agentOpts: Partial<FakeAgentOptions> = {},
  useKms = false,
  extras: ChannelExtras = {},
): Promise<Harness> {
  const kms = new FakeKms();
  const agent = await FakeAgent.start({
    tokenValue: TOKEN,
    sessionId: SESSION_ID,
    targetId: TARGET_ID,
    ...(useKms ? { kms } : {}),
    ...agentOpts,
  });
  const logs: string[] = [];
  const logged = new Emitter<string>();
  const channel = new DataChannel({
    streamUrl: agent.url,
    tokenValue: TOKEN,
    sessionId: SESSION_ID,
    targetId: TARGET_ID,
    generateDataKey: (k, c, n) => kms.generateDataKey(k, c, n),
    log: (l) => {
      logs.push(l);
      logged.fire(l);
    },
    ...(typeof extras === 'function' ? extras(agent) : extras),
  });
  let out = '';
  const connection: ConnectionEvent[] = [];
  channel.onOutput((b) => void (out += b.toString('utf8')));
  channel.onConnection((e) => void connection.push(e));
  const closed = nextEvent(channel.onClose, () => true, 15_000);
  const exit = nextEvent(channel.onExit, () => true, 15_000);
  const exits: number[] = [];
  channel.onExit((c) => void exits.push(c));
  closed.catch(() => undefined);
  exit.catch(() => undefined);
  await channel.open();
  return {
    agent,
    channel,
    kms,
    logs,
    connection,
    closed,
    exit,
    exits,
    async ended() {
      const c = await closed;
      assert.equal(c.reason, 'channel_closed');
      assert.equal(c.message, undefined, 'a normal end carries no Output');
      assert.deepEqual(exits, [], 'a pty session sends no exit code');
    },
    text: () => out,
    waitForText: (s) => when(channel.onOutput, () => out.includes(s)),
    waitForLog: (s) => when(logged.event, () => logs.some((l) => l.includes(s))),
    waitForConnection: (state, count = 1) =>
      when(channel.onConnection, () => connection.filter((e) => e.state === state).length >= count),
    agentEvent: (name) => once(agent, name, { signal: AbortSignal.timeout(10_000) }),
    async dispose() {
      channel.close();
      await agent.close();
    },
  };
}

/** What a shell shows for `echo <line>` of each line in turn, from the first prompt on. */
export const transcript = (...lines: string[]) => ['$ ', ...lines.map((l) => `echo ${l}\r\n${l}\r\n$ `)].join('');

/**
 * The shell script the chaos tests run: five echoes, then `exit 7`; resolves once the session has ended
 * normally (channel_closed), with what the terminal showed, which must be `FIVE_ECHOES_AND_EXIT`.
 */
export async function echoFiveAndExit(h: Harness): Promise<string> {
  await h.waitForText('$ ');
  for (let i = 0; i < 5; i++) h.channel.sendInput(`echo line${i}\r`);
  h.channel.sendInput('exit 7\r');
  await h.ended();
  assert.equal((await h.closed).reason, 'channel_closed');
  return h.text();
}
export const FIVE_ECHOES_AND_EXIT = `${transcript('line0', 'line1', 'line2', 'line3', 'line4')}exit 7\r\n`;
