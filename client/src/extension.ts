/**
 * Extension entry point: the language client, plus thin registrations for the AWS explorer and ECS
 * Exec, whose code is loaded on first use (client/src/lazy.ts). Keep it short: everything imported
 * here is read and compiled at every activation.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_EFS_NOTIFICATION, type LiveEfsParams } from '../../server/src/protocol';
import { EXEC_COMMAND_IDS } from './commandIds';
import { activateExplorer } from './explorer/activate';
import type { LiveEfsData } from './explorer/liveEfs';
import { createLanguageClient } from './languageClient';
import { once, registerLazyCommands } from './lazy';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Fargate Lens AWS', { log: true });
  context.subscriptions.push(log);

  // Live EFS data for the language server: the latest value is (re)sent once the client runs.
  let liveEfs: LiveEfsParams = { fileSystems: [] };
  const sendLiveEfs = (): void =>
    void (client?.isRunning()
      ? client.sendNotification(LIVE_EFS_NOTIFICATION, liveEfs).catch(() => undefined)
      : undefined);
  const onLiveEfs = (data: LiveEfsData | undefined): void => {
    liveEfs = data ?? { fileSystems: [] };
    sendLiveEfs();
  };

  // AWS explorer (issue 5): dist/explorer.js loads when the view opens or a command runs; the SDK on the first AWS call.
  const explorer = activateExplorer(context, { onLiveEfs, log });

  // ECS Exec (issue 6): dist/exec.js loads on the first exec command.
  const exec = once(async () => {
    const started = (await import('./chunks/exec')).startExec(() => {
      const c = explorer.connections()[0];
      return { region: c?.region ?? process.env.AWS_REGION ?? 'us-east-1', profile: c?.profile };
    });
    context.subscriptions.push(...started.disposables);
    return started.commands;
  });
  context.subscriptions.push(...registerLazyCommands(EXEC_COMMAND_IDS, exec, 'ECS Exec'));

  client = createLanguageClient(context);
  context.subscriptions.push(
    { dispose: () => void client?.stop() },
    vscode.commands.registerCommand('fargateLens.restartServer', async () => {
      await client?.restart();
      sendLiveEfs();
    }),
  );
  // Not awaited: activation returns at once and diagnostics arrive when the server is up.
  client
    .start()
    .then(sendLiveEfs, (e: unknown) =>
      log.error(`Fargate Lens language server did not start: ${(e as Error).message}`),
    );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
