// Bundles the client, the server and the CLI into dist/ with esbuild (tsc only type-checks).
//   node scripts/build.mjs [--minify] [--no-split[=aws,explorer,...]] [--outdir dir]
//   (--minify: the client; server and CLI always. --outdir: instead of dist/, e.g. for a benchmark baseline)
// The client is split so that activation reads and compiles only dist/extension.js (activation glue and
// the language client); the rest is loaded on first use, each chunk built on its own:
//   dist/explorer.js, dist/exec.js   client/src/chunks/<name>.ts, reached only through `import('./chunks/<name>')`
//                                    (client/src/lazy.ts registers the thin forwarders at activation);
//   dist/aws.js                      the AWS SDK, reached through dynamic imports in client/src/aws
//                                    (`import('./sdk')`, `import('./execApi')`, `import('@aws-sdk/credential-providers')`).
// A chunk is split off only when .vscodeignore ships dist/<name>.js (a .vsix without it would fail at
// first use); otherwise, or with --no-split (all chunks) or --no-split=<names>, its code is bundled
// inline, still evaluated only on first use.
// Chunks share no state with each other except through dist/aws.js, which they `require` (one copy).
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { cliCodeCachePlugin } from './cliBundle.mjs';
import { sharedTsHelpersPlugin } from './build/sharedTsHelpers.mjs';
import { slimClientPlugin } from './build/slimClient.mjs';

const argv = process.argv.slice(2);
const watch = argv.includes('--watch');
const outdir = argv.includes('--outdir') ? argv[argv.indexOf('--outdir') + 1] : 'dist';
/** @type {import('esbuild').BuildOptions} */
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
const shipped = existsSync('.vscodeignore') ? readFileSync('.vscodeignore', 'utf8') : '';
const ships = (file) => new RegExp(`^!dist/${file.replace('.', '\\.')}\\s*$`, 'm').test(shipped);
const noSplitArg = argv.find((a) => a === '--no-split' || a.startsWith('--no-split='));
const inline = (name) =>
  noSplitArg !== undefined &&
  (noSplitArg === '--no-split' || noSplitArg.slice('--no-split='.length).split(',').includes(name));
const splitAws = !inline('aws') && ships(AWS_CHUNK);

/** Client chunks: client/src/chunks/<name>.ts -> dist/<name>.js, when split. */
const CHUNK_DIR = resolve('client/src/chunks');
const clientChunks = readdirSync(CHUNK_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'));
const splitChunks = clientChunks.filter((name) => !inline(name) && ships(`${name}.js`));

/** Sends `import('./chunks/<name>')` to the separately built dist/<name>.js; a static import of a chunk is an error (it would pull the chunk into activation). */
const clientChunkPlugin = {
  name: 'client-chunks',
  setup(b) {
    b.onResolve({ filter: /[\\/]chunks[\\/][\w-]+$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path);
      if (args.kind === 'entry-point' || dirname(target) !== CHUNK_DIR || !splitChunks.includes(basename(target)))
        return undefined;
      if (args.kind !== 'dynamic-import')
        return {
          errors: [
            {
              text: `${args.path} is a lazily loaded chunk: import it with import(), not statically (from ${args.importer})`,
            },
          ],
        };
      return { path: `./${basename(target)}.js`, external: true };
    });
  },
};

/** Modules of client/src/aws that are only imported dynamically and pull in the SDK. */
const LAZY_AWS_MODULES = ['client/src/aws/sdk/index.ts', 'client/src/aws/execApi.ts', 'client/src/aws/proxy.ts'].filter(
  (f) => existsSync(f),
);
/** The names the client's dynamic imports read; checked after the build so a rename fails loudly. */
const CHUNK_EXPORTS = [
  'createSdkApis',
  'fromNodeProviderChain',
  ...(existsSync('client/src/aws/execApi.ts') ? ['SdkExecApi'] : []),
  ...(existsSync('client/src/aws/proxy.ts') ? ['sdkAgents'] : []),
];

