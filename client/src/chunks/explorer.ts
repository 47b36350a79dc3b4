/**
 * The explorer chunk (dist/explorer.js), loaded when the tree view first asks for children or an
 * explorer command first runs: the API factory, the model, the tree and document providers, the
 * command handlers and the live EFS source. Activation (client/src/explorer/activate.ts) owns the
 * tree view, the connections and the status bar, and forwards to what this returns.
 */
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { AwsClientFactory } from '../aws/factory';
import type { Connection } from '../aws/types';
import { JsonDocuments } from '../commands/jsonDocuments';
import { bindCommands, type BoundCommand } from '../commands/register';
import type { CommandDeps, ConnectionSettings } from '../commands/types';
import { abortableSleep } from '../deploy/commands/deps';
import { DEFAULT_DRIFT_OPTIONS, DriftCache } from '../deploy/drift';
import { createDriftLenses } from '../deploy/lensProvider';
import { RolloutStore } from '../deploy/rolloutStore';
import { lensCallBudget } from '../deploy/settings';
import type { Logger } from '../ui/logChannels';
import { createVsCodeUi } from '../ui/vscodeUi';
import { LiveEfsSource, type LiveEfsCallback } from '../explorer/liveEfs';
import { linkServer } from '../liveFindings';
import { createStoppedFindings } from '../diagnose/editorLink';
import { registerVerifyOnSave } from '../verify/onSave';
import { Verifier } from '../verify/verifier';
import { ExplorerModel } from '../explorer/model';
import type { ExplorerNode } from '../explorer/nodes';
import { explorerSettings } from '../explorer/settings';
import { createExplorerView } from '../explorer/view';

export interface ExplorerHost {
  view: vscode.TreeView<ExplorerNode>;
  connections: () => readonly Connection[];
  settings: ConnectionSettings;
  onLiveEfs: LiveEfsCallback;
  /** The extension's one AWS client factory (shared with ECS Exec). */
  aws: AwsClientFactory;
  log: Logger;
  /** The language client (requests: the deploy guard rail; notifications: live findings). */
  server?: () => LanguageClient | undefined;
}

export interface ExplorerRuntime {
  provider: vscode.TreeDataProvider<ExplorerNode>;
  content: vscode.TextDocumentContentProvider;
  /** The registered-revision code lens provider. */
  lenses: vscode.CodeLensProvider;
  commands: Record<string, BoundCommand>;
  /** The connections were recomputed (settings or profiles changed): reload the tree and live EFS data. */
  connectionsChanged(): void;
  disposables: vscode.Disposable[];
}

export function startExplorer(host: ExplorerHost): ExplorerRuntime {
  const factory = host.aws;
  const model = new ExplorerModel(factory.get, host.connections, explorerSettings, host.log);
  const server = linkServer(host.server ?? (() => undefined), (line) => host.log.warn(line));
  // The stopped tasks the explorer and Diagnose show, as findings at the members of workspace files.
  const stopped = createStoppedFindings(model, (p) => server.publishLive(p));
  const documents = new JsonDocuments();
  const drift = new DriftCache(factory.get, () => ({
    ...DEFAULT_DRIFT_OPTIONS,
    callBudget: lensCallBudget(),
  }));
  const rollouts = new RolloutStore();
  const lenses = createDriftLenses(drift, host.connections, (line) => host.log.warn(line));
  const liveEfs = new LiveEfsSource(factory.get, host.onLiveEfs, (m) =>
    host.log.warn(`live EFS data unavailable: ${m}`),
  );

  // Live EFS data is fetched once the view has been visible (the user is looking at this account).
  let shown = false;
  const publishLiveEfs = (): void => void (shown ? liveEfs.update(host.connections()[0]) : undefined);
  const view = createExplorerView(
    host.view,
    model,
    documents,
    rollouts,
    () => explorerSettings().refreshIntervalSeconds,
    () => {
      shown = true;
      publishLiveEfs();
    },
  );

  // Pre-deploy verification (client/src/verify): the command, and on save in a trusted workspace.
  const verifier = new Verifier({
    references: (uri) => server.references(uri),
    apis: factory.get,
    publish: (p) => server.publishLive(p),
  });
  const deps: CommandDeps = {
    ui: createVsCodeUi(() => host.view, 'aws', host.log),
    model,
    apis: factory.get,
    connections: host.connections,
    settings: host.settings,
    documents,
    newToken: () => randomUUID(),
    resetClients: () => {
      factory.clear();
      drift.clear();
    },
    deploy: {
      drift,
      rollouts,
      checkLaunch: (uri, launch) => server.checkLaunch(uri, launch),
      sleep: abortableSleep,
      now: () => Date.now(),
    },
    live: server,
    stoppedFindings: stopped.store,
    verifier,
  };
  return {
    provider: view.provider,
    content: view.content,
    lenses: lenses.provider,
    // The UI logs each error it shows; the guard's line (with the command id) goes to debug.
    commands: bindCommands(deps, (line) => host.log.debug(line)),
    connectionsChanged: () => {
      model.refresh();
      drift.clear();
      stopped.store.clear();
      verifier.reset();
      publishLiveEfs();
    },
    disposables: [
      ...view.disposables,
      ...lenses.disposables,
      ...stopped.disposables,
      ...registerVerifyOnSave(verifier, host.connections, host.log),
    ],
  };
}
