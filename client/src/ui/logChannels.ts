/**
 * The client's output channels: one per concern, one naming scheme ("Fargate Lens: <concern>"). Pure
 * data, so tests and the command registry can name channels without loading vscode.
 */
export const LOG_CHANNELS = {
  server: 'Fargate Lens: Language Server',
  aws: 'Fargate Lens: AWS',
  exec: 'Fargate Lens: ECS Exec',
} as const;

export type LogChannelId = keyof typeof LOG_CHANNELS;

/** Channels that hold program output, not log lines (same naming scheme). */
export const OUTPUT_CHANNELS = {
  commandOutput: 'Fargate Lens: Command Output',
} as const;

/** What features write to: every line is redacted before it reaches a channel. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** A logger that drops everything (tests, the CLI). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
