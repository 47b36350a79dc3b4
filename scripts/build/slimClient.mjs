// esbuild plugin for the client entry (dist/extension.js) only: vscode-languageclient without the
// features our language server never offers (activation reads and compiles every byte of the
// entry). BaseLanguageClient.registerBuiltinFeatures instantiates all ~45 features of the protocol;
// server/src/server.ts offers a dozen. The feature modules listed in REPLACED_FEATURES resolve to
// scripts/build/inactiveFeatures.cjs (features that stay inactive and advertise nothing), which also
// drops minimatch (needed only by pull diagnostics, notebooks and file operations); the library's
// VS Code version check gets scripts/build/semverLite.cjs instead of semver. The real LanguageClient,
// its connection, converters and every feature our server uses are untouched.
//
// Guarded by test/unit/client/slim-client.test.ts: the replaced features stay inactive against the
// capabilities and registrations of the real server, the slim client's capabilities are the full
// client's minus exactly what the replaced features would add, and the minified entry is < 300 KB.
// The build fails here when a library update changes what the stand-ins must provide.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const INACTIVE_FEATURES = join(here, 'inactiveFeatures.cjs');
export const SEMVER_LITE = join(here, 'semverLite.cjs');
/** vscode-languageclient/lib */
export const CLIENT_LIB = dirname(dirname(require.resolve('vscode-languageclient/node')));

/**
 * The replaced modules of vscode-languageclient/lib/common: for each, the server capabilities (paths
 * in the initialize result) that the real features act on. Informative and checked by the test
 * against the real server; the test also runs the real features against it.
 */
export const REPLACED_FEATURES = {
  signatureHelp: ['signatureHelpProvider'],
  documentHighlight: ['documentHighlightProvider'],
  workspaceSymbol: ['workspaceSymbolProvider'],
  codeLens: ['codeLensProvider'],
  formatting: ['documentFormattingProvider', 'documentRangeFormattingProvider', 'documentOnTypeFormattingProvider'],
  documentLink: ['documentLinkProvider'],
  executeCommand: ['executeCommandProvider'],
  typeDefinition: ['typeDefinitionProvider'],
  implementation: ['implementationProvider'],
  colorProvider: ['colorProvider'],
  declaration: ['declarationProvider'],
  // Server-initiated window/workDoneProgress/create, sent only to clients advertising window.workDoneProgress.
  progress: [],
  callHierarchy: ['callHierarchyProvider'],
  semanticTokens: ['semanticTokensProvider'],
  linkedEditingRange: ['linkedEditingRangeProvider'],
  fileOperations: ['workspace.fileOperations'],
  typeHierarchy: ['typeHierarchyProvider'],
  inlineValue: ['inlineValueProvider'],
  inlayHint: ['inlayHintProvider'],
  diagnostic: ['diagnosticProvider'],
  notebook: ['notebookDocumentSync'],
  inlineCompletion: ['inlineCompletionProvider'],
  textDocumentContent: ['workspace.textDocumentContent'],
};

/** Names a CommonJS module of the library exports (`exports.Name = ...`). */
export function exportedNames(file) {
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/\bexports\.(\w+) =/g)].map((m) => m[1]))];
}

/** Throws when the stand-ins no longer cover what the library expects of them. */
export function checkStandIns() {
  const inactive = require(INACTIVE_FEATURES);
  for (const name of Object.keys(REPLACED_FEATURES)) {
    const missing = exportedNames(join(CLIENT_LIB, 'common', `${name}.js`)).filter((e) => !(e in inactive));
    if (missing.length)
      throw new Error(
        `slimClient: ${INACTIVE_FEATURES} lacks ${missing.join(', ')} of vscode-languageclient/lib/common/${name}.js`,
      );
  }
  const main = readFileSync(join(CLIENT_LIB, 'node', 'main.js'), 'utf8');
  const range = /const REQUIRED_VSCODE_VERSION = '([^']*)'/.exec(main)?.[1];
  if (!range || !/^\^\d+\.\d+\.\d+$/.test(range))
    throw new Error(
      `slimClient: vscode-languageclient requires VS Code ${range ?? '(range not found)'}; semverLite handles only ^M.m.p`,
    );
  for (const file of ['ril.js', 'main.js']) {
    const src = readFileSync(join(JSONRPC_NODE, file), 'utf8');
    const used = [...new Set([...src.matchAll(/crypto_1\.(\w+)/g)].map((m) => m[1]))].filter(
      (n) => n !== 'randomBytes' && n !== 'randomUUID',
    );
    if (used.length)
      throw new Error(
        `slimClient: vscode-jsonrpc/lib/node/${file} now uses crypto.${used.join(', crypto.')}; the lazy crypto stand-in provides randomBytes and randomUUID`,
      );
  }
  const semverUses = [...main.matchAll(/require\("(semver[^"]*)"\)/g)].map((m) => m[1]).sort();
  if (semverUses.join() !== 'semver/functions/parse,semver/functions/satisfies')
    throw new Error(
      `slimClient: vscode-languageclient now requires ${semverUses.join(', ')}; semverLite provides parse and satisfies`,
    );
}

const COMMON = `${join(CLIENT_LIB, 'common')}${sep}`;
const NODE = `${join(CLIENT_LIB, 'node')}${sep}`;
/** vscode-jsonrpc's node build, which requires `crypto` at load for pipe names and registration ids. */
const JSONRPC_NODE = `${dirname(require.resolve('vscode-jsonrpc/node'))}${sep}`;
/**
 * `crypto` for vscode-jsonrpc, loaded on the first random id or pipe name instead of at activation
 * (~4 ms of a cold process): the library only calls these two functions, always after start-up.
 */
const LAZY_CRYPTO = `let c;
const load = () => (c ??= require('crypto'));
module.exports = { randomBytes: (...a) => load().randomBytes(...a), randomUUID: (...a) => load().randomUUID(...a) };
`;
const replacedPath = new RegExp(`^\\./(${Object.keys(REPLACED_FEATURES).join('|')})$`);

export const slimClientPlugin = {
  name: 'slim-language-client',
  setup(b) {
    b.onStart(() => {
      try {
        checkStandIns();
        return undefined;
      } catch (e) {
        return { errors: [{ text: e.message }] };
      }
    });
    b.onResolve({ filter: replacedPath }, (args) =>
      args.importer.startsWith(COMMON) ? { path: INACTIVE_FEATURES } : undefined,
    );
    b.onResolve({ filter: /^crypto$/ }, (args) =>
      args.importer.startsWith(JSONRPC_NODE) ? { path: 'crypto', namespace: 'lazy-crypto' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({ contents: LAZY_CRYPTO, loader: 'js' }));
    b.onResolve({ filter: /^semver\/functions\/(parse|satisfies)$/ }, (args) =>
      args.importer.startsWith(NODE)
        ? { path: args.path.slice('semver/functions/'.length), namespace: 'semver-lite' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'semver-lite' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(SEMVER_LITE)}).${args.path};`,
      resolveDir: here,
      loader: 'js',
    }));
  },
};
