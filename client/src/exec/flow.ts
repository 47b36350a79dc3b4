/**
 * The two exec workflows, free of VS Code so they run in tests: resolve the container, run the
 * pre-flight checks (one message; errors block, warnings do not), call ECS ExecuteCommand, then
 * either attach the native session to a terminal / output channel or hand it to session-manager-plugin.
 */
import { applyFix } from './fixes';
import { gatherPreflight } from './gather';
import { resolveContainer } from './picker';
import { buildPluginCommand } from './plugin';
import type { ApiTarget, ExecApi, ExecApiFactory, ExecSessionInfo, ExecUi } from './ports';
import { isBlocking, type Finding } from './preflight';
import { DataChannel } from './session/dataChannel';
import type { ProxySettings } from '../aws/proxy';
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
  defaultTarget: () => ApiTarget;
  /** HTTPS proxy for the session WebSocket (VS Code http.proxy, HTTPS_PROXY, NO_PROXY). */
  proxy?: () => ProxySettings;
}

export interface Started {
  api: ExecApi;
  target: ContainerTarget;
  session: ExecSessionInfo;
  runtimeId?: string;
  redactor: Redactor;
}

/** A container that passed pre-flight, ready for ExecuteCommand. */
export interface Checked {
  api: ExecApi;
  target: ContainerTarget;
  runtimeId?: string;
}

/** Resolves the container and runs pre-flight; undefined when blocked or cancelled (already reported). */
export async function check(
  deps: ExecDeps,
  arg: unknown,
  again: () => Promise<unknown>,
  purpose?: string,
  callerActions?: string[],
): Promise<Checked | undefined> {
  const target = await resolveContainer(arg, deps.apiFor, deps.ui, deps.defaultTarget, purpose);
  if (!target) return undefined;
  const api = deps.apiFor(target);
  const gathered = await gatherPreflight(api, target, deps.settings().simulateIamPolicies, callerActions);
  if (!(await passPreflight(gathered.findings, api, deps.ui, again))) return undefined;
  return { api, target, runtimeId: gathered.runtimeId };
}

/** ECS ExecuteCommand on a checked container; undefined when it failed (already reported). */
export async function execute(deps: ExecDeps, c: Checked, command: string): Promise<Started | undefined> {
  const redactor = new Redactor();
  try {
    const session = await c.api.executeCommand({
      clusterArn: c.target.clusterArn,
      taskArn: c.target.taskArn,
      containerName: c.target.containerName,
      command,
    });
    redactor.add(session.tokenValue, session.streamUrl);
    return { ...c, session, redactor };
  } catch (e) {
    deps.ui.showError(redactor.error(`ECS ExecuteCommand failed for ${c.target.containerName}`, e).message);
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

export function channelFor(s: Started, log: (line: string) => void, proxy?: ProxySettings): DataChannel {
  return new DataChannel({
    proxy,
    streamUrl: s.session.streamUrl,
    tokenValue: s.session.tokenValue,
    sessionId: s.session.sessionId,
    targetId: ssmTargetId({ ...s.target, runtimeId: s.runtimeId }),
    generateDataKey: (k, c, n) => s.api.generateDataKey(k, c, n),
    resumeSession: () => s.api.resumeSession(s.session.sessionId),
    log,
  });
}

export function pluginCommand(s: Started, settings: ExecSettings) {
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
  const checked = await check(deps, arg, () => openShell(deps, arg));
  const s = checked && (await execute(deps, checked, settings.command));
  if (!s) return undefined;
  const name = terminalName(s.target);
  if (settings.useSessionManagerPlugin) {
    deps.ui.createProcessTerminal(name, pluginCommand(s, settings));
    return undefined;
  }
  const log = (line: string) => deps.ui.output(`[exec] ${s.redactor.redact(line)}\n`);
  const pty = new ExecPty(channelFor(s, log, deps.proxy?.()), () => s.api.terminateSession(s.session.sessionId), log);
  deps.ui.createTerminal(name, pty);
  return pty;
}
