/**
 * dist/cli-bundle.js, written by scripts/cliBundle.mjs and read by boot.ts: the CLI bundle as one
 * CommonJS module function, then the JSON assets (the generated schemas) in a trailing comment.
 *
 *   /*fargate-lens-cli:HASH*​/(function (exports, require, module, __filename, __dirname, asset) { ... })
 *   /*{"task-definition.schema.json": {...}, ...}*​/
 *
 * The start-up knows the bundle part's length (a build-time constant) and reads exactly that: the
 * assets are read only when the bundle first asks for one. The file is ASCII, so lengths in bytes and
 * in characters agree; `*​/` inside the assets' JSON strings is written `*\/`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes [start, end) of a file, or of its rest when end is undefined. */
function readRange(path: string, start: number, end?: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const stop = end ?? fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(Math.max(0, stop - start));
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, start + n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bundle's source: the file's first `length` bytes, which must start with `stamp` (the marker
 * and the build's hash, so a bundle from another build is refused). Throws a message for the user.
 */
export function readBundle(path: string, length: number, stamp: string): string {
  let buf: Buffer;
  try {
    buf = readRange(path, 0, length);
  } catch (e) {
    throw new Error(
      `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}): rebuild with node scripts/build.mjs`,
      { cause: e },
    );
  }
  const source = buf.toString('latin1');
  if (source.length !== length || !source.startsWith(stamp))
    throw new Error(`${path} does not belong to this dist/cli.js: rebuild with node scripts/build.mjs`);
  return source;
}

/** The assets after the bundle part: a JSON object in a comment. */
export function readAssets(path: string, offset: number): Record<string, unknown> {
  const text = readRange(path, offset).toString('latin1').trim();
  if (!text.startsWith('/*') || !text.endsWith('*/'))
    throw new Error(`${path} has no assets: rebuild with node scripts/build.mjs`);
  return JSON.parse(text.slice(2, -2)) as Record<string, unknown>;
}
