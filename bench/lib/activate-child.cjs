// Loads dist/extension.js under a minimal `vscode` stub in a fresh process and calls activate():
// prints JSON { loadMs, callMs, cpuMs, resolvedMs, error, awsChunkLoaded, chunksLoaded, cryptoAtActivation } (cpuMs: CPU time of
// the process over require + the activate() call, less sensitive to a busy machine than wall time). Not the real extension host: the
// stub answers every API with inert objects (settings return their defaults, events never fire).
// The language client really starts dist/server.js (node IPC), as it does in VS Code.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const root = process.argv[2];

function inert(name) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_t, p) {
      if (p === 'then' || typeof p === 'symbol') return p === Symbol.iterator ? function* () {} : undefined;
      if (p === 'dispose') return () => undefined;
      if (p === 'toString' || p === 'valueOf') return () => '';
      if (!cache.has(p)) cache.set(p, inert(`${name}.${String(p)}`));
      return cache.get(p);
    },
    set(_t, p, v) {
      cache.set(p, v);
      return true;
    },
    apply() {
      return inert(`${name}()`);
    },
    construct() {
      return inert(`new ${name}`);
    },
  });
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => {
      this.listeners.add(l);
      return { dispose: () => this.listeners.delete(l) };
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
class Disposable {
  constructor(fn) {
    this.fn = fn;
  }
  static from(...ds) {
    return new Disposable(() => ds.forEach((d) => d && d.dispose && d.dispose()));
  }
  dispose() {
    if (this.fn) this.fn();
  }
}
const event = () => ({ dispose() {} });
const configuration = () => ({
  get: (_k, d) => d,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
});
class Plain {
  constructor(...args) {
    this.args = args;
  }
}
const Uri = {
  file: (p) => ({
    scheme: 'file',
    fsPath: p,
    path: p,
    toString: () => `file://${p}`,
    with() {
      return this;
    },
  }),
  parse: (s) => ({
    scheme: s.split(':')[0],
    fsPath: s,
    path: s,
    toString: () => s,
    with() {
      return this;
    },
  }),
  joinPath: (u, ...ps) => Uri.file(path.join(u.fsPath, ...ps)),
};
const base = {
  version: '1.100.0',
  EventEmitter,
  Disposable,
  Uri,
  TreeItem: Plain,
  ThemeIcon: Plain,
  ThemeColor: Plain,
  MarkdownString: Plain,
  Range: Plain,
  Position: Plain,
  Location: Plain,
  Diagnostic: Plain,
  CodeAction: Plain,
  CompletionItem: Plain,
  Hover: Plain,
  SnippetString: Plain,
  WorkspaceEdit: Plain,
  Selection: Plain,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  workspace: new Proxy(
    {
      getConfiguration: configuration,
      onDidChangeConfiguration: event,
      workspaceFolders: undefined,
      textDocuments: [],
      isTrusted: true,
    },
    {
      get: (t, p) =>
        p in t ? t[p] : typeof p === 'string' && p.startsWith('onDid') ? event : inert(`workspace.${String(p)}`),
    },
  ),
  // A tree view that is not visible: VS Code starts with the explorer collapsed unless the user opened it.
  window: new Proxy(
    {
      createTreeView: () =>
        new Proxy(
          { visible: false, selection: [] },
          {
            get: (t, p) =>
              p in t ? t[p] : typeof p === 'string' && p.startsWith('onDid') ? event : inert(`treeView.${String(p)}`),
          },
        ),
    },
    {
      get: (t, p) =>
        p in t
          ? t[p]
          : typeof p === 'string' && p.startsWith('onDid')
            ? event
            : p === 'visibleTextEditors'
              ? []
              : p === 'activeTextEditor'
                ? undefined
                : inert(`window.${String(p)}`),
    },
  ),
};
// Bundlers copy the module's own keys (__toESM), so every name the bundle reads must be a real key.
for (const ns of [
  'commands',
  'languages',
  'env',
  'extensions',
  'tasks',
  'debug',
  'authentication',
  'l10n',
  'tests',
  'notebooks',
  'scm',
  'comments',
])
  base[ns] ??= inert(`vscode.${ns}`);
for (const cls of [
  'CancellationTokenSource',
  'CancellationError',
  'CallHierarchyItem',
  'CodeLens',
  'Color',
  'ColorInformation',
  'ColorPresentation',
  'CompletionList',
  'DiagnosticRelatedInformation',
  'DocumentHighlight',
  'DocumentLink',
  'DocumentSymbol',
  'FoldingRange',
  'InlayHint',
  'InlayHintLabelPart',
  'LinkedEditingRanges',
  'ParameterInformation',
  'RelativePattern',
  'SelectionRange',
  'SemanticTokens',
  'SignatureHelp',
  'SignatureInformation',
  'SymbolInformation',
  'TextEdit',
  'TypeHierarchyItem',
  'TabInputText',
  'TabInputTextDiff',
  'TabInputCustom',
  'TabInputNotebook',
  'InlineCompletionItem',
  'InlineCompletionList',
  'SnippetTextEdit',
  'CallHierarchyIncomingCall',
  'CallHierarchyOutgoingCall',
  'InlineValueText',
  'InlineValueVariableLookup',
  'InlineValueEvaluatableExpression',
  'SemanticTokensEdit',
  'SemanticTokensEdits',
])
  base[cls] ??= Plain;
for (const en of [
  'CodeActionKind',
  'CodeActionTriggerKind',
  'CompletionItemKind',
  'CompletionItemTag',
  'CompletionTriggerKind',
  'DiagnosticSeverity',
  'DiagnosticTag',
  'DocumentHighlightKind',
  'FileType',
  'FoldingRangeKind',
  'InlineCompletionTriggerKind',
  'LogLevel',
  'ProgressLocation',
  'SignatureHelpTriggerKind',
  'SymbolKind',
  'SymbolTag',
  'TextDocumentSaveReason',
  'ViewColumn',
  'ExtensionMode',
])
  base[en] ??= inert(`vscode.${en}`);
const vscode = new Proxy(base, { get: (t, p) => (p in t ? t[p] : inert(`vscode.${String(p)}`)) });

// Module._load is Node's internal loader (not in @types/node): the one hook that serves `vscode`.
const internals = /** @type {{ _load: (request: string, ...rest: unknown[]) => unknown }} */ (
  /** @type {unknown} */ (Module)
);
const load = internals._load;
internals._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const context = {
  /** @type {{ dispose(): void }[]} */
  subscriptions: [],
  extensionPath: root,
  extensionUri: Uri.file(root),
  asAbsolutePath: (p) => path.join(root, p),
  globalState: { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} },
  workspaceState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
  secrets: {
    get: async () => undefined,
    store: async () => undefined,
    delete: async () => undefined,
    onDidChange: event,
  },
  environmentVariableCollection: inert('env'),
  extensionMode: 1,
  logUri: Uri.file(path.join(root, '.tmp')),
  globalStorageUri: Uri.file(path.join(root, '.tmp')),
  storageUri: undefined,
  extension: { id: 'fargate-lens.fargate-lens', packageJSON: require(path.join(root, 'package.json')) },
};

