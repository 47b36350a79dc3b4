// esbuild plugin: one copy of the TypeScript module helpers (__createBinding, __setModuleDefault,
// __importStar, __exportStar, ...) for the vscode-languageclient stack instead of one per module. tsc
// emits them at the top of each CommonJS file that needs them, ~0.8 KB minified each, ~20 KB over the
// ~30 modules of the client entry. The prologue of helper statements is moved verbatim into
// one shared module (one copy per distinct prologue, so each helper still calls the helpers it was
// emitted with) and the file gets the same names from there. Nothing else in a file changes; a file
// whose top does not have the exact tsc shape is left as it is.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);
const NAMESPACE = 'shared-ts-helpers';

/** The library directories whose modules are rewritten. */
export const HELPER_PACKAGES = ['vscode-languageclient/node', 'vscode-languageserver-protocol', 'vscode-jsonrpc'];
const packageLib = (id) => {
  let dir = dirname(require.resolve(id));
  while (!dir.endsWith(`${sep}lib`) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

/**
 * The helper prologue of a tsc-emitted CommonJS file: after `"use strict";` (and a block comment, the
 * licence header, and `/// <reference>` lines), consecutive statements `var __x = (this && this.__x) || ...;`, each ending on its
 * first line or on a line that starts at column 0 with `}` or `)` and ends with `;`. Returns the text
 * before it, the prologue, the text after it and the helper names, or undefined.
 */
export function helperPrologue(text) {
  const lines = text.split('\n');
  if (lines[0].replace(/\r$/, '') !== '"use strict";') return undefined;
  let first = 1;
  if (/^\/\*/.test(lines[first] ?? '')) {
    while (first < lines.length && !/\*\/\r?$/.test(lines[first])) first++;
    first++;
  }
  while (/^\/\/\//.test(lines[first] ?? '')) first++;
  const names = [];
  let i = first;
  for (;;) {
    const head = /^var (__\w+) = \(this && this\.\1\) \|\| /.exec(lines[i] ?? '');
    if (!head) break;
    let end = i;
    const ends = (n) =>
      n === i ? /;\r?$/.test(lines[n]) && !/[({]\r?$/.test(lines[n]) : /^[})].*;\r?$/.test(lines[n]);
    while (end < lines.length && !ends(end)) end++;
    if (end >= lines.length) return undefined;
    names.push(head[1]);
    i = end + 1;
  }
  if (names.length === 0) return undefined;
  return {
    names,
    head: lines.slice(0, first).join('\n'),
    prologue: lines.slice(first, i).join('\n'),
    rest: lines.slice(i).join('\n'),
  };
}

function* jsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsFiles(p);
    else if (entry.name.endsWith('.js')) yield p;
  }
}

export function sharedTsHelpersPlugin(packages = HELPER_PACKAGES) {
  const libs = packages.map((p) => `${packageLib(p)}${sep}`);
  return {
    name: 'shared-ts-helpers',
    setup(b) {
      // Every distinct prologue of the libraries, known before any file loads (esbuild loads in parallel).
      const variants = new Map();
      for (const lib of libs) {
        for (const file of jsFiles(lib)) {
          const found = helperPrologue(readFileSync(file, 'utf8'));
          if (found && !variants.has(found.prologue))
            variants.set(found.prologue, { key: `p${variants.size}`, names: found.names });
        }
      }
      // One module per prologue, so that only those of bundled files are bundled.
      const shared = new Map(
        [...variants].map(([prologue, { key, names }]) => [
          key,
          // `this` as at a module's top level: an object without the helpers, so each uses its own definition.
          `'use strict';\nmodule.exports = (function () {\n${prologue}\nreturn { ${names.join(', ')} };\n}).call({});\n`,
        ]),
      );

      b.onResolve({ filter: new RegExp(`^${NAMESPACE}/p\\d+$`) }, (args) => ({
        path: args.path,
        namespace: NAMESPACE,
      }));
      b.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: shared.get(args.path.slice(NAMESPACE.length + 1)),
        loader: 'js',
      }));
      b.onLoad({ filter: /\.js$/ }, (args) => {
        if (!libs.some((lib) => args.path.startsWith(lib))) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const found = helperPrologue(text);
        const variant = found && variants.get(found.prologue);
        if (!variant) return undefined;
        // Padded to the prologue's line count, so that source-map lines of the rest stay right.
        const pad = '\n'.repeat(found.prologue.split('\n').length);
        return {
          contents: `${found.head}\nvar { ${variant.names.join(', ')} } = require("${NAMESPACE}/${variant.key}");${pad}${found.rest}`,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}
