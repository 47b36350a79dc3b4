/** What an AWS subcommand of the CLI receives: its arguments and its I/O, injected so tests can drive it in-process. */
import type { Env } from '../aws/profiles';

export interface CliIo {
  /** Standard output (report lines). */
  out(text: string): void;
  /** Standard error (progress, reasons for exit 2). */
  err(text: string): void;
  readonly env: Env;
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM; long-running commands (--follow, port-forward) stop and return. */
  readonly signal: AbortSignal;
}

/** Runs one subcommand; resolves to the process exit status. Throws CliUsageError for bad usage (exit 2). */
export type AwsCommand = (argv: string[], io: CliIo) => Promise<number>;

export interface AwsCommandEntry {
  /** One line for the usage text. */
  readonly summary: string;
  /** Loaded on use, so one command's modules do not load for another. */
  readonly load: () => Promise<AwsCommand>;
}

/** Bad usage or a missing precondition the user can fix: exit 2 with the message, no stack trace. */
export class CliUsageError extends Error {}