void (async () => {
  const out = {};
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ext = require(path.join(root, 'dist', 'extension.js'));
  const t1 = performance.now();
  out.loadMs = t1 - t0;
  let error;
  let promise;
  try {
    promise = ext.activate(context);
  } catch (e) {
    error = e;
  }
  out.callMs = performance.now() - t1;
  // Node's crypto module is not needed to activate (vscode-jsonrpc's use of it is deferred at build time).
  out.cryptoAtActivation = /** @type {{ moduleLoadList: string[] }} */ (
    /** @type {unknown} */ (process)
  ).moduleLoadList.includes('NativeModule crypto');
  const cpu = process.cpuUsage(cpu0);
  out.cpuMs = (cpu.user + cpu.system) / 1000;
  try {
    await Promise.race([
      promise,
      new Promise((_, rej) =>
        setTimeout(() => rej(new Error('activate() did not resolve within 10 s')), 10000).unref(),
      ),
    ]);
  } catch (e) {
    error = error ?? e;
  }
  out.resolvedMs = performance.now() - t1;
  out.error = error ? String((error && error.message) || error) : undefined;
  out.awsChunkLoaded = Object.keys(require.cache).some((k) => /dist[\\/]aws\.js$/.test(k));
  // Lazily loaded chunks (dist/<name>.js besides the entry) that activation required anyway.
  const dist = path.join(root, 'dist') + path.sep;
  out.chunksLoaded = Object.keys(require.cache)
    .filter((k) => k.startsWith(dist) && !k.endsWith(`${path.sep}extension.js`))
    .map((k) => path.basename(k));
  process.stdout.write(JSON.stringify(out) + '\n');
  try {
    await Promise.race([ext.deactivate && ext.deactivate(), new Promise((r) => setTimeout(r, 3000).unref())]);
  } catch {
    /* best effort */
  }
  for (const d of context.subscriptions) {
    try {
      d.dispose();
    } catch {
      /* best effort */
    }
  }
  process.exit(0);
})();
