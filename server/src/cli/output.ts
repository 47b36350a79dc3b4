/**
 * The CLI's standard output. The first use of process.stdout loads Node's stream, net and tty modules,
 * a few milliseconds of a one-file lint; so a regular file, a pipe, a socket or /dev/null is written
 * with fs.writeSync instead, all at once. A terminal and every stream on Windows (console encoding)
 * keep process.stdout, and so does a pipe that would block (EAGAIN): the rest goes through the stream,
 * which waits for the reader. A reader that has gone away (EPIPE) ends the output quietly.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';

const STDOUT = 1;
let direct: boolean | undefined;
let streamed = false;

/** Whether stdout is a file, pipe, socket or /dev/null that fs.writeSync can take directly. */
function directStdout(): boolean {
  if (direct !== undefined) return direct;
  direct = false;
  if (process.platform === 'win32') return direct;
  try {
    const st = fstatSync(STDOUT);
    if (st.isFile() || st.isFIFO() || st.isSocket()) direct = true;
    else if (st.isCharacterDevice()) direct = st.rdev === statSync('/dev/null').rdev;
  } catch {
    // no stdout (closed): the stream reports it as it always did
  }
  return direct;
}

/** Whether stdout is a terminal (process.stdout.isTTY, without creating the stream for files and pipes). */
export function stdoutIsTerminal(): boolean {
  return !directStdout() && !!process.stdout.isTTY;
}

/** A report that cannot be written (disk full, closed descriptor): the CLI exits 2 with the reason. */
export class WriteError extends Error {}

function stream(data: string | Uint8Array): void {
  if (!streamed) {
    streamed = true;
    // A write error arrives as an event on the stream: the run fails closed, never a crash or a silent 0.
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return;
      process.stderr.write(`fargate-lens: cannot write the report: ${e.code ?? e.message}\n`);
      process.exit(2);
    });
  }
  process.stdout.write(data);
}

/** Writes text to stdout; throws WriteError when the report cannot be written. */
export function writeOut(text: string): void {
  if (text === '') return;
  if (streamed || !directStdout()) {
    stream(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    let written = 0;
    try {
      written = writeSync(STDOUT, bytes, offset, bytes.length - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (code !== 'EAGAIN') throw new WriteError(`cannot write the report: ${code ?? (e as Error).message}`);
    }
    if (written <= 0) {
      stream(bytes.subarray(offset));
      return;
    }
    offset += written;
  }
}

/** Calls done once everything written to stdout has been handed to the system. */
export function afterOutput(done: () => void): void {
  if (streamed) process.stdout.write('', done);
  else done();
}
