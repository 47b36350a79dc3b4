/**
 * Fallback to session-manager-plugin (setting `fargateLens.exec.useSessionManagerPlugin`). Built as
 * data with the full modern argument list — session JSON, region, StartSession, profile, target JSON,
 * SSM endpoint — so the plugin accepts KMS-encrypted sessions (the 3-argument legacy form refuses
 * them). Run with an argument array, never through a shell.
 */
import { spawn } from 'node:child_process';
import type { ExecSessionInfo } from './ports';
import { ssmTargetId } from './target';

export interface PluginCommand {
  command: string;
  args: string[];
}

export interface PluginRequest {
  pluginPath: string;
  session: ExecSessionInfo;
  region: string;
  profile?: string;
  clusterArn: string;
  taskArn: string;
  runtimeId?: string;
  ssmEndpointUrl: string;
}

export function buildPluginCommand(r: PluginRequest): PluginCommand {
  return pluginCommand({ ...r, request: { Target: ssmTargetId(r) } });
}

/**
 * The plugin's modern argument list, as aws-cli gives it (`awscli/customizations/sessionmanager.py`
 * StartSessionCaller.invoke): the StartSession response, the region, "StartSession", the profile, the
 * request parameters (Target, and DocumentName and Parameters for a port session) and the SSM endpoint URL.
 */
export function pluginCommand(r: {
  pluginPath: string;
  session: ExecSessionInfo;
  region: string;
  profile?: string;
  request: { Target: string; DocumentName?: string; Parameters?: Record<string, string[]> };
  ssmEndpointUrl: string;
}): PluginCommand {
  const response = { SessionId: r.session.sessionId, StreamUrl: r.session.streamUrl, TokenValue: r.session.tokenValue };
  return {
    command: r.pluginPath || 'session-manager-plugin',
    args: [
      JSON.stringify(response),
      r.region,
      'StartSession',
      r.profile ?? '',
      JSON.stringify(r.request),
      r.ssmEndpointUrl,
    ],
  };
}

/** Runs the plugin non-interactively, streaming its output; resolves with its exit code. */
export function runPlugin(
  cmd: PluginCommand,
  onOutput: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.command, cmd.args, { shell: false, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => onOutput(d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => onOutput(d.toString('utf8')));
    child.on('error', (e) => reject(new Error(`could not start ${cmd.command}: ${e.message}`)));
    child.on('close', (code) => resolve(code ?? -1));
  });
}
