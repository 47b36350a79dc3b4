/**
 * Wires the AWS explorer: settings → connections, the lazily loaded API factory, the model, the tree
 * view, the status bar, the commands and the live EFS source. Nothing here loads the AWS SDK; the first
 * AWS call (the view becoming visible, or a command) does.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { createApiFactory } from '../aws/factory';
import { readProfiles, resolveConnections, type ProfileInfo } from '../aws/profiles';
import type { ApiFactory, Connection } from '../aws/types';
import { JsonDocuments } from '../commands/jsonDocuments';
import { registerCommands } from '../commands/register';
import type { CommandDeps } from '../commands/types';
import { createVsCodeUi } from '../commands/vscodeUi';
import { LiveEfsSource, type LiveEfsCallback } from './liveEfs';
import { ExplorerModel } from './model';
import type { ExplorerNode } from './nodes';
import { affectsConnection, clientOptions, connectionSettings, explorerSettings } from './settings';
import { createStatusBar } from './statusBar';
import { createExplorerView } from './view';

export interface ExplorerHandle {
  /** For other features (ECS Exec): the API factory and the current connections. */
  apis: ApiFactory;
  connections: () => readonly Connection[];
}

export function activateExplorer(context: vscode.ExtensionContext, options: { onLiveEfs: LiveEfsCallback; log: vscode.OutputChannel }): ExplorerHandle {
  const settings = connectionSettings();
  let profiles: ProfileInfo[] = [];
  let conns: Connection[] = [];
  const recompute = (): void => {
    conns = resolveConnections({ profile: settings.profile(), regions: settings.regions() }, process.env, profiles);
  };
  recompute();
  const connections = (): readonly Connection[] => conns;

  const factory = createApiFactory(clientOptions);
  const model = new ExplorerModel(factory.get, connections, explorerSettings);
  const documents = new JsonDocuments();
  const log = (line: string): void => options.log.appendLine(line);
  const liveEfs = new LiveEfsSource(factory.get, options.onLiveEfs, (m) => log(`live EFS data unavailable: ${m}`));

  let shown = false;
  const publishLiveEfs = (): void => void (shown ? liveEfs.update(conns[0]) : undefined);
  const created = createExplorerView(model, documents, () => explorerSettings().refreshIntervalSeconds, () => {
    shown = true;
    publishLiveEfs();
  });
  const view: vscode.TreeView<ExplorerNode> = created.view;
  const status = createStatusBar(connections);

  const deps: CommandDeps = {
    ui: createVsCodeUi(() => view),
    model, apis: factory.get, connections, settings, documents,
    newToken: () => randomUUID(),
    resetClients: () => factory.clear(),
  };

  const reload = async (): Promise<void> => {
    profiles = await readProfiles();
    recompute();
    status.update();
    model.refresh();
    publishLiveEfs();
  };
  void reload();

  context.subscriptions.push(
    ...created.disposables, status.item, { dispose: () => factory.dispose() },
    ...registerCommands(deps, log),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsConnection(e)) return;
      factory.clear();
      void reload();
    }),
  );
  return { apis: factory.get, connections };
}
