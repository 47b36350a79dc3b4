/**
 * What commands may use: the UI port (client/src/ui/port.ts: vscode in ui/vscodeUi.ts, scripted in unit
 * tests), the explorer model, the API factory and the connection settings. Commands never import vscode.
 */
import type { ApiFactory, Connection } from '../aws/types';
import type { ExplorerModel } from '../explorer/model';
import type { ExplorerNode } from '../explorer/nodes';
import type { DeployDeps } from '../deploy/commands/deps';
import type { DiagnoseFindingsStore } from '../diagnose/findingsStore';
import type { ServerLink } from '../liveFindings';
import type { Verifier } from '../verify/verifier';
import type { Ui } from '../ui/port';
import type { JsonDocuments } from './jsonDocuments';

export type { Cancellation, PickItem, PickOptions, Ui } from '../ui/port';

export interface ConnectionSettings {
  profile(): string | undefined;
  regions(): readonly string[];
  setProfile(profile: string | undefined): Promise<void>;
  setRegions(regions: readonly string[]): Promise<void>;
}

export interface CommandDeps {
  ui: Ui;
  model: ExplorerModel;
  apis: ApiFactory;
  connections: () => readonly Connection[];
  settings: ConnectionSettings;
  documents: JsonDocuments;
  newToken: () => string;
  /** Forget cached clients/credentials (after a profile change or SSO login). */
  resetClients: () => void;
  /** Deploy features (drift cache, rollout store, launch checks, timers); absent in older callers' deps. */
  deploy?: DeployDeps;
  /** Stopped tasks seen, as findings at the members of workspace files (client/src/diagnose/findingsStore.ts). */
  stoppedFindings?: Pick<DiagnoseFindingsStore, 'seen'>;
  /** Findings anchored at members of workspace files, shown by the language server (client/src/liveFindings.ts). */
  live?: Pick<ServerLink, 'publishLive' | 'state'>;
  /** Pre-deploy verification of workspace files against the account (client/src/verify/verifier.ts). */
  verifier?: Verifier;
}

export type CommandHandler = (deps: CommandDeps, ...args: unknown[]) => Promise<void>;

/** Picks the connection a command acts on: the node's, the only one, or asks. */
export async function pickConnection(deps: CommandDeps, node?: ExplorerNode): Promise<Connection | undefined> {
  if (node) return node.conn;
  const all = deps.connections();
  if (all.length <= 1) return all[0];
  return deps.ui.pick(
    all.map((c) => ({ label: c.region, description: c.profile ?? 'default', value: c })),
    { title: 'Region' },
  );
}
