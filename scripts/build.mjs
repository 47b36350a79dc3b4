// Bundles the client, the server and the CLI into dist/ with esbuild (tsc only type-checks).
//   node scripts/build.mjs [--minify] [--split-aws | --no-split-aws]   (--minify: the client; server and CLI always)
// The AWS SDK is reached from the client only through dynamic imports (client/src/aws: `import('./sdk')`,
// `import('./execApi')`, `import('@aws-sdk/credential-providers')`). With the split, those resolve to
// one separately built chunk, dist/aws.js, loaded on the first AWS call, so activation neither reads
// nor compiles the SDK. The split is on when .vscodeignore ships dist/aws.js (a .vsix without the
// chunk would fail at the first AWS call), or with --split-aws; --no-split-aws bundles the SDK inline.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { cliCodeCachePlugin } from './cliBundle.mjs';

const argv = process.argv.slice(2);
const watch = argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: argv.includes('--minify'),
  logLevel: 'warning',
  legalComments: 'none',
  // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that a bundle cannot resolve.
  mainFields: ['module', 'main'],
};

const AWS_CHUNK = 'aws.js';
const shipsChunk = existsSync('.vscodeignore') && new RegExp(`^!dist/${AWS_CHUNK.replace('.', '\\.')}\\s*$`, 'm').test(readFileSync('.vscodeignore', 'utf8'));
const splitAws = argv.includes('--split-aws') || (!argv.includes('--no-split-aws') && shipsChunk);

/** Modules of client/src/aws that are only imported dynamically and pull in the SDK. */
const LAZY_AWS_MODULES = ['client/src/aws/sdk/index.ts', 'client/src/aws/execApi.ts'].filter((f) => existsSync(f));
/** The names the client's dynamic imports read; checked after the build so a rename fails loudly. */
const CHUNK_EXPORTS = ['createSdkApis', 'fromNodeProviderChain', ...(existsSync('client/src/aws/execApi.ts') ? ['SdkExecApi'] : [])];

/** Sends the client's dynamic imports of the SDK (and of our SDK-backed modules) to the chunk. */
const awsChunkPlugin = {
  name: 'aws-chunk',
  setup(b) {
    b.onResolve({ filter: /^(\.\/sdk|\.\/execApi|@aws-sdk\/.*)$/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (!args.path.startsWith('@aws-sdk/') && !/[\\/]client[\\/]src[\\/]aws$/.test(args.resolveDir)) return undefined;
      return { path: `./${AWS_CHUNK}`, external: true };
    });
  },
};

const awsChunkSource = [
  ...LAZY_AWS_MODULES.map((f) => `export * from './${f.replace(/\.ts$/, '')}';`),
  "export * from '@aws-sdk/credential-providers';",
].join('\n');

const entries = [
  // dynamic-import unsupported: the chunk is loaded with require() (resolved next to dist/extension.js),
  // not through Node's ESM loader.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: splitAws ? [awsChunkPlugin] : [], supported: { 'dynamic-import': false } },
  // The server and the CLI start a process per use (the CLI per CI run, often per file): always minified
  // (names kept) to cut the script compile time at startup; source maps stay.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', minify: true, keepNames: true },
  // The CLI also starts from a V8 code cache: dist/cli.js is written by cliCodeCachePlugin (scripts/cliBundle.mjs).
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', minify: true, keepNames: true, write: false, plugins: [cliCodeCachePlugin] },
  ...(splitAws ? [{ stdin: { contents: awsChunkSource, resolveDir: '.', sourcefile: 'aws-chunk.ts', loader: 'ts' }, outfile: `dist/${AWS_CHUNK}`, external: ['vscode'] }] : []),
];

await Promise.all(entries.map((e) => build({ ...common, ...e })));
// A chunk left over from an earlier split build would be measured and packaged for nothing.
if (!splitAws) for (const f of [`dist/${AWS_CHUNK}`, `dist/${AWS_CHUNK}.map`]) rmSync(f, { force: true });
if (splitAws) {
  const chunk = readFileSync(`dist/${AWS_CHUNK}`, 'utf8');
  const missing = CHUNK_EXPORTS.filter((name) => !new RegExp(`\\b${name}: \\(\\) =>`).test(chunk) && !new RegExp(`\\b${name}:`).test(chunk));
  if (missing.length) throw new Error(`build: dist/${AWS_CHUNK} does not export ${missing.join(', ')}`);
}
if (!watch) process.stdout.write(`built dist/extension.js, dist/server.js, dist/cli.js${splitAws ? `, dist/${AWS_CHUNK} (AWS SDK, loaded on first use)` : ''}\n`);
