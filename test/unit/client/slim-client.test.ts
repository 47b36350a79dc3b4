/**
 * (unit) The client entry's slimmed language client (scripts/build/slimClient.mjs,
 * sharedTsHelpers.mjs). The packaged build (`scripts/build.mjs --minify`, as `npm run package` runs it) goes to a
 * temporary directory; vscode-languageclient/node is bundled with the same plugins and loaded under a
 * vscode stub next to the real library, and started against the built server over stdio:
 * - the replaced features are disjoint from what the server offers: none of their capabilities is in
 *   its initialize result, the real feature code stays inactive with that result, and the methods the
 *   server registers dynamically are ones the slim client implements;
 * - the slim client advertises exactly the full client's capabilities minus what the replaced
 *   features would add, registers the same features in the same order, and exports the same names;
 * - the packaged entry stays under the 300 KB budget, activates, and its client talks to the server.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { sharedTsHelpersPlugin } from '../../../scripts/build/sharedTsHelpers.mjs';
import { CLIENT_LIB, REPLACED_FEATURES, slimClientPlugin } from '../../../scripts/build/slimClient.mjs';
import { withTimeout } from '../../lsp/client';
import { createVscodeStub, withVscode } from './vscodeStub';

const ROOT = join(__dirname, '../../..');
const requireHere = createRequire(__filename);

/* The library's JavaScript surface, as far as these tests touch it. */
interface Feature {
  constructor: { name: string };
  registrationType?: { method: string };
  fillClientCapabilities(caps: object): void;
  preInitialize?(caps: object, selector: unknown): void;
  initialize(caps: object, selector: unknown): void;
  getState(): { kind: string; registrations?: boolean };
}
interface Client {
  _features: Feature[];
  computeClientCapabilities(): Record<string, unknown>;
  getFeature(method: string): Feature | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  initializeResult?: { capabilities: Record<string, unknown> };
}
type ClientModule = Record<string, unknown> & {
  LanguageClient: new (id: string, name: string, server: object, options: object) => Client;
  TransportKind: { stdio: number };
};
interface Registration {
  method: string;
}

let tmp: string;
// The real library is loaded once (the first require binds its `vscode`), under this stub.
const full = { stub: createVscodeStub(), lib: undefined as unknown as ClientModule };
const slim = { stub: createVscodeStub(), lib: undefined as unknown as ClientModule };
// The selector the extension's client uses (client/src/languageClient.ts imports vscode and the library).
const { DOCUMENT_SELECTOR } = withVscode(
  full.stub,
  () => requireHere('../../../client/src/languageClient') as typeof import('../../../client/src/languageClient'),
);

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fl-slim-client-'));
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts/build.mjs'), '--minify', '--outdir', join(tmp, 'dist')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(built.status, 0, `packaged build failed: ${built.stderr}`);
  await build({
    stdin: { contents: "module.exports = require('vscode-languageclient/node');", resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['vscode'],
    logLevel: 'silent',
    plugins: [slimClientPlugin, sharedTsHelpersPlugin()],
    outfile: join(tmp, 'slim-client.js'),
  });
  full.lib = withVscode(full.stub, () => requireHere('vscode-languageclient/node') as ClientModule);
  slim.lib = withVscode(slim.stub, () => requireHere(join(tmp, 'slim-client.js')) as ClientModule);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

const newClient = (lib: ClientModule, server: object = { module: 'unused.js' }, options: object = {}): Client =>
  new lib.LanguageClient('fargateLens', 'Fargate Lens', server, {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'fargateLens' },
    ...options,
  });

/** The real library's feature classes of the replaced modules. */
function replacedClasses(): Set<unknown> {
  const classes = new Set<unknown>();
  for (const name of Object.keys(REPLACED_FEATURES)) {
    const mod = withVscode(
      full.stub,
      () => requireHere(join(CLIENT_LIB, 'common', `${name}.js`)) as Record<string, unknown>,
    );
    for (const v of Object.values(mod)) if (typeof v === 'function' && /Feature$/.test(v.name)) classes.add(v);
  }
  return classes;
}

/** The full client's instances of the replaced features (as BaseLanguageClient registers them). */
const replacedFeatures = (client: Client): Feature[] => {
  const classes = replacedClasses();
  return client._features.filter((f) => classes.has(f.constructor));
};

