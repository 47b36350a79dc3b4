/**
 * Reading a file named by a workspace, a file-watch event or a command line, safely: regular files
 * only (a FIFO would block a reading thread for good, `/dev/zero` never ends), at most `maxBytes`
 * (the read stops there, whatever the file claims), UTF-8 with a leading BOM dropped as VS Code drops
 * it. Opened non-blocking and checked on the open descriptor, so a file swapped for a FIFO between a
 * check and the open cannot block either. Shared by the language server and the CLI.
 */
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string }
  /** A directory, FIFO, socket or device: never read. */
  | { kind: 'not-regular' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; code: string }
  /** Fewer bytes than the size stat reported (truncated while read, or a lying file system). */
  | { kind: 'truncated'; text: string; expected: number };

const BOM = '\uFEFF';

/** O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readRegularFile(path: string, maxBytes: number): Promise<ReadResult> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const st = await handle.stat();
    const early = verdictOf(st, maxBytes);
    if (early) return early;
    const buffer = bufferFor(st.size, maxBytes);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decoded(buffer, filled, st.size, maxBytes);
  } catch (e) {
    return unreadable(e);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The same read, synchronously: for the CLI, which reads its files one after another. Each await of the
 * promise API is a round trip through the thread pool (open, stat, read, read to the end, close), which
 * made reading cost about a fifth of linting a directory of small files.
 */
export function readRegularFileSync(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const st = fstatSync(fd);
    const early = verdictOf(st, maxBytes);
    if (early) return early;
    const buffer = bufferFor(st.size, maxBytes);
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decoded(buffer, filled, st.size, maxBytes);
  } catch (e) {
    return unreadable(e);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor that was read cannot lose anything.
    }
  }
}

function unreadable(e: unknown): ReadResult {
  return { kind: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'error' };
}

/** What the descriptor's stat decides before reading: not a regular file, or larger than allowed. */
function verdictOf(st: { isFile(): boolean; size: number }, maxBytes: number): ReadResult | undefined {
  if (!st.isFile()) return { kind: 'not-regular' };
  if (st.size > maxBytes) return { kind: 'too-large', bytes: st.size };
  return undefined;
}

/** One byte more than allowed tells a file that grew past the limit from one that fits. */
function bufferFor(size: number, maxBytes: number): Buffer {
  return Buffer.allocUnsafe(Math.min(maxBytes, size) + 1);
}

function decoded(buffer: Buffer, filled: number, size: number, maxBytes: number): ReadResult {
  if (filled > maxBytes) return { kind: 'too-large', bytes: filled };
  let text = buffer.toString('utf8', 0, filled);
  if (text.startsWith(BOM)) text = text.slice(1);
  return filled < size ? { kind: 'truncated', text, expected: size } : { kind: 'text', text };
}

/** A one-line reason for a result that is not text, for logs, findings and CLI messages. */
export function describeSkip(r: Exclude<ReadResult, { kind: 'text' }>, maxBytes: number): string {
  switch (r.kind) {
    case 'not-regular':
      return 'not a regular file (directory, FIFO, socket or device); not read';
    case 'too-large':
      return `${r.bytes} bytes, above the size limit of ${maxBytes} bytes; not checked`;
    case 'unreadable':
      return `cannot be read (${r.code})`;
    case 'truncated':
      return `shorter than its size (${r.expected} bytes expected): it changed while being read`;
  }
}