/** Sends the client's dynamic imports of the SDK (and of our SDK-backed modules) to the chunk. */
const awsChunkPlugin = {
  name: 'aws-chunk',
  setup(b) {
    b.onResolve({ filter: /^(\.\/sdk|\.\/execApi|\.\/proxy|@aws-sdk\/.*)$/ }, (args) => {
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

// dynamic-import unsupported: chunks are loaded with require() (resolved next to dist/extension.js),
// not through Node's ESM loader.
/** @type {import('esbuild').BuildOptions & { plugins: import('esbuild').Plugin[] }} */
const client = {
  external: ['vscode'],
  supported: { 'dynamic-import': false },
  plugins: [clientChunkPlugin, ...(splitAws ? [awsChunkPlugin] : [])],
};
/** @type {(import('esbuild').BuildOptions & { outfile: string })[]} */
const entries = [
  // The entry's language client without the features our server never offers and with one copy of the
  // tsc module helpers (scripts/build/slimClient.mjs, scripts/build/sharedTsHelpers.mjs).
  {
    ...client,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    plugins: [...client.plugins, slimClientPlugin, sharedTsHelpersPlugin()],
  },
  ...splitChunks.map((name) => ({
    ...client,
    entryPoints: [`client/src/chunks/${name}.ts`],
    outfile: `dist/${name}.js`,
  })),
  // The server and the CLI start a process per use (the CLI per CI run, often per file): always minified
  // to cut the script compile time at startup; source maps stay. Names are not kept (the server reads no
  // function names): keepNames' __name calls cost at load and on every closure a hot path creates.
  // dist/server.js is also the `fargate-lens-language-server` bin (other editors start it with --stdio).
  {
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  },
  // The CLI also starts from a V8 code cache: dist/cli.js is written by cliCodeCachePlugin (scripts/cliBundle.mjs).
  // Names are not kept: keepNames' __name calls ran at every load and on every closure a hot path creates
  // (one-template lint 107 -> 88 ms CPU); the CLI reads no function names.
  {
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    minify: true,
    write: false,
    plugins: [cliCodeCachePlugin],
  },
  // The CLI's AWS subcommands (logs, diagnose, diff, verify, port-forward): a bundle of their own, loaded
  // by dist/cli-bundle.js only when one of them runs, so `lint` never compiles the AWS SDK.
  // It shares dist/aws.js (the SDK) with the extension instead of bundling a second copy.
  {
    entryPoints: ['client/src/cli/index.ts'],
    outfile: 'dist/cli-aws.js',
    minify: true,
    external: ['vscode'],
    supported: { 'dynamic-import': false },
    plugins: splitAws ? [awsChunkPlugin] : [],
  },
  ...(splitAws
    ? [
        {
          stdin: {
            contents: awsChunkSource,
            resolveDir: '.',
            sourcefile: 'aws-chunk.ts',
            loader: /** @type {const} */ ('ts'),
          },
          outfile: `dist/${AWS_CHUNK}`,
          external: ['vscode'],
        },
      ]
    : []),
];

await Promise.all(entries.map((e) => build({ ...common, ...e, outfile: e.outfile.replace(/^dist\//, `${outdir}/`) })));
// The package's bins (package.json "bin") are run directly by npm, pre-commit and other editors.
for (const bin of ['cli.js', 'server.js']) {
  if (existsSync(`${outdir}/${bin}`)) chmodSync(`${outdir}/${bin}`, 0o755);
}
// A chunk left over from an earlier split build would be measured and packaged for nothing.
for (const name of [AWS_CHUNK.replace(/\.js$/, ''), ...clientChunks]) {
  if (name === 'aws' ? splitAws : splitChunks.includes(name)) continue;
  for (const f of [`${outdir}/${name}.js`, `${outdir}/${name}.js.map`]) rmSync(f, { force: true });
}
if (splitAws) {
  const chunk = readFileSync(`${outdir}/${AWS_CHUNK}`, 'utf8');
  const missing = CHUNK_EXPORTS.filter(
    (name) => !new RegExp(`\\b${name}: \\(\\) =>`).test(chunk) && !new RegExp(`\\b${name}:`).test(chunk),
  );
  if (missing.length) throw new Error(`build: dist/${AWS_CHUNK} does not export ${missing.join(', ')}`);
}
const split = [
  ...splitChunks.map((n) => `${outdir}/${n}.js`),
  ...(splitAws ? [`${outdir}/${AWS_CHUNK} (AWS SDK)`] : []),
];
if (!watch)
  process.stdout.write(
    `built ${outdir}/extension.js, ${outdir}/server.js, ${outdir}/cli.js, ${outdir}/cli-aws.js${split.length ? `; loaded on first use: ${split.join(', ')}` : ''}\n`,
  );
