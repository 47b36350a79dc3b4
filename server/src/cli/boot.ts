/**
 * dist/cli.js: the CLI's start-up. The bundle is in dist/cli-bundle.js (see cli/bundleFile.ts), and is
 * compiled here with a V8 code cache kept in the user's cache directory: a warm cache skips parsing
 * and compiling the bundle and the functions the last lint needed, about half of the process's own
 * start-up. This file stays small, so Node's loader reads and compiles almost nothing before it. Any
 * failure of the cache (no cache directory, a cache rejected by another Node or other V8 flags) falls
 * back silently to a plain compile; a rejected or missing cache is rewritten after a `lint` that ran
 * to completion, so it holds the lint's functions. Small and large runs keep a cache each (see
 * runClass.ts): a cache also carries which functions got hot, and V8 compiles those again at once,
 * which pays in a long run and costs a short one. FARGATE_LENS_NO_CODE_CACHE=1 turns the cache off;
 * FARGATE_LENS_CACHE_DIR moves it. A missing or mismatched bundle file exits 2 with a message.
 * The build (scripts/cliBundle.mjs) defines the bundle's content hash (which names the cache file),
 * the stamp the bundle file starts with, and the length of its bundle part.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { readAssets, readBundle } from './bundleFile';
import { runClass } from './runClass';

declare const FARGATE_LENS_CLI_HASH: string;
declare const FARGATE_LENS_CLI_STAMP: string;
declare const FARGATE_LENS_CLI_LENGTH: number;

function cacheDir(): string | undefined {
  const env = process.env;
  if (env.FARGATE_LENS_NO_CODE_CACHE === '1') return undefined;
  if (env.FARGATE_LENS_CACHE_DIR) return env.FARGATE_LENS_CACHE_DIR;
  const home = homedir();
  if (process.platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'fargate-lens', 'cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'fargate-lens');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'fargate-lens');
}

function start(): void {
  const file = join(__dirname, 'cli-bundle.js');
  let source: string;
  try {
    source = readBundle(file, FARGATE_LENS_CLI_LENGTH, FARGATE_LENS_CLI_STAMP);
  } catch (e) {
    process.stderr.write(`fargate-lens: internal error: ${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  let assets: Record<string, unknown> | undefined;
  const asset = (name: string): unknown => {
    assets ??= readAssets(file, FARGATE_LENS_CLI_LENGTH);
    if (!(name in assets)) throw new Error(`${file} has no asset ${name}: rebuild with node scripts/build.mjs`);
    return assets[name];
  };
  const dir = cacheDir();
  const build = `cli-${FARGATE_LENS_CLI_HASH}-${process.version}-${process.arch}-`;
  const name = dir ? `${build}${runClass(process.argv.slice(2))}.v8` : '';
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      cachedData = readFileSync(join(dir, name));
    } catch {
      // no cache yet
    }
  }
  // The filename is the bundle's, so stack traces and source maps point into it.
  const script = new Script(source, { filename: file, cachedData });
  if (dir && (!cachedData || script.cachedDataRejected) && process.argv[2] === 'lint') {
    process.once('exit', (code) => {
      if (code === 0 || code === 1) writeCache(dir, build, name, script);
    });
  }
  // The bundle is a CommonJS module function: it sees this module's require and module (require.main === module).
  const fn = script.runInThisContext() as (
    e: unknown,
    r: NodeRequire,
    m: NodeModule,
    f: string,
    d: string,
    a: (name: string) => unknown,
  ) => void;
  fn.call(module.exports, module.exports, require, module, __filename, __dirname, asset);
}

function writeCache(dir: string, build: string, name: string, script: Script): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true });
    // Caches of other builds or Node versions go (one CLI build is the common case).
    for (const f of readdirSync(dir)) {
      if (!f.startsWith(build) && /^cli-.*\.v8$/.test(f)) {
        try {
          unlinkSync(join(dir, f));
        } catch {
          // another process got there first
        }
      }
    }
    const tmp = join(dir, `${name}.${process.pid}.tmp`);
    writeFileSync(tmp, data);
    renameSync(tmp, join(dir, name));
  } catch {
    // a read-only or missing home: run without a cache
  }
}

start();
