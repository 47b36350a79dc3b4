/**
 * The one path from a command to what a user sees. Every command the extension registers (the explorer
 * table, ECS Exec, a chunk that fails to load) runs inside `guardCommand`: a thrown error becomes one
 * redacted notification and one log line, never an unhandled rejection. Every text a command shows
 * through its UI port (errors, information, confirmations) passes `redact` on the way out, so an AWS
 * error echoing a signed request (key id, session token) is safe wherever a handler formats it.
 */
import { formatAwsError, redact } from '../aws/errors';
import type { ExecUi } from '../exec/ports';
import type { Ui } from './types';

export interface ErrorSink {
  error(message: string): void;
  log?(line: string): void;
}

/** One secret-free line for a failure: the AWS classification (with its fix) behind an optional context. */
export function userError(err: unknown, context?: string, profile?: string): string {
  const text = formatAwsError(err, profile);
  return redact(context ? `${context}: ${text}` : text);
}

/** Runs a command; a failure is reported once through `sink`, redacted, and the promise resolves. */
export function guardCommand<A extends unknown[]>(
  id: string,
  run: (...args: A) => Promise<unknown>,
  sink: ErrorSink,
  context?: string,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await run(...args);
    } catch (err) {
      const message = userError(err, context);
      sink.log?.(`${id}: ${message}`);
      sink.error(message);
    }
  };
}

/** The explorer commands' UI with every shown text redacted. */
export function redactingUi(ui: Ui): Ui {
  return {
    ...bindAll(ui),
    info: (m) => ui.info(redact(m)),
    error: (m) => ui.error(redact(m)),
    confirm: (message, detail, action) => ui.confirm(redact(message), redact(detail), action),
  };
}

/** The ECS Exec UI with every shown or logged text redacted. */
export function redactingExecUi(ui: ExecUi): ExecUi {
  return {
    ...bindAll(ui),
    presentFindings: (findings, blocking) =>
      ui.presentFindings(
        findings.map((f) => ({ ...f, message: redact(f.message) })),
        blocking,
      ),
    output: (t) => ui.output(redact(t)),
    commandOutput: (t) => ui.commandOutput(redact(t)),
    showError: (m) => ui.showError(redact(m)),
    showInfo: (m) => ui.showInfo(redact(m)),
  };
}

/** The object's methods bound to it (class instances keep their prototype methods when spread this way). */
function bindAll<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (let p: object | null = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    for (const key of Object.getOwnPropertyNames(p)) {
      if (key === 'constructor' || Object.hasOwn(out, key)) continue;
      const v = (o as Record<string, unknown>)[key];
      out[key] = typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(o) : v;
    }
  }
  return out as T;
}
