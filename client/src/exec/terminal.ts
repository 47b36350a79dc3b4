/**
 * The ECS Exec terminal: a Pseudoterminal (structurally, without importing vscode) over a DataChannel.
 * The socket opens when VS Code opens the terminal, sizes follow setDimensions, keystrokes go to the
 * agent, and closing either side ends the session with ssm:TerminateSession exactly once. While a
 * dropped connection is being resumed the terminal stays open with one dim status line (never the
 * token or URL); closing it then cancels the reconnection.
 *
 * How a session ends: ECS Exec runs the command on a pty, and the agent ends such a session with
 * channel_closed and no exit code (amazon-ssm-agent `agent/session/shell/shell.go`
 * `executeCommandsWithPty`). An empty Output there is the normal end — the shell exited — and the
 * terminal closes like any terminal whose shell exits. A non-empty Output is the agent's error (e.g.
 * "Unable to start command: …") and stays readable until the next key, as do lost connections.
 */
import { Emitter } from './emitter';
import type { DataChannel, ChannelClosed, ConnectionEvent } from './session/dataChannel';

export interface TerminalDimensions {
  columns: number;
  rows: number;
}

export class ExecPty {
  private readonly writeEmitter = new Emitter<string>();
  private readonly closeEmitter = new Emitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private readonly decoder = new TextDecoder('utf-8');
  private exitCode?: number;
  private ended = false;
  private reported = false;
  private terminated?: Promise<void>;

  constructor(
    private readonly channel: DataChannel,
    private readonly terminate: () => Promise<void>,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    channel.onOutput((b) => this.writeEmitter.fire(this.decoder.decode(b, { stream: true })));
    channel.onExit((code) => void (this.exitCode = code));
    channel.onReady((r) => r.customerMessage && this.writeEmitter.fire(`${r.customerMessage}\r\n`));
    channel.onClose((c) => this.onChannelClosed(c));
    channel.onConnection((e) => this.onConnection(e));
  }

  open(initial: TerminalDimensions | undefined): void {
    if (initial) this.channel.resize(initial.columns, initial.rows);
    this.writeEmitter.fire('Connecting to ECS Exec session…\r\n');
    // A failed open is reported through onClose as well; the rejection carries nothing more.
    this.channel.open().catch(() => undefined);
  }

  setDimensions(d: TerminalDimensions): void {
    this.channel.resize(d.columns, d.rows);
  }

  handleInput(data: string): void {
    if (this.ended) {
      this.closeEmitter.fire(this.exitCode);
      return;
    }
    // Enter arrives as "\r"; a lone "\n" (pasted, or sent by a test) is sent as "\r" as the plugin does.
    this.channel.sendInput(data === '\n' ? '\r' : data);
  }

  /** VS Code closed the terminal. */
  close(): void {
    this.ended = true;
    this.channel.close();
    void this.terminateOnce();
  }

  terminateOnce(): Promise<void> {
    this.terminated ??= this.terminate().catch((e: unknown) =>
      this.log(`TerminateSession failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return this.terminated;
  }

  private onConnection(e: ConnectionEvent): void {
    if (this.ended) return;
    if (e.state === 'reconnecting') this.writeEmitter.fire(`\r\n${dim('connection lost, reconnecting…')}\r\n`);
    else if (e.state === 'reconnected') this.writeEmitter.fire(`${dim('reconnected')}\r\n`);
  }

  private onChannelClosed(c: ChannelClosed): void {
    if ((this.ended && c.reason === 'client_closed') || this.reported) return;
    this.ended = true;
    this.reported = true;
    void this.terminateOnce();
    const agentError = c.reason === 'channel_closed' ? agentErrorText(c.message) : undefined;
    // The shell exited: channel_closed without an error, or a socket lost after an exit code.
    const normal =
      (c.reason === 'channel_closed' && !agentError) || (c.reason === 'socket_closed' && this.exitCode !== undefined);
    if (normal) {
      this.log(
        `session ended: the command in the container exited${this.exitCode === undefined ? '' : ` (exit code ${this.exitCode})`}`,
      );
      this.closeEmitter.fire(this.exitCode);
      return;
    }
    // Keep the terminal open so the reason stays readable; the next key closes it.
    const why = agentError ?? (c.message ? c.message.trim() : 'Connection closed.');
    this.writeEmitter.fire(`\r\n\x1b[33m${why.replace(/\r?\n/g, '\r\n')}\x1b[0m\r\n[Press any key to close]\r\n`);
  }
}

/** The agent's error from a channel_closed Output, without its banner, with a hint for a missing program. */
export function agentErrorText(output: string | undefined): string | undefined {
  const text = output
    ?.replace(/^\s*-+ERROR-+\s*/, '')
    .replace(/\r\n/g, '\n')
    .trim();
  if (!text) return undefined;
  if (/Unable to start command/.test(text) && /no such file or directory|executable file not found/.test(text))
    return `${text}\nThe container image does not have this program; pick another with the setting fargateLens.exec.command (for example /bin/sh).`;
  return text;
}

function dim(text: string): string {
  return `\x1b[2m${text}\x1b[0m`;
}
