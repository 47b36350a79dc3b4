/**
 * A Ui for tests: answers come from a script (one function per prompt, in order), and everything the
 * command shows is recorded. An unexpected prompt fails the test with the prompt's title.
 */
import type { Cancellation, PickItem, Ui } from '../../../client/src/ui/port';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';

export type Answer = (prompt: {
  kind: 'pick' | 'pickMany' | 'input' | 'confirm';
  title: string;
  items?: Array<PickItem<unknown>>;
}) => unknown;

export class ScriptedUi implements Ui {
  readonly prompts: string[] = [];
  readonly infos: string[] = [];
  readonly errors: string[] = [];
  readonly confirms: Array<{ message: string; detail: string }> = [];
  readonly opened: string[] = [];
  readonly untitled: string[] = [];
  readonly copied: string[] = [];
  readonly external: string[] = [];
  readonly revealed: ExplorerNode[] = [];
  editor: { uri: string; text: string; languageId: string } | undefined;
  diagnostics: string[] = [];
  trusted = true;

  constructor(private readonly script: Answer[] = []) {}

  private next(
    kind: 'pick' | 'pickMany' | 'input' | 'confirm',
    title: string,
    items?: Array<PickItem<unknown>>,
  ): unknown {
    this.prompts.push(title);
    const answer = this.script.shift();
    if (!answer) throw new Error(`unexpected ${kind}: ${title}`);
    return answer({ kind, title, items });
  }

  async pick<T>(items: PickItem<T>[], opts: { title: string }): Promise<T | undefined> {
    return this.next('pick', opts.title, items) as T | undefined;
  }
  async pickMany<T>(items: PickItem<T>[], opts: { title: string }): Promise<T[] | undefined> {
    return this.next('pickMany', opts.title, items) as T[] | undefined;
  }
  async input(opts: {
    title: string;
    value?: string;
    validate?: (v: string) => string | undefined;
  }): Promise<string | undefined> {
    const v = this.next('input', opts.title) as string | undefined;
    if (v !== undefined && opts.validate?.(v)) throw new Error(`invalid input for ${opts.title}: ${opts.validate(v)}`);
    return v;
  }
  async confirm(message: string, detail: string): Promise<boolean> {
    this.confirms.push({ message, detail });
    return this.next('confirm', message) as boolean;
  }
  info(m: string): void {
    this.infos.push(m);
  }
  error(m: string): void {
    this.errors.push(m);
  }
  async openReadOnly(uri: string): Promise<void> {
    this.opened.push(uri);
  }
  async openUntitled(content: string): Promise<void> {
    this.untitled.push(content);
  }
  readonly discarded: string[] = [];
  async discardUntitled(uri: string): Promise<void> {
    this.discarded.push(uri);
  }
  async copy(text: string): Promise<void> {
    this.copied.push(text);
  }
  async openExternal(url: string): Promise<void> {
    this.external.push(url);
  }
  readonly progress: Array<{ title: string; cancellable: boolean }> = [];
  /** Set to make the next cancellable progress report a cancellation once its task has started. */
  cancelProgress = false;
  withProgress<T>(title: string, task: (c: Cancellation) => Promise<T>, opts?: { cancellable?: boolean }): Promise<T> {
    this.progress.push({ title, cancellable: opts?.cancellable ?? false });
    const listeners: Array<() => void> = [];
    let cancelled = false;
    const run = task({
      get cancelled() {
        return cancelled;
      },
      onCancel: (l) => void listeners.push(l),
    });
    if (this.cancelProgress && opts?.cancellable) {
      this.cancelProgress = false;
      cancelled = true;
      for (const l of listeners) l();
    }
    return run;
  }
  activeEditor() {
    return this.editor;
  }
  errorDiagnostics(): string[] {
    return this.diagnostics;
  }
  isTrusted(): boolean {
    return this.trusted;
  }
  async reveal(node: ExplorerNode): Promise<void> {
    this.revealed.push(node);
  }
  warnings: string[] = [];
  readonly progressTitles: string[] = [];
  readonly progressMessages: string[] = [];
  readonly notices: Array<{ severity: string; message: string; actions: string[] }> = [];
  readonly diffs: Array<{ left: string; right: string; title: string }> = [];
  readonly ran: Array<{ id: string; args: unknown[] }> = [];
  readonly documents = new Map<string, { text: string; languageId: string }>();
  commands = new Set<string>();
  /** Button pressed on each notify (in order); none left = dismissed. */
  notifyAnswers: Array<string | undefined> = [];
  /** Aborted when a test "cancels" the progress notification. */
  progressAbort = new AbortController();
  warningDiagnostics(): string[] {
    return this.warnings;
  }
  async withReportedProgress<T>(
    title: string,
    task: (report: (m: string) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    this.progressTitles.push(title);
    return task((m) => this.progressMessages.push(m), this.progressAbort.signal);
  }
  async notify(
    severity: 'info' | 'warning' | 'error',
    message: string,
    actions: string[],
  ): Promise<string | undefined> {
    this.notices.push({ severity, message, actions });
    return this.notifyAnswers.shift();
  }
  async openDiff(left: string, right: string, title: string): Promise<void> {
    this.diffs.push({ left, right, title });
  }
  async documentText(uri: string): Promise<{ text: string; languageId: string } | undefined> {
    return this.documents.get(uri) ?? (this.editor?.uri === uri ? this.editor : undefined);
  }
  async hasCommand(id: string): Promise<boolean> {
    return this.commands.has(id);
  }
  async runCommand(id: string, ...args: unknown[]): Promise<void> {
    this.ran.push({ id, args });
  }
}

/** Picks the item whose label matches. */
export const pickLabel =
  (re: RegExp): Answer =>
  ({ items }) => {
    const found = items?.find((i) => re.test(i.label));
    if (!found) throw new Error(`no item matching ${re} in ${items?.map((i) => i.label).join(', ')}`);
    return found.value;
  };
export const pickAllMatching =
  (re: RegExp): Answer =>
  ({ items }) =>
    items?.filter((i) => re.test(i.label)).map((i) => i.value);
export const value =
  (v: unknown): Answer =>
  () =>
    v;

/**
 * The Run Task wizard's answers for one worker:1 task on Fargate 1.4.0 in the network of service web,
 * no public IP, no overrides, ECS Exec off, then the confirmation (the seeded demo account's names).
 */
export const runWorkerTaskAnswers = (): Answer[] => [
  pickLabel(/^worker$/),
  pickLabel(/^worker:1$/),
  pickLabel(/^FARGATE$/),
  pickLabel(/^1\.4\.0$/),
  pickLabel(/service web/),
  pickLabel(/No public IP/),
  value('1'),
  pickLabel(/No overrides/),
  pickLabel(/ECS Exec off/),
  value(true),
];
