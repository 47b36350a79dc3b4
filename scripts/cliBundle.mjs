// dist/cli.js = the small start-up of server/src/cli/boot.ts + the CLI bundle inside a trailing comment,
// which boot.ts compiles with a V8 code cache (see there for the layout). One file, so `bin` and the .vsix
// need nothing else. Used as an esbuild plugin on the CLI entry, which must be built with `write: false`.
// The generated schemas (schemas/*.json) are not bundled as JavaScript: each is a JSON asset in a comment
// of its own, which the bundle's module for that file asks boot.ts for on first require.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { build } from 'esbuild';

const MARKER = '/*fargate-lens-cli-bundle:';
const ASSET = '/*fargate-lens-cli-asset:';
const LAYOUT = '//fargate-lens-cli-layout:';
/** What a `*​/` in the bundle becomes inside the comment (checked absent from the bundle). */
const ESCAPE = '*\\fl-end/';
/** The bundle's CommonJS wrapper; its last parameter reads an asset (boot.ts passes it). */
const ASSET_FN = '__fargateLensAsset';
const WRAPPER = `(function (exports, require, module, __filename, __dirname, ${ASSET_FN}) { `;
const SCHEMA_JSON = /[\\/]schemas[\\/][^\\/]+\.json$/;

/** JSON text that is ASCII and has no comment end: `*​/` only occurs in strings, where `*\/` is the same. */
function assetText(path) {
  return JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))
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
      assets.set(name, assetText(args.path));
      return { contents: `module.exports = ${ASSET_FN}(${JSON.stringify(name)});`, loader: 'js' };
    });
    b.onEnd(async (result) => {
      if (result.errors.length || !result.outputFiles) return;
      const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
      const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
      const source = js.text;
      for (const s of [ESCAPE, MARKER, ASSET, LAYOUT]) if (source.includes(s)) throw new Error(`build: the CLI bundle contains ${s}`);
      const hash = createHash('sha256').update(source).update(JSON.stringify([...assets])).digest('hex').slice(0, 16);
      const boot = await build({
        entryPoints: ['server/src/cli/boot.ts'],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        minify: true,
        write: false,
        logLevel: 'warning',
        define: Object.fromEntries(Object.entries({ HASH: hash, MARKER, ESCAPE, ASSET, LAYOUT }).map(([k, v]) => [`FARGATE_LENS_CLI_${k}`, JSON.stringify(v)])),
      });
      let out = `#!/usr/bin/env node\n${boot.outputFiles[0].text}${MARKER}`;
      const start = out.length;
      out += `${WRAPPER}${source.split('*/').join(ESCAPE)}\n})`;
      const layout = { bundle: [start, out.length], assets: {} };
      out += '*/\n';
      for (const [name, text] of assets) {
        out += `${ASSET}${name}:`;
        layout.assets[name] = [out.length, out.length + text.length];
        out += `${text}*/\n`;
      }
      out += `${LAYOUT}${JSON.stringify(layout)}\n`;
      // Offsets are string offsets; boot.ts reads the file as latin1, the same as bytes only for ASCII.
      if (/[^\x00-\x7f]/.test(out)) throw new Error('build: dist/cli.js must be ASCII');
      mkdirSync(dirname(js.path), { recursive: true });
      writeFileSync(js.path, out);
      // The bundle's own map: its lines are those the code cache compiles (the wrapper is on line 1).
      if (map) writeFileSync(map.path, map.contents);
    });
  },
};
