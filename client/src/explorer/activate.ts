/**
 * Activation side of the AWS explorer, kept small: the connections (settings + profiles), the status
 * bar, the tree view and the `fargate-lens:` scheme with forwarding providers, and the explorer
 * commands as thin wrappers. The rest (model, API factory, commands, live EFS) is the explorer chunk
 * (client/src/chunks/explorer.ts), loaded when the view first asks for children or a command first
 * runs. Nothing here loads the AWS SDK.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readProfiles, resolveConnections, type ProfileInfo } from '../aws/profiles';
import type { AwsClientFactory } from '../aws/factory';
import type { Connection } from '../aws/types';
import type { ExplorerRuntime } from '../chunks/explorer';
import { SCHEME } from '../commands/jsonDocuments';
import { forwardingContentProvider, lazyTreeDataProvider, once, type Handlers } from '../lazy';
import type { Logs } from '../ui/logs';
import type { LiveEfsCallback } from './liveEfs';
import type { ExplorerNode } from './nodes';
import { affectsConnection, connectionSettings, endpointInUse } from './settings';
import { createStatusBar } from './statusBar';

export const VIEW_ID = 'fargateLens.explorer';

export interface ExplorerHandle {
  /** For other features (ECS Exec): the current connections. */
  connections: () => readonly Connection[];
  /** The explorer chunk's command handlers (loads the chunk). */
  commands: () => Promise<Handlers>;
  /** Loads the explorer chunk (once) and returns its runtime (the registered-revision code lens forwards to it). */
  runtime: () => Promise<ExplorerRuntime>;
}

export function activateExplorer(
  context: vscode.ExtensionContext,
  options: {
    onLiveEfs: LiveEfsCallback;
    logs: Logs;
    aws: AwsClientFactory;
    /** The language client (undefined before it is created); the chunk sends its requests and notifications. */
    server?: () => LanguageClient | undefined;
  },
): ExplorerHandle {
  const settings = connectionSettings();
  let profiles: ProfileInfo[] = [];
  let conns: Connection[] = [];
  const recompute = (): void => {
    conns = resolveConnections({ profile: settings.profile(), regions: settings.regions() }, process.env, profiles);
  };
  recompute();
  const connections = (): readonly Connection[] => conns;
  const status = createStatusBar(connections, endpointInUse);

  let runtime: ExplorerRuntime | undefined;
  const content = forwardingContentProvider();
  const load = once(async () => {
    runtime = (await import('../chunks/explorer')).startExplorer({
      view,
      connections,
      settings,
      onLiveEfs: options.onLiveEfs,
      aws: options.aws,
      log: options.logs.logger('aws'),
      server: options.server,
    });
    content.attach(runtime.content);
    context.subscriptions.push(...runtime.disposables);
    return runtime;
  });
  const provider = lazyTreeDataProvider<ExplorerNode>(async () => (await load()).provider);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });

  const reload = async (): Promise<void> => {
    profiles = await readProfiles();
    recompute();
    status.update();
    runtime?.connectionsChanged();
  };
  void reload();

  context.subscriptions.push(
    view,
    provider,
    content,
    status.item,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, content),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!affectsConnection(e)) return;
      // One factory for the explorer, commands and ECS Exec: clearing it drops every cached client.
      options.aws.clear();
      void reload();
    }),
  );
  return { connections, commands: async () => (await load()).commands, runtime: load };
}
