/**
 * (test helper) A recording stand-in for the `vscode` module, enough to load, construct and start
 * vscode-languageclient in a plain Node process: events that never fire, settings at their defaults,
 * no workspace folder, and inert objects for everything else. Every call of an API function is
 * recorded by its path (e.g. `languages.registerHoverProvider`) so a test can see what a feature did.
 */
import Module from 'node:module';

export interface VscodeStub {
  api: Record<string, unknown>;
  /** Paths of the API functions called, in order. */
  calls: string[];
  /** Resolves once an API function whose path matches `pattern` has been called (before or after). */
  whenCalled(pattern: RegExp): Promise<void>;
}

const noop = (): void => undefined;

export function createVscodeStub(): VscodeStub {
  const calls: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const record = (path: string): void => {
    calls.push(path);
    for (const w of [...waiters]) {
      if (!w.pattern.test(path)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  const inert = (path: string): unknown => {
    const cache = new Map<PropertyKey, unknown>();
    return new Proxy(function () {}, {
      get(_t, p) {
        if (p === Symbol.iterator) return function* () {};
        if (typeof p === 'symbol' || p === 'then') return undefined;
        if (p === 'prototype') return {};
        if (p === 'dispose') return noop;
        if (p === 'toString' || p === 'valueOf') return () => '';
        if (!cache.has(p)) cache.set(p, inert(`${path}.${p}`));
        return cache.get(p);
      },
      set(_t, p, v) {
        cache.set(p, v);
        return true;
      },
      apply() {
        record(path);
        return inert(`${path}()`);
      },
      construct() {
        record(`new ${path}`);
        return inert(`new ${path}`) as object;
      },
    });
  };
  /** A namespace with the given members; any other member is inert. */
  const namespace = (name: string, members: Record<string, unknown>): Record<string, unknown> =>
    new Proxy(members, { get: (t, p) => (p in t || typeof p === 'symbol' ? t[p as string] : inert(`${name}.${p}`)) });

  class EventEmitter<T> {
    private readonly listeners = new Set<(e: T) => void>();
    event = (listener: (e: T) => void) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
    fire(e: T): void {
      for (const l of this.listeners) l(e);
    }
    dispose(): void {
      this.listeners.clear();
    }
  }
  class Disposable {
    constructor(private readonly fn: () => void) {}
    static from(...ds: Array<{ dispose(): unknown }>): Disposable {
      return new Disposable(() => ds.forEach((d) => d.dispose()));
    }
    dispose(): void {
      this.fn();
    }
  }
  class Uri {
    constructor(
      readonly scheme: string,
      readonly path: string,
    ) {}
    get fsPath(): string {
      return this.path;
    }
    static parse(s: string): Uri {
      return new Uri(s.split(':')[0], s.slice(s.indexOf(':') + 1).replace(/^\/\//, ''));
    }
    static file(p: string): Uri {
      return new Uri('file', p);
    }
    toString(): string {
      return `${this.scheme}://${this.path}`;
    }
  }
  const event = () => ({ dispose: noop });
  const configuration = {
    get: (_k: string, d?: unknown) => d,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  };
  const members: Record<string, unknown> = {
    version: '1.100.0',
    EventEmitter,
    Disposable,
    Uri,
    CancellationError: class CancellationError extends Error {},
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    MarkdownString: class MarkdownString {
      constructor(readonly value = '') {}
    },
    // A bundle's ES-module interop copies the module's own keys: namespaces it reads must be keys.
    commands: namespace('commands', {}),
    languages: namespace('languages', {}),
    workspace: namespace('workspace', {
      getConfiguration: () => configuration,
      workspaceFolders: undefined,
      textDocuments: [],
      notebookDocuments: [],
      onDidChangeConfiguration: event,
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidCloseTextDocument: event,
      onDidSaveTextDocument: event,
      onWillSaveTextDocument: event,
      onDidChangeWorkspaceFolders: event,
    }),
    window: namespace('window', {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      tabGroups: { all: [], onDidChangeTabs: event },
      onDidChangeActiveTextEditor: event,
      onDidChangeVisibleTextEditors: event,
    }),
    env: namespace('env', { language: 'en', appName: 'vscode-stub', machineId: 'stub', sessionId: 'stub' }),
  };
  const api = new Proxy(members, { get: (t, p) => (p in t || typeof p === 'symbol' ? t[p as string] : inert(p)) });
  const whenCalled = (pattern: RegExp): Promise<void> =>
    calls.some((c) => pattern.test(c))
      ? Promise.resolve()
      : new Promise((resolve) => waiters.push({ pattern, resolve }));
  return { api, calls, whenCalled };
}

/** Runs `load` (which requires modules) with `vscode` resolving to `stub`; modules keep their reference. */
export function withVscode<T>(stub: VscodeStub, load: () => T): T {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? stub.api : original.call(this, request, ...rest);
  };
  try {
    return load();
  } finally {
    mod._load = original;
  }
}
