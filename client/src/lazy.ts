/**
 * Loading code on first use. Activation registers at once what VS Code needs (the command ids, the
 * tree view's data provider, the document scheme) as thin forwarders; the code behind them lives in
 * client/src/chunks/*, reached only through `import()`, which scripts/build.mjs turns into a `require`
 * of dist/<chunk>.js on the first call. A user who only edits files never loads a chunk.
 */
import * as vscode from 'vscode';
import { userError } from './commands/guard';
import type { CommandChunk, CommandSpec } from './commands/registry';
import type { Logs } from './ui/logs';
import { showError } from './ui/notify';

/** `load` run at most once at a time; its result is kept, a failure is retried by the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () =>
    (result ??= load().catch((e: unknown) => {
      result = undefined;
      throw e;
    }));
}

export type Handler = (...args: never[]) => unknown;
export type Handlers = Readonly<Record<string, Handler>>;

export interface CommandRuntime {
  /** The handler table of each chunk, loaded on first use; `core` handlers are given directly. */
  chunks: Partial<Record<CommandChunk, () => Promise<Handlers>>>;
  logs: Logs;
  /** Titles from package.json's contributes.commands, for messages ("Run Task… failed: …"). */
  titles: ReadonlyMap<string, string>;
}

/**
 * Registers every command of the registry now; the first call of one loads its chunk's handler
 * table. One runner for all: trusted-only commands refuse in an untrusted workspace, and a failure
 * (loading the chunk or running the handler) is logged, redacted, to the command's channel and shown
 * once with "Show Logs", never thrown into VS Code.
 */
export function registerCommands(specs: readonly CommandSpec[], runtime: CommandRuntime): vscode.Disposable[] {
  return specs.map((spec) =>
    vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
      const channel = spec.log ?? 'aws';
      const title = (runtime.titles.get(spec.id) ?? spec.id).replace(/…$/, '');
      const log = runtime.logs.logger(channel);
      // The one guard's message (commands/guard.ts), logged with the command id and shown with Show Logs.
      const fail = (context: string, e: unknown): void => {
        const message = userError(e, context);
        log.error(`${spec.id}: ${message}`);
        showError(message, channel);
      };
      if (spec.trustedOnly && !vscode.workspace.isTrusted) {
        showError(`${title} needs a trusted workspace (Workspaces: Manage Workspace Trust).`, channel);
        return undefined;
      }
      const load = runtime.chunks[spec.chunk];
      let table: Handlers;
      try {
        if (!load) throw new Error(`no handlers for ${spec.chunk} commands`);
        table = await load();
      } catch (e) {
        fail(`Fargate Lens could not load ${title}`, e);
        return undefined;
      }
      const run = table[spec.id] as ((...a: unknown[]) => unknown) | undefined;
      try {
        if (!run) throw new Error(`no handler for ${spec.id}`);
        return await run(...args);
      } catch (e) {
        fail(`${title} failed`, e);
        return undefined;
      }
    }),
  );
}

/** A tree data provider that loads the real one on the first getChildren and forwards to it from then on. */
export function lazyTreeDataProvider<T>(
  load: () => Promise<vscode.TreeDataProvider<T>>,
): vscode.TreeDataProvider<T> & vscode.Disposable {
  const changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  let real: vscode.TreeDataProvider<T> | undefined;
  let sub: vscode.Disposable | undefined;
  const get = async (): Promise<vscode.TreeDataProvider<T>> => {
    if (real) return real;
    const loaded = await load();
    if (!real) {
      real = loaded;
      sub = loaded.onDidChangeTreeData?.((e) => changed.fire(e));
    }
    return real;
  };
  return {
    onDidChangeTreeData: changed.event,
    getChildren: async (element) => (await get()).getChildren(element),
    // VS Code asks for items and parents only of elements getChildren returned, so `real` is set by then.
    getTreeItem: (element) => (real ? real.getTreeItem(element) : get().then((p) => p.getTreeItem(element))),
    getParent: (element) => (real ? real.getParent?.(element) : get().then((p) => p.getParent?.(element))),
    dispose: () => {
      sub?.dispose();
      changed.dispose();
    },
  };
}

/**
 * A content provider for a document scheme whose documents a chunk creates: empty until `attach` (the
 * chunk's store starts empty, so a document restored after a reload was empty before too), then the
 * chunk's provider.
 */
export function forwardingContentProvider(): vscode.TextDocumentContentProvider &
  vscode.Disposable & { attach(real: vscode.TextDocumentContentProvider): void } {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  let real: vscode.TextDocumentContentProvider | undefined;
  let sub: vscode.Disposable | undefined;
  return {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri, token) => (real ? real.provideTextDocumentContent(uri, token) : ''),
    attach(provider) {
      real = provider;
      sub = provider.onDidChange?.((uri) => changed.fire(uri));
    },
    dispose: () => {
      sub?.dispose();
      changed.dispose();
    },
  };
}
