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
  const session = { SessionId: r.session.sessionId, StreamUrl: r.session.streamUrl, TokenValue: r.session.tokenValue };
  return {
    command: r.pluginPath || 'session-manager-plugin',
    args: [
      JSON.stringify(session),
      r.region,
      'StartSession',
      r.profile ?? '',
      JSON.stringify({ Target: ssmTargetId(r) }),
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
