/**
 * The sandbox's ECS Exec self-check (`npm start -- --check`), run in the ECS Exec stub's process: what
 * "Open Shell (ECS Exec)" on a container does (client/src/exec/flow.ts `openShell`: pre-flight,
 * ExecuteCommand, the KMS-encrypted session on the fake agent) on the first running task of the seeded
 * account, through the stub. It types `echo`, then `exit`, and reports whether the shell answered and
 * ended as a shell does (the terminal closes, no error). Throws with the reason when it does not.
 */
import { SdkExecApi } from '../../client/src/aws/execApi';
import { nextEvent, when } from '../../client/src/exec/emitter';
import { openShell } from '../../client/src/exec/flow';
import type { ExecUi } from '../../client/src/exec/ports';
import type { ExecPty } from '../../client/src/exec/terminal';
import { execSettings } from './execSettings';

const TIMEOUT_MS = 15_000;

export async function execSelfCheck(endpoint: string): Promise<string> {
  const api = new SdkExecApi({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  const target = await firstRunningContainer(api);
  if (!target) throw new Error('no running task in the seeded account');
  const problems: string[] = [];
  let pty: ExecPty | undefined;
  const ui: ExecUi = {
    presentFindings: async (findings, blocking) => {
      if (blocking) problems.push(...findings.map((f) => `${f.id}: ${f.message}`));
      return blocking ? undefined : 'continue';
    },
    createTerminal: (_name, p) => void (pty = p),
    createProcessTerminal: () => problems.push('session-manager-plugin was asked for'),
    output: () => undefined,
    showOutput: () => undefined,
    commandOutput: () => undefined,
    showCommandOutput: () => undefined,
    withProgress: (_title, task) => task({ cancelled: false, onCancel: () => undefined }),
    showError: (m) => void problems.push(m),
    showInfo: () => undefined,
    showText: async () => undefined,
    openExternal: async () => undefined,
    pick: async () => undefined,
  };
  await openShell(
    {
      ui,
      apiFor: () => api,
      settings: () => execSettings({ simulateIamPolicies: false }),
      defaultTarget: () => ({ region: 'us-east-1' }),
    },
    { kind: 'container', region: 'us-east-1', ...target },
  );
  if (!pty) throw new Error(`no shell: ${problems.join('; ') || 'Open Shell gave no terminal'}`);
  const shell = pty;
  let screen = '';
  shell.onDidWrite((t) => void (screen += t));
  shell.open({ columns: 80, rows: 24 });
  await when(shell.onDidWrite, () => screen.endsWith('$ '), TIMEOUT_MS);
  shell.handleInput('echo sandbox-ok\r');
  await when(shell.onDidWrite, () => screen.includes('sandbox-ok\r\n$ '), TIMEOUT_MS);
  const closed = nextEvent(shell.onDidClose, () => true, TIMEOUT_MS);
  shell.handleInput('exit\r');
  await closed.catch(() => {
    throw new Error(`the shell did not end after exit:\n${screen}`);
  });
  if (/Press any key/.test(screen)) throw new Error(`exit did not read as a normal end:\n${screen}`);
  await shell.terminateOnce();
  const task = target.taskArn.slice(target.taskArn.lastIndexOf('/') + 1, target.taskArn.lastIndexOf('/') + 9);
  return `Open Shell on ${target.containerName} @ ${task}: KMS-encrypted session, 'echo sandbox-ok' answered, 'exit' ended it normally`;
}

async function firstRunningContainer(
  api: SdkExecApi,
): Promise<{ clusterArn: string; taskArn: string; containerName: string } | undefined> {
  for (const clusterArn of await api.listClusters())
    for (const taskArn of await api.listRunningTasks(clusterArn)) {
      const task = await api.describeTask(clusterArn, taskArn);
      const containerName = task?.containers[0]?.name;
      if (task?.lastStatus === 'RUNNING' && containerName) return { clusterArn, taskArn, containerName };
    }
  return undefined;
}
