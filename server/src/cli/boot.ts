/**
 * The start of `dist/cli.js`: the CLI bundle rides in the same file inside a trailing comment (which
 * Node's loader only skims), and is compiled here with a V8 code cache kept in the user's cache
 * directory. A warm cache skips parsing and compiling the ~1 MB bundle and the functions the last lint
 * needed, about half of the process's own start-up. Any failure (no cache directory, a cache
 * rejected by another Node or other V8 flags) falls back silently to a plain compile; a rejected or
 * missing cache is rewritten after a `lint` that ran to completion, so it holds the lint's functions.
 * FARGATE_LENS_NO_CODE_CACHE=1 turns the cache off; FARGATE_LENS_CACHE_DIR moves it.
 * The build (scripts/cliBundle.mjs) writes the marker, escapes the bundle's comment ends and defines
 * the bundle's content hash, which names the cache file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

declare const FARGATE_LENS_CLI_HASH: string;
declare const FARGATE_LENS_CLI_MARKER: string;
declare const FARGATE_LENS_CLI_ESCAPE: string;

function cacheDir(): string | undefined {
  const env = process.env;
  if (env.FARGATE_LENS_NO_CODE_CACHE === '1') return undefined;
  if (env.FARGATE_LENS_CACHE_DIR) return env.FARGATE_LENS_CACHE_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'fargate-lens', 'cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'fargate-lens');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'fargate-lens');
}

function start(): void {
  const text = readFileSync(__filename, 'utf8');
  const at = text.lastIndexOf(FARGATE_LENS_CLI_MARKER);
  const end = text.lastIndexOf('*/');
  if (at < 0 || end < at) throw new Error('dist/cli.js is damaged: the bundle is missing (rebuild with node scripts/build.mjs)');
  const source = text.slice(at + FARGATE_LENS_CLI_MARKER.length, end).split(FARGATE_LENS_CLI_ESCAPE).join('*/');
  const dir = cacheDir();
  const name = `cli-${FARGATE_LENS_CLI_HASH}-${process.version}-${process.arch}.v8`;
  let cachedData: Buffer | undefined;
  if (dir) {
    try {
      cachedData = readFileSync(join(dir, name));
    } catch {
      // no cache yet
    }
  }
  // The CommonJS wrapper, so the bundle sees this module's require/module (require.main === module).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: __filename, cachedData });
  if (dir && (!cachedData || script.cachedDataRejected) && process.argv[2] === 'lint') {
    process.once('exit', (code) => {
      if (code === 0 || code === 1) writeCache(dir, name, script);
    });
  }
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: NodeModule, f: string, d: string) => void;
  fn.call(module.exports, module.exports, require, module, __filename, __dirname);
}

function writeCache(dir: string, name: string, script: Script): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true });
    // Caches of other builds or Node versions go (one CLI build is the common case).
    for (const f of readdirSync(dir)) {
      if (f !== name && /^cli-.*\.v8$/.test(f)) {
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
