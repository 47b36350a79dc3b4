/**
 * The two exec workflows, free of VS Code so they run in tests: resolve the container, run the
 * pre-flight checks (one message; errors block, warnings do not), call ECS ExecuteCommand, then
 * either attach the native session to a terminal / output channel or hand it to session-manager-plugin.
 */
import { applyFix } from './fixes';
import { gatherPreflight } from './gather';
import { resolveContainer } from './picker';
import { buildPluginCommand, runPlugin } from './plugin';
import type { ApiTarget, ExecApi, ExecApiFactory, ExecSessionInfo, ExecUi } from './ports';
import { isBlocking, type Finding } from './preflight';
import { DataChannel } from './session/dataChannel';
import { Redactor } from './session/redact';
import { ssmTargetId, terminalName, type ContainerTarget } from './target';
import { ExecPty } from './terminal';

export interface ExecSettings {
  command: string;
  useSessionManagerPlugin: boolean;
  sessionManagerPluginPath: string;
  simulateIamPolicies: boolean;
}

export interface ExecDeps {
  apiFor: ExecApiFactory;
  ui: ExecUi;
  settings(): ExecSettings;
  /** Region/profile for the palette flow, when no tree node is given. */
  defaultTarget(): ApiTarget;
}

export const RUN_COMMAND_TIMEOUT_MS = 10 * 60 * 1000;

interface Started {
  api: ExecApi;
  target: ContainerTarget;
  session: ExecSessionInfo;
  runtimeId?: string;
  redactor: Redactor;
}

/** Pre-flight and ExecuteCommand; undefined when blocked, cancelled or failed (already reported). */
async function start(
  deps: ExecDeps,
  arg: unknown,
  command: string,
  again: () => Promise<unknown>,
): Promise<Started | undefined> {
  const target = await resolveContainer(arg, deps.apiFor, deps.ui, deps.defaultTarget);
  if (!target) return undefined;
  const api = deps.apiFor(target);
  const settings = deps.settings();
  const gathered = await gatherPreflight(api, target, settings.simulateIamPolicies);
  if (!(await passPreflight(gathered.findings, api, deps.ui, again))) return undefined;
  const redactor = new Redactor();
  try {
    const session = await api.executeCommand({
      clusterArn: target.clusterArn,
      taskArn: target.taskArn,
      containerName: target.containerName,
      command,
    });
    redactor.add(session.tokenValue, session.streamUrl);
    return { api, target, session, runtimeId: gathered.runtimeId, redactor };
  } catch (e) {
    deps.ui.showError(redactor.error(`ECS ExecuteCommand failed for ${target.containerName}`, e).message);
    return undefined;
  }
}

async function passPreflight(
  findings: Finding[],
  api: ExecApi,
  ui: ExecUi,
  again: () => Promise<unknown>,
): Promise<boolean> {
  const visible = findings.filter((f) => f.severity !== 'info');
  if (!visible.length) return true;
  const blocking = isBlocking(findings);
  const choice = ui.presentFindings(findings, blocking);
  const act = async (c: Awaited<typeof choice>) => {
    if (c && c !== 'continue')
      await applyFix(c, api, ui, again).catch((e: unknown) =>
        ui.showError(new Redactor().error('Fix failed', e).message),
      );
  };
  if (!blocking) {
    void choice.then(act); // warnings are shown, never waited on
    return true;
  }
  await act(await choice);
  return false;
}

function channelFor(s: Started, log: (line: string) => void): DataChannel {
  return new DataChannel({
    streamUrl: s.session.streamUrl,
    tokenValue: s.session.tokenValue,
    sessionId: s.session.sessionId,
    targetId: ssmTargetId({ ...s.target, runtimeId: s.runtimeId }),
    generateDataKey: (k, c, n) => s.api.generateDataKey(k, c, n),
    resumeSession: () => s.api.resumeSession(s.session.sessionId),
    log,
  });
}

function pluginCommand(s: Started, settings: ExecSettings) {
  return buildPluginCommand({
    pluginPath: settings.sessionManagerPluginPath,
    session: s.session,
    region: s.api.region,
    profile: s.api.profile,
    clusterArn: s.target.clusterArn,
    taskArn: s.target.taskArn,
    runtimeId: s.runtimeId,
    ssmEndpointUrl: s.api.ssmEndpointUrl,
  });
}

/** Opens an interactive shell terminal. Returns the pty when the native client is used. */
export async function openShell(deps: ExecDeps, arg: unknown): Promise<ExecPty | undefined> {
  const settings = deps.settings();
  const s = await start(deps, arg, settings.command, () => openShell(deps, arg));
  if (!s) return undefined;
  const name = terminalName(s.target);
  if (settings.useSessionManagerPlugin) {
    deps.ui.createProcessTerminal(name, pluginCommand(s, settings));
    return undefined;
  }
  const log = (line: string) => deps.ui.output(`[exec] ${s.redactor.redact(line)}\n`);
  const pty = new ExecPty(channelFor(s, log), () => s.api.terminateSession(s.session.sessionId), log);
  deps.ui.createTerminal(name, pty);
  return pty;
}

/** Runs one command, streaming its output to the output channel; resolves with its exit code. */
export async function runCommandInContainer(
  deps: ExecDeps,
  arg: unknown,
  command: string,
): Promise<number | undefined> {
  const settings = deps.settings();
  const s = await start(deps, arg, command, () => runCommandInContainer(deps, arg, command));
  if (!s) return undefined;
  deps.ui.showOutput();
  deps.ui.output(`$ ${command}   (${terminalName(s.target)})\n`);
  if (settings.useSessionManagerPlugin) {
    try {
      return await runPlugin(pluginCommand(s, settings), (t) => deps.ui.output(s.redactor.redact(t)));
    } catch (e) {
      deps.ui.showError(s.redactor.error('session-manager-plugin failed', e).message);
      return undefined;
    } finally {
      await s.api.terminateSession(s.session.sessionId).catch(() => undefined);
    }
  }
  const channel = channelFor(s, (line) => deps.ui.output(`[exec] ${line}\n`));
  const decoder = new TextDecoder('utf-8');
  let exitCode: number | undefined;
  channel.onOutput((b) => deps.ui.output(decoder.decode(b, { stream: true })));
  channel.onExit((c) => void (exitCode = c));
  const closed = new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => {
      channel.close();
      resolve(`timed out after ${RUN_COMMAND_TIMEOUT_MS / 60000} minutes`);
    }, RUN_COMMAND_TIMEOUT_MS);
    channel.onClose((c) => {
      clearTimeout(timer);
      resolve(c.reason === 'channel_closed' || c.reason === 'client_closed' ? undefined : (c.message ?? c.reason));
    });
  });
  try {
    await channel.open();
    const problem = await closed;
    if (problem) deps.ui.showError(`Run command in ${s.target.containerName}: ${problem}`);
  } catch (e) {
    deps.ui.showError(s.redactor.error('ECS Exec connection failed', e).message);
  } finally {
    channel.close();
    await s.api.terminateSession(s.session.sessionId).catch(() => undefined);
  }
  deps.ui.output(`\n[exit code ${exitCode ?? 'unknown'}]\n`);
  return exitCode;
}
