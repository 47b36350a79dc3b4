/**
 * What commands may use: a small UI interface (implemented over vscode in vscodeUi.ts, faked in unit
 * tests), the explorer model, the API factory and the connection settings. Commands never import vscode.
 */
import type { ApiFactory, Connection } from '../aws/types';
import type { ExplorerModel } from '../explorer/model';
import type { ExplorerNode } from '../explorer/nodes';
import type { JsonDocuments } from './jsonDocuments';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

export interface Ui {
  pick<T>(items: PickItem<T>[], opts: { title: string; placeholder?: string }): Promise<T | undefined>;
  pickMany<T>(items: PickItem<T>[], opts: { title: string; placeholder?: string }): Promise<T[] | undefined>;
  input(opts: {
    title: string;
    prompt?: string;
    value?: string;
    placeholder?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string | undefined>;
  /** Modal warning; resolves true only when the user pressed `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  info(message: string): void;
  error(message: string): void;
  /** Opens a read-only virtual JSON document (scheme fargate-lens). */
  openReadOnly(uri: string): Promise<void>;
  openUntitled(content: string, language: 'json'): Promise<void>;
  copy(text: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
  activeEditor(): { uri: string; text: string; languageId: string } | undefined;
  /** Error-severity diagnostics with source "fargate-lens" on a document. */
  errorDiagnostics(uri: string): string[];
  isTrusted(): boolean;
  reveal(node: ExplorerNode): Promise<void>;
}

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
