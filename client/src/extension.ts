/** Extension entry point: builds the real dependencies, starts the language client and the AWS explorer. Keep it short. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_EFS_NOTIFICATION, type LiveEfsParams } from '../../server/src/protocol';
import { activateExplorer } from './explorer/activate';
import { clientOptions } from './explorer/settings';
import { createLazyExecApiFactory } from './aws/lazyExecApi';
import { registerExecCommands } from './exec';
import type { LiveEfsData } from './explorer/liveEfs';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Fargate Lens AWS', { log: true });
  context.subscriptions.push(log);

  // Live EFS data for the language server: the latest value is (re)sent once the client runs.
  let liveEfs: LiveEfsParams = { fileSystems: [] };
  const sendLiveEfs = (): void => void (client?.isRunning() ? client.sendNotification(LIVE_EFS_NOTIFICATION, liveEfs).catch(() => undefined) : undefined);
  const onLiveEfs = (data: LiveEfsData | undefined): void => {
    liveEfs = data ?? { fileSystems: [] };
    sendLiveEfs();
  };

  // AWS explorer (issue 5): no AWS SDK is loaded here; the first AWS call does.
  const explorer = activateExplorer(context, { onLiveEfs, log });

  // ECS Exec (issue 6): the SDK-backed ExecApi is loaded on the first exec command.
  registerExecCommands(context, {
    apiFor: createLazyExecApiFactory(clientOptions),
    defaultTarget: () => {
      const c = explorer.connections()[0];
      return { region: c?.region ?? process.env.AWS_REGION ?? 'us-east-1', profile: c?.profile };
    },
  });

  client = createLanguageClient(context);
  context.subscriptions.push(
    { dispose: () => void client?.stop() },
    vscode.commands.registerCommand('fargateLens.restartServer', async () => {
      await client?.restart();
      sendLiveEfs();
    }),
  );
  // Not awaited: activation returns at once and diagnostics arrive when the server is up.
  client.start().then(sendLiveEfs, (e: unknown) => log.error(`Fargate Lens language server did not start: ${(e as Error).message}`));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
