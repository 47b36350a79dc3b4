/** Connects a real DataChannel to a FakeAgent and records everything it reports. */
import { once } from 'node:events';
import { DataChannel, type ChannelClosed } from '../../../client/src/exec/session/dataChannel';
import { nextEvent } from '../../../client/src/exec/emitter';
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
  text(): string;
  waitForText(s: string): Promise<void>;
  closed: Promise<ChannelClosed>;
  exit: Promise<number>;
  agentEvent(name: string): Promise<unknown[]>;
  dispose(): Promise<void>;
}

export async function connect(agentOpts: Partial<FakeAgentOptions> = {}, useKms = false): Promise<Harness> {
  const kms = new FakeKms();
  const agent = await FakeAgent.start({ tokenValue: TOKEN, sessionId: SESSION_ID, targetId: TARGET_ID, ...(useKms ? { kms } : {}), ...agentOpts });
  const logs: string[] = [];
  const channel = new DataChannel({
    streamUrl: agent.url, tokenValue: TOKEN, sessionId: SESSION_ID, targetId: TARGET_ID,
    generateDataKey: (k, c, n) => kms.generateDataKey(k, c, n),
    log: (l) => logs.push(l),
  });
  let out = '';
  channel.onOutput((b) => void (out += b.toString('utf8')));
  const closed = nextEvent(channel.onClose, () => true, 15_000);
  const exit = nextEvent(channel.onExit, () => true, 15_000);
  closed.catch(() => undefined);
  exit.catch(() => undefined);
  await channel.open();
  return {
    agent, channel, kms, logs, closed, exit,
    text: () => out,
    waitForText: (s) => (out.includes(s) ? Promise.resolve() : nextEvent(channel.onOutput, () => out.includes(s), 10_000).then(() => undefined)),
    agentEvent: (name) => once(agent, name, { signal: AbortSignal.timeout(10_000) }),
    async dispose() {
      channel.close();
      await agent.close();
    },
  };
}
