/**
 * The ECS Exec chunk (dist/exec.js), loaded when an exec command first runs: the session client, `ws`,
 * the terminal and pre-flight. AWS calls go through the extension's one client factory (its ExecApi
 * view; the SDK itself is in dist/aws.js).
 */
import * as vscode from 'vscode';
import type { AwsClientFactory } from '../aws/factory';
import { execCommandHandlers } from '../exec';
import type { ApiTarget } from '../exec/ports';
import { OUTPUT_CHANNELS, type Logger } from '../ui/logChannels';

export function startExec(host: {
  aws: AwsClientFactory;
  defaultTarget: () => ApiTarget;
  /** The "Fargate Lens: ECS Exec" channel, and the same as a redacting logger. */
  output: vscode.LogOutputChannel;
  log: Logger;
  /** The extension's global state: recent port-forward choices. */
  state?: vscode.Memento;
}): {
  commands: ReturnType<typeof execCommandHandlers>;
  disposables: vscode.Disposable[];
} {
  const commandOutput = vscode.window.createOutputChannel(OUTPUT_CHANNELS.commandOutput);
  const disposables: vscode.Disposable[] = [commandOutput];
  return {
    commands: execCommandHandlers({
      subscriptions: disposables,
      commandOutput,
      apiFor: host.aws.exec,
      defaultTarget: host.defaultTarget,
      output: host.output,
      log: host.log,
      state: host.state,
    }),
    disposables,
  };
}
