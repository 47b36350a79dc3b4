/**
 * THE UI port: what features may ask of the user (messages, pickers, inputs, confirmations, progress)
 * and show (documents, links, the tree). Implemented over vscode.window in ./vscodeUi.ts and by a
 * scripted UI in tests (test/unit/explorer/scriptedUi.ts). Feature code never imports vscode.
 */
import type { ExplorerNode } from '../explorer/nodes';

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

export interface PickOptions {
  /** Shown as the picker's title: say what is being chosen ("Run command: task"). */
  title: string;
  placeholder?: string;
}

/** Cancellation seen by a task under withProgress. */
export interface Cancellation {
  readonly cancelled: boolean;
  onCancel(listener: () => void): void;
}

export interface Ui {
  pick<T>(items: PickItem<T>[], opts: PickOptions): Promise<T | undefined>;
  pickMany<T>(items: PickItem<T>[], opts: PickOptions): Promise<T[] | undefined>;
  input(opts: {
    title: string;
    prompt?: string;
    value?: string;
    placeholder?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string | undefined>;
  /** Modal warning; resolves true only when the user pressed `action` (Cancel is the default). */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  info(message: string): void;
  /** An error notification (the VS Code adapter adds "Show Logs"). Pass only redacted text. */
  error(message: string): void;
  /** Opens a read-only virtual document (scheme fargate-lens): JSON, or Markdown when the URI ends in .md. */
  openReadOnly(uri: string): Promise<void>;
  openUntitled(content: string, language: 'json'): Promise<void>;
  /** Closes an untitled document without asking to save it (its content was used, e.g. registered). */
  discardUntitled(uri: string): Promise<void>;
  copy(text: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** Runs `task` under a progress notification; with `cancellable`, a Cancel button sets the cancellation. */
  withProgress<T>(
    title: string,
    task: (cancellation: Cancellation) => Promise<T>,
    opts?: { cancellable?: boolean },
  ): Promise<T>;
  activeEditor(): { uri: string; text: string; languageId: string } | undefined;
  /** Error-severity diagnostics with source "fargate-lens" on a document. */
  errorDiagnostics(uri: string): string[];
  isTrusted(): boolean;
  reveal(node: ExplorerNode): Promise<void>;
  /** Warning-severity diagnostics with source "fargate-lens" on a document. */
  warningDiagnostics(uri: string): string[];
  /**
   * A cancellable progress notification whose message the task replaces as it goes (`report`);
   * Cancel aborts `signal` (a rollout watch stops watching; the deployment goes on).
   */
  withReportedProgress<T>(
    title: string,
    task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T>;
  /** A non-modal message with buttons; resolves to the button pressed, if any. Pass only redacted text. */
  notify(severity: 'info' | 'warning' | 'error', message: string, actions: string[]): Promise<string | undefined>;
  /** VS Code's diff editor between two documents (URI strings). */
  openDiff(left: string, right: string, title: string): Promise<void>;
  /** The text of a document by URI (open, or read from disk). */
  documentText(uri: string): Promise<{ text: string; languageId: string } | undefined>;
  /** Whether a command is registered (a feature another part of the extension may provide). */
  hasCommand(id: string): Promise<boolean>;
  runCommand(id: string, ...args: unknown[]): Promise<void>;
}

/** A cancellation that never fires (tests, non-cancellable progress). */
export const NEVER_CANCELLED: Cancellation = { cancelled: false, onCancel() {} };
