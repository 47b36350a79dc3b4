/**
 * Reading a file named by a workspace, a file-watch event or a command line, safely: regular files
 * only (a FIFO would block a reading thread for good, `/dev/zero` never ends), at most `maxBytes`
 * (the read stops there, whatever the file claims), UTF-8 with a leading BOM dropped as VS Code drops
 * it. Opened non-blocking and checked on the open descriptor, so a file swapped for a FIFO between a
 * check and the open cannot block either. Shared by the language server and the CLI.
 */
import { constants, promises as fs } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string }
  /** A directory, FIFO, socket or device: never read. */
  | { kind: 'not-regular' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; code: string }
  /** Fewer bytes than the size stat reported (truncated while read, or a lying file system). */
  | { kind: 'truncated'; text: string; expected: number };

const BOM = '\uFEFF';

export async function readRegularFile(path: string, maxBytes: number): Promise<ReadResult> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { kind: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'error' };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { kind: 'not-regular' };
    if (st.size > maxBytes) return { kind: 'too-large', bytes: st.size };
    // One byte more than allowed tells a file that grew past the limit from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, st.size) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { kind: 'too-large', bytes: filled };
    let text = buffer.toString('utf8', 0, filled);
    if (text.startsWith(BOM)) text = text.slice(1);
    return filled < st.size ? { kind: 'truncated', text, expected: st.size } : { kind: 'text', text };
  } catch (e) {
    return { kind: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? 'error' };
  } finally {
    await handle.close().catch(() => undefined);
  }
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