/** `path=value` for every non-object value of a capabilities tree. */
function leaves(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${path}=${JSON.stringify(value)}`];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

const at = (obj: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);

test('the packaged client entry (minified, as npm run package builds it) is under 300 KB (unit)', () => {
  const size = statSync(join(tmp, 'dist/extension.js')).size;
  assert.ok(size < 300 * 1024, `dist/extension.js is ${(size / 1024).toFixed(1)} KB`);
});

test(
  'the packaged entry activates and its language client starts the built server and takes its registration (unit)',
  { timeout: 60000 },
  async () => {
    const stub = createVscodeStub();
    const ext = withVscode(
      stub,
      () =>
        requireHere(join(tmp, 'dist/extension.js')) as {
          activate(c: object): Promise<void>;
          deactivate(): Promise<void>;
        },
    );
    const memento = {
      get: (_k: string, d?: unknown) => d,
      update: async () => undefined,
      keys: () => [],
      setKeysForSync: () => undefined,
    };
    const context = {
      subscriptions: [] as Array<{ dispose(): unknown }>,
      extensionPath: tmp,
      asAbsolutePath: (p: string) => join(tmp, p),
      globalState: memento,
      workspaceState: memento,
    };
    try {
      await withTimeout(ext.activate(context), 10000, 'activate()');
      // The server registers its file watcher once initialized; the client creates it through VS Code.
      await withTimeout(
        stub.whenCalled(/^workspace\.createFileSystemWatcher$/),
        30000,
        "the language client to take the server's file-watcher registration",
      );
      assert.ok(
        !stub.calls.some((c) => /\.error$/.test(c)),
        `errors logged: ${stub.calls.filter((c) => /\.error$/.test(c)).join(', ')}`,
      );
    } finally {
      await withTimeout(ext.deactivate(), 10000, 'deactivate()').catch(() => undefined);
      for (const d of context.subscriptions) d.dispose();
    }
  },
);

test("activating the packaged entry in a fresh process does not load Node's crypto module (deferred at build time) (unit)", () => {
  copyFileSync(join(ROOT, 'package.json'), join(tmp, 'package.json'));
  const child = spawnSync(process.execPath, [join(ROOT, 'bench/lib/activate-child.cjs'), tmp], {
    encoding: 'utf8',
    timeout: 30000,
  });
  const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    error?: string;
    cryptoAtActivation?: boolean;
    chunksLoaded?: string[];
  };
  assert.equal(out.error, undefined);
  assert.equal(out.cryptoAtActivation, false);
  assert.deepEqual(out.chunksLoaded, []);
});

test('the slim client exports the names the library exports (unit)', () => {
  assert.deepEqual(Object.keys(slim.lib).sort(), Object.keys(full.lib).sort());
});

test('the slim client registers the same features in the same order, each replaced module in use (unit)', () => {
  const fullClient = newClient(full.lib);
  const slimClient = newClient(slim.lib);
  assert.deepEqual(
    slimClient._features.map((f) => f.constructor.name),
    fullClient._features.map((f) => f.constructor.name),
  );
  const used = new Set(replacedFeatures(fullClient).map((f) => f.constructor));
  for (const name of Object.keys(REPLACED_FEATURES)) {
    const mod = requireHere(join(CLIENT_LIB, 'common', `${name}.js`)) as Record<string, unknown>;
    assert.ok(
      Object.values(mod).some((v) => used.has(v as Feature['constructor'])),
      `lib/common/${name}.js registers a feature`,
    );
  }
});

test("the slim client advertises the full client's capabilities minus those of the replaced features (unit)", () => {
  const fullClient = newClient(full.lib);
  const replaced: Record<string, unknown> = {};
  for (const f of replacedFeatures(fullClient)) f.fillClientCapabilities(replaced);
  const fullCaps = new Set(leaves(fullClient.computeClientCapabilities()));
  const removed = new Set(leaves(replaced));
  assert.ok(removed.size > 0);
  for (const l of removed) assert.ok(fullCaps.has(l), `${l} is advertised by the full client`);
  const slimCaps = newClient(slim.lib).computeClientCapabilities();
  assert.deepEqual(leaves(slimCaps).sort(), [...fullCaps].filter((l) => !removed.has(l)).sort());
  // What the server reads from the client's capabilities (server/src/server.ts).
  assert.equal(at(slimCaps, 'workspace.configuration'), true);
  assert.equal(at(slimCaps, 'workspace.didChangeWatchedFiles.dynamicRegistration'), true);
});

test(
  'against the built server, the replaced features would stay inactive and the server registers only what the slim client implements (unit)',
  { timeout: 60000 },
  async () => {
    const registrations: Registration[] = [];
    const failures: unknown[] = [];
    let registered!: () => void;
    const firstRegistration = new Promise<void>((r) => (registered = r));
    const client = newClient(
      slim.lib,
      { module: join(tmp, 'dist/server.js'), transport: slim.lib.TransportKind.stdio },
      {
        middleware: {
          handleRegisterCapability: async (
            params: { registrations: Registration[] },
            next: (p: unknown) => Promise<void>,
          ) => {
            registrations.push(...params.registrations);
            try {
              await next(params);
            } catch (e) {
              failures.push(e);
              throw e;
            } finally {
              registered();
            }
          },
        },
      },
    );
    try {
      await withTimeout(client.start(), 30000, 'the slim client to start the server');
      await withTimeout(firstRegistration, 10000, "the server's dynamic registrations");
      const capabilities = client.initializeResult!.capabilities;
      assert.ok(capabilities.hoverProvider, 'the initialize result came from the real server');

      for (const [name, paths] of Object.entries(REPLACED_FEATURES)) {
        for (const path of paths)
          assert.equal(
            at(capabilities, path),
            undefined,
            `the server offers ${path}, which lib/common/${name}.js would serve`,
          );
      }
      assert.deepEqual(failures, []);
      assert.ok(registrations.length > 0);
      for (const r of registrations)
        assert.ok(client.getFeature(r.method), `the slim client implements ${r.method}, which the server registers`);

      // The real code of every replaced feature, run against the server's actual initialize result.
      const features = replacedFeatures(newClient(full.lib));
      const registeredMethods = new Set(registrations.map((r) => r.method));
      for (const f of features) {
        full.stub.calls.length = 0;
        f.preInitialize?.(capabilities, DOCUMENT_SELECTOR);
        f.initialize(capabilities, DOCUMENT_SELECTOR);
        const activity = full.stub.calls.filter((c) => /\.(register|create)\w*$/.test(c));
        assert.deepEqual(activity, [], `${f.constructor.name} would register providers with the server's capabilities`);
        assert.notEqual(f.getState().registrations, true, `${f.constructor.name} would be active`);
        if (f.registrationType)
          assert.ok(
            !registeredMethods.has(f.registrationType.method),
            `the server registers ${f.registrationType.method} dynamically`,
          );
      }
    } finally {
      await withTimeout(client.stop(), 10000, 'the slim client to stop').catch(() => undefined);
    }
  },
);
