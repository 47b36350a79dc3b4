/**
 * Native SSM data-channel client for ECS Exec (docs/ecs-exec.md §6): connects to the session's stream URL,
 * sends the token frame, then speaks binary ClientMessages — acknowledging and ordering the agent's
 * output, retransmitting our input until acknowledged, answering the handshake (with KMS when asked),
 * sending the terminal size, pinging to stay alive and surfacing the exit code and channel close.
 * When the connection drops unexpectedly the link resumes the session (link.ts, docs/ecs-exec.md §6.10) on a
 * new socket and the sequence numbers carry on both ways: unacknowledged input is sent again, input
 * typed meanwhile waits (bounded), output already shown is not shown twice, the handshake is not redone.
 * Everything it reports goes through a Redactor: tokens and the stream URL never appear in text.
 *
 * Contract (the same for every session type — shell, run command, port forwarding):
 * - `open()` once; `onReady` fires when input is accepted: after HandshakeComplete, or at the first
 *   Output when the agent skips the handshake. It carries the session type, its properties and the
 *   agent version from the HandshakeRequest (none when skipped), and the agent's CustomerMessage.
 * - `sendInput(bytes)` sends Output (payload type 1) messages as given, at most 1024 bytes each,
 *   queued until ready; nothing is translated (terminal concerns live in terminal.ts).
 *   `sendFlag(n)` sends a Flag message (payload type 10: 1 DisconnectToPort, 2 TerminateSession).
 * - `resize(cols, rows)` is shell-only: a Size message is sent only once it has been called.
 * - `onOutput` carries Output and StdErr payloads in order (decrypted); `onExit` the code of an
 *   ExitCode message ("EXIT_CODE: <n>"), which only non-interactive sessions with separate streams
 *   send: a pty session (ECS Exec) ends with `onClose` and no exit code at all.
 * - `onClose` fires once: `channel_closed` (the agent ended the session; `message` is its Output, empty
 *   on a normal end and the plugin's error otherwise), `socket_closed`, `resume_failed`, `error`, or
 *   `client_closed` after `close()`. The caller then calls ssm:TerminateSession.
 */
import { Emitter, type Event } from '../emitter';
import {
  ackFor,
  decodeMessage,
  encodeMessage,
  MessageType,
  newMessage,
  parseAck,
  PayloadType,
  type ClientMessage,
} from './messages';
import { InboundSequencer } from './inbound';
import { ResendBuffer, RESEND_CHECK_INTERVAL_MS, systemClock, type Clock } from './outbound';
import {
  answerChallenge,
  parseJson,
  processHandshakeRequest,
  type DataKey,
  type HandshakeComplete,
  type HandshakeRequest,
} from './handshake';
import type { SessionCipher } from './crypto';
import { Redactor } from './redact';
import { InputQueue, splitInput } from './input';
import { Link, type ConnectionEvent, type ConnectionState } from './link';
import type { ReconnectSettings } from './reconnect';
import { proxySettingsFrom, type ProxySettings } from '../../aws/proxySettings';

export type { ConnectionEvent, ConnectionState } from './link';
export const CLIENT_VERSION = '1.2.677.0';

export interface DataChannelOptions {
  streamUrl: string;
  tokenValue: string;
  sessionId: string;
  /** `ecs:<cluster>_<taskId>_<runtimeId>`, used in the KMS encryption context. */
  targetId: string;
  generateDataKey(keyId: string, context: Record<string, string>, numberOfBytes: number): Promise<DataKey>;
  /**
   * ssm:ResumeSession for this session: a fresh token, or undefined when the service has ended it.
   * Without it a dropped connection ends the session.
   */
  resumeSession?: () => Promise<string | undefined>;
  reconnect?: ReconnectSettings;
  /** Picks the random part of the reconnect back-off (tests fix it). */
  random?: () => number;
  clock?: Clock;
  log?: (line: string) => void;
  inboundCapacity?: number;
  outboundCapacity?: number;
  /** Extra secrets to keep out of logs and errors (e.g. credentials). */
  secrets?: string[];
  /** HTTPS proxy for the WebSocket (CONNECT), NO_PROXY and extra CAs. */
  proxy?: ProxySettings;
}

export interface SessionReady {
  sessionType?: string;
  sessionProperties?: unknown;
  agentVersion?: string;
  customerMessage?: string;
}

export interface ChannelClosed {
  reason: 'channel_closed' | 'socket_closed' | 'client_closed' | 'error' | 'resume_failed';
  message?: string;
}

export class DataChannel {
  private readonly onOutputEmitter = new Emitter<Buffer>();
  private readonly onExitEmitter = new Emitter<number>();
  private readonly onReadyEmitter = new Emitter<SessionReady>();
  private readonly onCloseEmitter = new Emitter<ChannelClosed>();
  private readonly onFlagEmitter = new Emitter<number>();
  private readonly onAcknowledgedEmitter = new Emitter<number>();
  readonly onOutput = this.onOutputEmitter.event;
  readonly onExit = this.onExitEmitter.event;
  readonly onReady = this.onReadyEmitter.event;
  readonly onClose = this.onCloseEmitter.event;
  /** A Flag message from the agent (payload type 10), e.g. 3 = ConnectToPortError. */
  readonly onFlag = this.onFlagEmitter.event;
  /** An acknowledgement arrived; carries how many sent messages still wait for one (for back-pressure). */
  readonly onAcknowledged = this.onAcknowledgedEmitter.event;
  readonly onConnection: Event<ConnectionEvent>;

