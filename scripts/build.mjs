// Bundles the client, the server and the CLI into dist/ with esbuild (tsc only type-checks).
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot resolve.
  mainFields: ['module', 'main'],
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

await Promise.all(entries.map((e) => build({ ...common, ...e })));
if (!watch) process.stdout.write('built dist/extension.js, dist/server.js, dist/cli.js\n');
