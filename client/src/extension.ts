/**
 * Extension entry point: the language client, the one AWS client factory, the output channels and
 * every command of the registry as a thin forwarder; the explorer and ECS Exec code is loaded on
 * first use (client/src/lazy.ts). Keep it short: everything imported here is read and compiled at
 * every activation, and nothing here may load the AWS SDK.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LIVE_EFS_NOTIFICATION, type LiveEfsParams } from '../../server/src/protocol';
import { createAwsClientFactory } from './aws/factory';
import { COMMAND_SPECS, type ChunkCommandId } from './commands/registry';
import { activateDeployLens } from './deploy/activate';
import { activateExplorer } from './explorer/activate';
import type { LiveEfsData } from './explorer/liveEfs';
import { clientOptions } from './explorer/settings';
import { createLanguageClient } from './languageClient';
import { forwardingContentProvider, once, registerCommands, type Handler } from './lazy';
import { Logs } from './ui/logs';

let client: LanguageClient | undefined;

function commandTitles(context: vscode.ExtensionContext): Map<string, string> {
  const contributed = (context.extension?.packageJSON as { contributes?: { commands?: unknown } } | undefined)
    ?.contributes?.commands;
  const list = Array.isArray(contributed) ? (contributed as Array<{ command?: string; title?: string }>) : [];
  return new Map(list.flatMap((c) => (c.command && c.title ? [[c.command, c.title] as const] : [])));
}

export function activate(context: vscode.ExtensionContext): void {
  const logs = new Logs();
  const aws = createAwsClientFactory(clientOptions);
  context.subscriptions.push(logs, { dispose: () => aws.dispose() });
  const awsLog = logs.logger('aws');

  // Live EFS data for the language server: the latest value is (re)sent once the client runs.
  let liveEfs: LiveEfsParams = { fileSystems: [] };
  const sendLiveEfs = (): void =>
    void (client?.isRunning()
      ? client
          .sendNotification(LIVE_EFS_NOTIFICATION, liveEfs)
          .catch((e: unknown) => awsLog.warn(`live EFS data not sent to the language server: ${String(e)}`))
      : undefined);
  const onLiveEfs = (data: LiveEfsData | undefined): void => {
    liveEfs = data ?? { fileSystems: [] };
    sendLiveEfs();
  };

  // AWS explorer: dist/explorer.js loads when the view opens or a command runs; the SDK on the first AWS call.
  // The language server, for the explorer chunk's requests (the deploy guard rail) and live findings.
  const explorer = activateExplorer(context, { onLiveEfs, logs, aws, server: () => client });

  // Registered-revision code lens: answers "no lens" at once for other files; the explorer chunk computes it.
  activateDeployLens(context, async () => (await explorer.runtime()).lenses);

  // ECS Exec: dist/exec.js loads on the first exec command.
  const exec = once(async () => {
    const started = (await import('./chunks/exec')).startExec({
      aws,
      output: logs.channel('exec'),
      log: logs.logger('exec'),
      state: context.globalState,
      defaultTarget: () => {
        const c = explorer.connections()[0];
        return { region: c?.region ?? process.env.AWS_REGION ?? 'us-east-1', profile: c?.profile };
      },
    });
    context.subscriptions.push(...started.disposables);
    return started.commands;
  });

  // Container logs: dist/logs.js loads on the first Show/Follow Container Logs command. The document
  // scheme is registered now, so a log view restored after a reload says how to reopen it.
  const logViews = forwardingContentProvider();
  const containerLogs = once(async () => {
    const started = (await import('./chunks/logs')).startLogs({ aws, connections: explorer.connections });
    logViews.attach(started.provider);
    context.subscriptions.push(...started.disposables);
    return started.commands;
  });
  context.subscriptions.push(
    logViews,
    vscode.workspace.registerTextDocumentContentProvider('fargate-lens-logs', logViews),
  );

  client = createLanguageClient(context, logs.channel('server'));
  const core = {
    'fargateLens.restartServer': async () => {
      await client?.restart();
      sendLiveEfs();
    },
    // From a tree node (an error), the AWS log; from the palette, a choice of logs.
    'fargateLens.showLogs': (channel?: unknown) => logs.show(typeof channel === 'object' ? 'aws' : channel),
    'fargateLens.openSettings': (query?: unknown) =>
      vscode.commands.executeCommand(
        'workbench.action.openSettings',
        typeof query === 'string' ? query : 'fargateLens.aws',
      ),
  } satisfies Record<ChunkCommandId<'core'>, Handler>;
  context.subscriptions.push(
    { dispose: () => void client?.stop() },
    ...registerCommands(COMMAND_SPECS, {
      chunks: { explorer: explorer.commands, exec, logs: containerLogs, core: () => Promise.resolve(core) },
      logs,
      titles: commandTitles(context),
    }),
  );
  // Not awaited: activation returns at once and diagnostics arrive when the server is up.
  client.start().then(sendLiveEfs, (e: unknown) => {
    const message = `The Fargate Lens language server did not start: ${(e as Error).message}. Diagnostics are off until "Fargate Lens: Restart Language Server" succeeds.`;
    logs.logger('server').error(message);
    // Never silent: a server that dies while starting (on every restart) ends with one clear message.
    void vscode.window.showErrorMessage(message);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
