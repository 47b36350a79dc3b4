// dist/cli.js = the small start-up of server/src/cli/boot.ts + the CLI bundle inside a trailing comment,
// which boot.ts compiles with a V8 code cache (see there). One file, so `bin` and the .vsix need nothing
// else. Used as an esbuild plugin on the CLI entry, which must be built with `write: false`.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';

const MARKER = '/*fargate-lens-cli-bundle:';
/** What a `*​/` in the bundle becomes inside the comment (checked absent from the bundle). */
const ESCAPE = '*\\fl-end/';

export const cliCodeCachePlugin = {
  name: 'cli-code-cache',
  setup(b) {
    b.onEnd(async (result) => {
      if (result.errors.length || !result.outputFiles) return;
      const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
      const map = result.outputFiles.find((f) => f.path.endsWith('.js.map'));
      const source = js.text;
      if (source.includes(ESCAPE) || source.includes(MARKER)) throw new Error(`build: the CLI bundle contains ${ESCAPE} or the marker`);
      const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
      const boot = await build({
        entryPoints: ['server/src/cli/boot.ts'],
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        minify: true,
        write: false,
        logLevel: 'warning',
        define: { FARGATE_LENS_CLI_HASH: JSON.stringify(hash), FARGATE_LENS_CLI_MARKER: JSON.stringify(MARKER), FARGATE_LENS_CLI_ESCAPE: JSON.stringify(ESCAPE) },
      });
      const out = `#!/usr/bin/env node\n${boot.outputFiles[0].text}${MARKER}${source.split('*/').join(ESCAPE)}*/\n`;
      mkdirSync(dirname(js.path), { recursive: true });
      writeFileSync(js.path, out);
      // The bundle's own map: its lines are those the code cache compiles (boot.ts keeps them).
      if (map) writeFileSync(map.path, map.contents);
    });
  },
};
