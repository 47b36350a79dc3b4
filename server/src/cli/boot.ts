/**
 * The start of `dist/cli.js`: the CLI bundle rides in the same file inside a trailing comment (which
 * Node's loader only skims), and is compiled here with a V8 code cache kept in the user's cache
 * directory. A warm cache skips parsing and compiling the bundle and the functions the last lint
 * needed, about half of the process's own start-up. Any failure (no cache directory, a cache
 * rejected by another Node or other V8 flags) falls back silently to a plain compile; a rejected or
 * missing cache is rewritten after a `lint` that ran to completion, so it holds the lint's functions.
 * FARGATE_LENS_NO_CODE_CACHE=1 turns the cache off; FARGATE_LENS_CACHE_DIR moves it.
 *
 * The build (scripts/cliBundle.mjs) writes the file as: this start-up; the bundle, wrapped as a
 * CommonJS module function, in a comment after FARGATE_LENS_CLI_MARKER (its comment ends escaped);
 * the JSON assets (the generated schemas), each in a comment after FARGATE_LENS_CLI_ASSET and its
 * name, parsed only when the bundle first asks for one (they are not part of the compiled source nor
 * of the code cache); and a last line, FARGATE_LENS_CLI_LAYOUT and a JSON object of where each part
 * starts and ends, so nothing is searched for. The file is ASCII, read as latin1 (no UTF-8
 * decoding). The bundle's content hash names the cache file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { readLayout } from './layout';

declare const FARGATE_LENS_CLI_HASH: string;
declare const FARGATE_LENS_CLI_MARKER: string;
declare const FARGATE_LENS_CLI_ESCAPE: string;
declare const FARGATE_LENS_CLI_ASSET: string;
declare const FARGATE_LENS_CLI_LAYOUT: string;

const DAMAGED = 'dist/cli.js is damaged: the bundle is missing (rebuild with node scripts/build.mjs)';

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
  const text = readFileSync(__filename, 'latin1');
  const layout = readLayout(text, { bundle: FARGATE_LENS_CLI_MARKER, asset: FARGATE_LENS_CLI_ASSET, layout: FARGATE_LENS_CLI_LAYOUT });
  if (!layout) {
    process.stderr.write(`fargate-lens: internal error: ${DAMAGED}\n`);
    process.exitCode = 2;
    return;
  }
  // The source is the CommonJS wrapper and the bundle, so the bundle sees this module's require and
  // module (require.main === module) and can ask for an asset.
  const source = text.slice(layout.bundle[0], layout.bundle[1]).replaceAll(FARGATE_LENS_CLI_ESCAPE, '*/');
  const asset = (name: string): unknown => {
    const r = layout.assets[name];
    if (!r) throw new Error(`${DAMAGED}: no asset ${name}`);
    return JSON.parse(text.slice(r[0], r[1]));
  };
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
  const script = new Script(source, { filename: __filename, cachedData });
  if (dir && (!cachedData || script.cachedDataRejected) && process.argv[2] === 'lint') {
    process.once('exit', (code) => {
      if (code === 0 || code === 1) writeCache(dir, name, script);
    });
  }
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: NodeModule, f: string, d: string, a: (name: string) => unknown) => void;
  fn.call(module.exports, module.exports, require, module, __filename, __dirname, asset);
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
