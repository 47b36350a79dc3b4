// The CLI as two files: dist/cli.js, the small start-up of server/src/cli/boot.ts, and dist/cli-bundle.js,
// the bundle as one module function followed by the JSON assets, which boot.ts compiles with a V8 code
// cache (layout: server/src/cli/bundleFile.ts). Node's loader thus reads and compiles only the start-up.
// The generated schemas (schemas/*.json) are not bundled as JavaScript: the bundle's module for each asks
// boot.ts for the asset on first require, so they are neither compiled nor in the code cache.
// Used as an esbuild plugin on the CLI entry, which must be built with `write: false`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { build } from 'esbuild';

/** The bundle file, next to the start-up (boot.ts reads it by this name). */
export const CLI_BUNDLE = 'cli-bundle.js';
const ASSET_FN = '__fargateLensAsset';
const SCHEMA_JSON = /[\\/]schemas[\\/][^\\/]+\.json$/;

/** ASCII JSON with no comment end: `*​/` only occurs in strings, where `*\/` means the same. */
function assetJson(value) {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replaceAll('*/', '*\\/');
}

export const cliCodeCachePlugin = {
  name: 'cli-code-cache',
  setup(b) {
    const assets = new Map();
    b.onStart(() => assets.clear());
    b.onLoad({ filter: SCHEMA_JSON }, (args) => {
      const name = basename(args.path);
      assets.set(name, JSON.parse(readFileSync(args.path, 'utf8')));
      return { contents: `module.exports = ${ASSET_FN}(${JSON.stringify(name)});`, loader: 'js' };
    });
    b.onEnd(async (result) => {
      if (result.errors.length || !result.outputFiles) return;
      const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
      const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
      const bundlePath = join(dirname(js.path), CLI_BUNDLE);
      const code = js.text.replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${CLI_BUNDLE}.map\n`);
      const assetText = `/*${assetJson(Object.fromEntries([...assets].sort(([a], [b]) => (a < b ? -1 : 1))))}*/\n`;
      const hash = createHash('sha256').update(code).update(assetText).digest('hex').slice(0, 16);
      const stamp = `/*fargate-lens-cli:${hash}*/`;
      // On line 1, before the bundle's own first line: its source map holds (only line 1's columns move).
      const bundle = `${stamp}(function (exports, require, module, __filename, __dirname, ${ASSET_FN}) { ${code}\n})`;
      const boot = await build({
        entryPoints: ['server/src/cli/boot.ts'],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        minify: true,
        write: false,
        logLevel: 'warning',
        define: {
          FARGATE_LENS_CLI_HASH: JSON.stringify(hash),
          FARGATE_LENS_CLI_STAMP: JSON.stringify(stamp),
          FARGATE_LENS_CLI_LENGTH: String(bundle.length),
        },
      });
      const file = `${bundle}\n${assetText}`;
      // Lengths are in characters and read as bytes: the same only for ASCII (esbuild escapes the rest).
      if (/[^\x00-\x7f]/.test(file)) throw new Error(`build: dist/${CLI_BUNDLE} must be ASCII`);
      mkdirSync(dirname(js.path), { recursive: true });
      writeFileSync(js.path, `#!/usr/bin/env node\n${boot.outputFiles[0].text}`);
      writeFileSync(bundlePath, file);
      if (map) writeFileSync(`${bundlePath}.map`, map.contents);
      rmSync(`${js.path}.map`, { force: true }); // the start-up has no map of its own
    });
  },
};