  readonly redactor: Redactor;
  private readonly clock: Clock;
  private readonly link: Link;
  private readonly inbound: InboundSequencer;
  private readonly outbound: ResendBuffer;
  private readonly pendingInput = new InputQueue();
  private stopResend?: () => void;
  private processing: Promise<void> = Promise.resolve();
  private cipher?: SessionCipher;
  private handshakeSeen = false;
  private handshakeInfo: Omit<SessionReady, 'customerMessage'> = {};
  private ready = false;
  private exited = false;
  private closed = false;
  private size?: { cols: number; rows: number };
  private sizeDirty = false;

  constructor(private readonly opts: DataChannelOptions) {
    this.clock = opts.clock ?? systemClock;
    this.inbound = new InboundSequencer(opts.inboundCapacity);
    this.outbound = new ResendBuffer(this.clock, opts.outboundCapacity);
    this.redactor = new Redactor().add(opts.tokenValue, opts.streamUrl, ...(opts.secrets ?? []));
    this.link = new Link({
      streamUrl: opts.streamUrl,
      tokenValue: opts.tokenValue,
      clientVersion: CLIENT_VERSION,
      clock: this.clock,
      redactor: this.redactor,
      log: (line) => this.log(line),
      resumeSession: opts.resumeSession,
      reconnect: opts.reconnect,
      random: opts.random,
      mayResume: () => !this.exited,
      proxy: opts.proxy,
    });
    if (opts.proxy) this.redactor.add(proxySettingsFrom(opts.proxy.proxy, undefined).proxy, opts.proxy.authorization);
    this.onConnection = this.link.onConnection;
    this.link.onFrame((f) => this.onFrame(f));
    this.link.onResumed(() => this.resumed());
    this.link.onEnd((e) => this.finish(e));
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Sent stream messages not yet acknowledged by the agent. */
  get unacknowledged(): number {
    return this.outbound.size;
  }

  get connectionState(): ConnectionState {
    return this.link.state;
  }

  /** Opens the socket and sends the token frame; resolves once the socket is open. */
  async open(): Promise<void> {
    try {
      await this.link.open();
    } catch (e) {
      const err = this.redactor.error('ECS Exec connection failed', e);
      this.finish({ reason: 'error', message: err.message });
      throw err;
    }
    if (!this.closed) this.stopResend = this.clock.every(RESEND_CHECK_INTERVAL_MS, () => this.resendTick());
  }

  /** Queues keystrokes; they are sent once the session is ready (the agent ignores earlier input) and connected. */
  sendInput(data: string | Uint8Array): void {
    if (this.closed) return;
    for (const chunk of splitInput(data)) {
      if (this.ready && this.link.state === 'open') this.sendStream(PayloadType.output, chunk);
      else if (!this.pendingInput.push(chunk))
        this.log(`input dropped: ${this.ready ? 'reconnecting' : 'session not ready'} and input queue full`);
    }
  }

  /** A Flag message (payload type 10, uint32 big-endian), e.g. 2 = TerminateSession. */
  sendFlag(flag: number): void {
    if (this.closed || !this.ready) return;
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(flag, 0);
    this.sendStream(PayloadType.flag, payload);
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (!this.ready || this.closed) return;
    if (this.link.state === 'open') this.sendSize();
    else this.sizeDirty = true;
  }

  /**
   * Back-pressure from a slow reader: while held, the agent's stream messages at or after the next one
   * expected are dropped unacknowledged, so the agent keeps them and sends them again (its resend scheduler).
   */
  holdOutput(held: boolean): void {
    this.inbound.held = held;
  }

  /** Closes the socket and stops any reconnection; the caller terminates the session through the API. */
  close(): void {
    this.finish({ reason: 'client_closed' });
  }

  /** On a resumed connection: everything unacknowledged again, in order, then what waited meanwhile. */
  private resumed(): void {
    for (const frame of this.outbound.resendAll()) this.link.send(frame);
    if (!this.ready) return;
    if (this.sizeDirty) this.sendSize();
    for (const chunk of this.pendingInput.drain()) this.sendStream(PayloadType.output, chunk);
  }

  private finish(c: ChannelClosed): void {
    if (this.closed) return;
    this.closed = true;
    this.link.close();
    this.stopResend?.();
    this.pendingInput.clear();
    this.onCloseEmitter.fire({ ...c, message: c.message && this.redactor.redact(c.message) });
  }

  private log(line: string): void {
    this.opts.log?.(this.redactor.redact(line));
  }

  private send(frame: Buffer): void {
    this.link.send(frame);
  }

  private sendStream(payloadType: number, payload: Uint8Array): void {
    const body = payloadType === PayloadType.output && this.cipher ? this.cipher.encrypt(payload) : payload;
    try {
      const seq = this.outbound.nextSequenceNumber();
      const m = newMessage(
        { messageType: MessageType.input, sequenceNumber: seq, flags: 0, payloadType, payload: body },
        this.clock.now(),
      );
      const frame = encodeMessage(m);
      this.outbound.track(m, frame);
      this.send(frame);
    } catch (e) {
      this.log(`message not sent: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private sendSize(): void {
    this.sizeDirty = false;
    if (this.size) this.sendStream(PayloadType.size, Buffer.from(JSON.stringify(this.size)));
  }

  private resendTick(): void {
    if (this.link.state !== 'open') return;
    try {
      const frame = this.outbound.tick();
      if (frame) this.send(frame);
    } catch (e) {
      this.finish({ reason: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  private onFrame(frame: Buffer): void {
    let m: ClientMessage;
    try {
      m = decodeMessage(frame);
    } catch (e) {
      this.log(`dropped frame: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    switch (m.messageType) {
      case MessageType.acknowledge:
        try {
          if (this.outbound.acknowledge(parseAck(m).AcknowledgedMessageSequenceNumber))
            this.onAcknowledgedEmitter.fire(this.outbound.size);
        } catch {
          this.log('dropped malformed acknowledge');
        }
        return;
      case MessageType.output: {
        const r = this.inbound.offer(m);
        if (r.ack) this.send(encodeMessage(ackFor(m, this.clock.now())));
        for (const d of r.deliver)
          this.processing = this.processing.then(() => this.deliver(d)).catch((e) => this.fail(e));
        return;
      }
      case MessageType.channelClosed:
        this.finish({ reason: 'channel_closed', message: closedOutput(m.payload) });
        return;
      default:
        return; // start_publication / pause_publication: flow control the plugin ignores too.
    }
  }

  private fail(e: unknown): void {
    this.finish({ reason: 'error', message: this.redactor.error('ECS Exec session failed', e).message });
  }

  private async deliver(m: ClientMessage): Promise<void> {
    if (this.closed) return;
    switch (m.payloadType) {
      case PayloadType.handshakeRequest: {
        this.handshakeSeen = true;
        const outcome = await processHandshakeRequest(parseJson<HandshakeRequest>(m.payload), {
          clientVersion: CLIENT_VERSION,
          sessionId: this.opts.sessionId,
          targetId: this.opts.targetId,
          generateDataKey: (k, c, n) => this.opts.generateDataKey(k, c, n),
        });
        this.cipher = outcome.cipher;
        this.handshakeInfo = {
          sessionType: outcome.sessionType,
          sessionProperties: outcome.sessionProperties,
          agentVersion: outcome.agentVersion,
        };
        this.sendStream(PayloadType.handshakeResponse, Buffer.from(JSON.stringify(outcome.response)));
        return;
      }
      case PayloadType.encChallengeRequest:
        if (!this.cipher) throw new Error('encryption challenge before a KMS key was negotiated');
        this.sendStream(PayloadType.encChallengeResponse, answerChallenge(m.payload, this.cipher));
        return;
      case PayloadType.handshakeComplete:
        this.becomeReady(parseJson<HandshakeComplete>(m.payload).CustomerMessage || undefined);
        return;
      case PayloadType.output:
      case PayloadType.stdErr:
        if (!this.handshakeSeen && !this.ready) this.becomeReady(undefined);
        this.onOutputEmitter.fire(this.plain(m.payload));
        return;
      case PayloadType.exitCode: {
        const code = parseExitCode(this.plain(m.payload));
        if (code === undefined) {
          this.log('ignored an exit-code message that does not read "EXIT_CODE: <n>"');
          return;
        }
        this.exited = true;
        this.onExitEmitter.fire(code);
        return;
      }
      case PayloadType.error:
        this.onOutputEmitter.fire(m.payload);
        return;
      case PayloadType.flag:
        if (m.payload.length >= 4) this.onFlagEmitter.fire(m.payload.readUInt32BE(0));
        return;
      default:
        return;
    }
  }

  private plain(payload: Buffer): Buffer {
    return this.cipher ? this.cipher.decrypt(payload) : payload;
  }

  private becomeReady(customerMessage: string | undefined): void {
    this.ready = true;
    this.sendSize();
    for (const chunk of this.pendingInput.drain()) this.sendStream(PayloadType.output, chunk);
    this.onReadyEmitter.fire({ ...this.handshakeInfo, customerMessage });
  }
}

function closedOutput(payload: Buffer): string | undefined {
  try {
    const v = JSON.parse(payload.toString('utf8')) as { Output?: unknown };
    return typeof v.Output === 'string' && v.Output ? v.Output : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The agent's exit-code message is the text `EXIT_CODE: <n>` (amazon-ssm-agent
 * `agent/session/shell/shell.go` `sendExitCode`); anything else is not an exit code.
 */
export function parseExitCode(payload: Buffer): number | undefined {
  const m = /^EXIT_CODE: ?(-?\d+)\s*$/.exec(payload.toString('utf8'));
  return m ? Number(m[1]) : undefined;
}
