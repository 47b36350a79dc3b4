/**
 * The ECS Exec terminal: a Pseudoterminal (structurally, without importing vscode) over a DataChannel.
 * The socket opens when VS Code opens the terminal, sizes follow setDimensions, keystrokes go to the
 * agent, and closing either side ends the session with ssm:TerminateSession exactly once. While a
 * dropped connection is being resumed the terminal stays open with one dim status line (never the
 * token or URL); closing it then cancels the reconnection.
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
    this.channel.sendInput(data);
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
    // The shell has exited: a socket lost after its exit code ends the session just the same.
    if ((c.reason === 'channel_closed' || c.reason === 'socket_closed') && this.exitCode !== undefined) {
      this.closeEmitter.fire(this.exitCode);
      return;
    }
    // Keep the terminal open so the reason stays readable; the next key closes it.
    const why = c.message
      ? c.message.trim()
      : c.reason === 'channel_closed'
        ? 'Session closed by the agent.'
        : 'Connection closed.';
    this.writeEmitter.fire(`\r\n\x1b[33m${why.replace(/\r?\n/g, '\r\n')}\x1b[0m\r\n[Press any key to close]\r\n`);
  }
}

function dim(text: string): string {
  return `\x1b[2m${text}\x1b[0m`;
}
