/**
 * What the ECS Exec integration tests (exec.test.ts) check the extension with: recognisable fake
 * credentials and session values that must never appear in anything it shows, and ExecDeps whose UI
 * records every text, finding and terminal, calling AWS through the stub at a given endpoint.
 */
import assert from 'node:assert/strict';
import { SdkExecApi } from '../../client/src/aws/execApi';
import type { ExecDeps } from '../../client/src/exec/flow';
import type { ExecUi, FindingChoice } from '../../client/src/exec/ports';
import type { Finding } from '../../client/src/exec/preflight';
import type { ExecPty } from '../../client/src/exec/terminal';
import { execSettings } from '../shared/execSettings';

// Recognisable fakes that must never appear in anything the extension produces.
export const ACCESS_KEY = 'AKIAFAKEEXECTEST0042';
export const SECRET_KEY = 'fakeSecretKeyForExecTest/DoNotLeak+0042';
export const TOKEN = 'AAEAAFakeStreamTokenValue-DoNotLeak-0042';
export const SESSION_ID = 'ecs-execute-command-0fakesession0042';
export const RUNTIME_ID = 'runtime0042-1234567890';

/** ExecDeps over the AWS stub at `endpoint`, with a UI that records everything shown. */
export function recorder(endpoint: string) {
  const texts: string[] = [];
  const commandOutput: string[] = [];
  const findings: { findings: Finding[]; blocking: boolean }[] = [];
  let pty: ExecPty | undefined;
  const ui: ExecUi = {
    async presentFindings(f, blocking): Promise<FindingChoice> {
      findings.push({ findings: f, blocking });
      texts.push(...f.map((x) => x.message));
      return blocking ? undefined : 'continue';
    },
    createTerminal: (name, p) => {
      texts.push(name);
      pty = p;
    },
    createProcessTerminal: (name, cmd) => texts.push(name, cmd.command),
    output: (t) => texts.push(t),
    showOutput: () => undefined,
    commandOutput: (t) => {
      texts.push(t);
      commandOutput.push(t);
    },
    showCommandOutput: () => undefined,
    withProgress: (_title, task) => task({ cancelled: false, onCancel: () => undefined }),
    showError: (m) => texts.push(`ERROR ${m}`),
    showInfo: (m) => texts.push(m),
    showText: async (c) => void texts.push(c),
    openExternal: async (u) => void texts.push(u),
    pick: async () => undefined,
  };
  const deps: ExecDeps = {
    ui,
    apiFor: (t) =>
      new SdkExecApi({
        region: t.region,
        endpoint,
        credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY },
      }),
    settings: () => execSettings(),
    defaultTarget: () => ({ region: 'us-east-1' }),
  };
  return { deps, texts, commandOutput, findings, pty: () => pty };
}

export function assertNoSecrets(texts: string[], more: string[] = []): void {
  for (const t of texts)
    for (const s of [ACCESS_KEY, SECRET_KEY, TOKEN, ...more])
      assert.ok(!t.includes(s), `secret leaked into: ${t.slice(0, 200)}`);
}
