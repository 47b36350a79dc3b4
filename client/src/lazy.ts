/**
 * Loading code on first use. Activation registers at once what VS Code needs (the command ids, the
 * tree view's data provider, the document scheme) as thin forwarders; the code behind them lives in
 * client/src/chunks/*, reached only through `import()`, which scripts/build.mjs turns into a `require`
 * of dist/<chunk>.js on the first call. A user who only edits files never loads a chunk.
 */
import * as vscode from 'vscode';
import { userError } from './commands/guard';

/** `load` run at most once at a time; its result is kept, a failure is retried by the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () =>
    (result ??= load().catch((e: unknown) => {
      result = undefined;
      throw e;
    }));
}

export type Handlers = Readonly<Record<string, (...args: never[]) => unknown>>;

/** Registers `ids` now; the first call of any of them loads `handlers` (a chunk) and every call runs the handler of its id. */
export function registerLazyCommands(
  ids: readonly string[],
  handlers: () => Promise<Handlers>,
  what: string,
): vscode.Disposable[] {
  return ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      let table: Handlers;
      try {
        table = await handlers();
      } catch (e) {
        void vscode.window.showErrorMessage(userError(e, `Fargate Lens could not load ${what}`));
        return undefined;
      }
      const run = table[id] as ((...a: unknown[]) => unknown) | undefined;
      if (!run) throw new Error(`${what} has no handler for ${id}`);
      return run(...args);
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
