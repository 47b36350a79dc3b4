/**
 * The server's log, through the LSP connection (window/logMessage): errors, warnings and information
 * always; debug lines only while the client traces (`$/setTrace`, which VS Code sets from the standard
 * `fargateLens.trace.server` setting), as `$/logTrace`. The server holds no credentials, so nothing it
 * logs needs redacting; file contents are never logged, only paths and reasons.
 */
import type { Connection } from 'vscode-languageserver';

export interface Log {
  error(message: string, err?: unknown): void;
  warn(message: string, err?: unknown): void;
  info(message: string): void;
  /** Only while the client traces the server (fargateLens.trace.server: messages or verbose). */
  debug(message: string): void;
}

/** An error as one line of text (with its stack, when there is one, on the following lines). */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function connectionLog(connection: Connection): Log {
  const line = (message: string, err: unknown) => (err === undefined ? message : `${message}: ${describeError(err)}`);
  /** Logging never throws: after shutdown the connection is gone and there is no one left to tell. */
  const safely = (send: () => void) => {
    try {
      send();
    } catch {
      /* the connection is closed */
    }
  };
  return {
    error: (message, err) => safely(() => connection.console.error(line(message, err))),
    warn: (message, err) => safely(() => connection.console.warn(line(message, err))),
    info: (message) => safely(() => connection.console.info(message)),
    debug: (message) => safely(() => connection.tracer.log(message)),
  };
}

/** A log that drops everything (unit tests of parts that take a Log). */
export const SILENT_LOG: Log = { error() {}, warn() {}, info() {}, debug() {} };

/**
 * Runs a promise whose caller cannot wait for it (an event handler) and logs its failure instead of
 * leaving an unhandled rejection: `background(log, 'validating x', session.publish(x))`.
 */
export function background(log: Log, what: string, p: Promise<unknown>): void {
  p.catch((e: unknown) => log.error(`Fargate Lens: ${what} failed`, e));
}
