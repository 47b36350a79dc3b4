/**
 * One session on the fake agent: its two sequence streams, resend buffer and shell outlive the
 * WebSocket, so a client that resumes (ssm:ResumeSession, docs/ecs-exec.md §6.10) on a new socket continues
 * where it was. The agent numbers and retransmits its stream messages until acknowledged (all of them
 * at once when a socket attaches), orders and acknowledges the client's input, and — with chaos —
 * drops, duplicates, reorders and cuts the connection.
 */
import type { WebSocket } from 'ws';
import { pack, randomId, unpack, type WireMessage } from './agentWire';
import { FakeShell, type ShellOptions } from './fakeShell';
import { FakePortPlugin, type PortOptions } from './fakePortPlugin';

export interface Chaos {
  seed: number;
  /** Probability of not sending a stream message on its first transmission. */
  drop?: number;
  duplicate?: number;
  /** Probability of holding a message back until after the next one. */
  reorder?: number;
  /** Probability of ignoring an incoming input message or acknowledgement. */
  dropIncoming?: number;
  /** Probability of cutting the connection instead of first sending a stream message (resent after a resume). */
  disconnect?: number;
  /** Cuts per session at most (default 3). */
  maxDisconnects?: number;
}

export interface SessionOptions extends ShellOptions {
  chaos?: Chaos;
  /** Retransmission timeout of the fake's own stream messages. */
  resendMs?: number;
  /** A port session (fakePortPlugin.ts) instead of a shell: what StartSession with a port document asks for. */
  port?: PortOptions;
}

/** The session plugin the agent runs: the shell (ECS Exec) or the port plugin. */
interface SessionPlugin {
  start(): void;
  onInput(payloadType: number, payload: Buffer): void;
  onAcked?(): void;
  end?(output?: string): void;
  dispose?(): void;
}

/** What a session reports to its agent. */
export interface SessionHost {
  readonly stats: Record<
    'dropped' | 'duplicated' | 'reordered' | 'resent' | 'droppedIncoming' | 'acksReceived' | 'inputs' | 'disconnects',
    number
  >;
  emit(event: string, ...args: unknown[]): boolean;
  /** Whether to cut the connection on this input instead of handling it (set by dropOnNextInput). */
  takeDropOnInput(): boolean;
  ended(session: AgentSession): void;
}

export class AgentSession {
  private ws?: WebSocket;
  private outSeq = 0;
  private readonly unacked = new Map<number, { frame: Buffer; sentAt: number }>();
  private held?: Buffer;
  private inExpected = 0;
  private readonly inEarly = new Map<number, WireMessage>();
  private readonly shell: SessionPlugin;
  private closing?: string;
  private timer?: NodeJS.Timeout;
  private cuts = 0;
  /** channel_closed was sent: the session cannot be resumed. */
  over = false;

  constructor(
    private readonly opts: SessionOptions,
    private readonly host: SessionHost,
    private readonly random: () => number,
  ) {
    const io = {
      sendStream: (pt: number, payload: Buffer) => this.sendStream(pt, payload),
      closeChannel: (output: string) => this.startClosing(output),
      emit: (event: string, d?: unknown) => host.emit(event, d),
      pending: () => this.unacked.size,
    };
    this.shell = opts.port ? new FakePortPlugin({ ...opts, port: opts.port }, io) : new FakeShell(opts, io);
  }

  get connected(): boolean {
    return this.ws !== undefined;
  }

  start(ws: WebSocket): void {
    this.attach(ws);
    this.shell.start();
  }

  /** A (new) socket for this session; anything still unacknowledged goes out on it at once. */
  attach(ws: WebSocket): void {
    this.ws?.terminate();
    this.ws = ws;
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      clearInterval(this.timer);
    });
    const resendMs = this.opts.resendMs ?? 40;
    clearInterval(this.timer);
    this.timer = setInterval(() => this.resend(resendMs), Math.max(5, resendMs / 2));
    this.resend(0);
    this.maybeClose();
  }

  /** Cuts the connection the way a network failure does (no close frame). */
  cut(): boolean {
    const ws = this.ws;
    if (!ws) return false;
    this.ws = undefined;
    clearInterval(this.timer);
    this.host.stats.disconnects++;
    ws.terminate();
    return true;
  }

  /** The session ends on the agent's side (the task stopped): the plugin stops, channel_closed follows. */
  end(output = ''): void {
    if (this.shell.end) this.shell.end(output);
    else this.startClosing(output);
  }

  dispose(): void {
    this.shell.dispose?.();
    clearInterval(this.timer);
    this.ws?.terminate();
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    const m = isBinary ? unpack(data) : undefined;
    if (!m) {
      this.host.emit('protocol-error', 'malformed frame from client');
      return;
    }
    if (this.opts.chaos?.dropIncoming && this.random() < this.opts.chaos.dropIncoming) {
      this.host.stats.droppedIncoming++;
      return;
    }
    if (m.type === 'acknowledge') {
      const ack = JSON.parse(m.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber: number };
      this.host.stats.acksReceived++;
      this.unacked.delete(ack.AcknowledgedMessageSequenceNumber);
      this.shell.onAcked?.();
      this.maybeClose();
      return;
    }
    if (m.type !== 'input_stream_data') {
      this.host.emit('protocol-error', `unexpected message type ${m.type}`);
      return;
    }
    if (this.host.takeDropOnInput()) {
      this.cut(); // neither handled nor acknowledged: the client must send it again after resuming
      return;
    }
    this.host.stats.inputs++;
    this.transmitRaw(this.ackFor(m));
    if (m.seq < this.inExpected || m.seq > this.inExpected + 1000) return;
    this.inEarly.set(m.seq, m);
    for (let next = this.inEarly.get(this.inExpected); next; next = this.inEarly.get(this.inExpected)) {
      this.inEarly.delete(this.inExpected++);
      this.shell.onInput(next.payloadType, next.payload);
    }
  }

  private ackFor(m: WireMessage): Buffer {
    const payload = Buffer.from(
      JSON.stringify({
        AcknowledgedMessageType: m.type,
        AcknowledgedMessageId: m.id,
        AcknowledgedMessageSequenceNumber: m.seq,
        IsSequentialMessage: true,
      }),
    );
    return pack({ type: 'acknowledge', seq: 0, flags: 3, payloadType: 0, payload });
  }

  private sendStream(payloadType: number, payload: Buffer): void {
    const seq = this.outSeq++;
    const frame = pack({
      type: 'output_stream_data',
      seq,
      flags: seq === 0 ? 1 : 0,
      payloadType,
      payload,
      id: randomId(),
    });
    this.unacked.set(seq, { frame, sentAt: Date.now() });
    this.transmit(frame);
  }

  /** First transmission of a stream message, subject to chaos. */
  private transmit(frame: Buffer): void {
    const chaos = this.opts.chaos;
    if (chaos?.disconnect && this.cuts < (chaos.maxDisconnects ?? 3) && this.random() < chaos.disconnect) {
      if (this.cut()) this.cuts++;
      return;
    }
    if (chaos?.drop && this.random() < chaos.drop) {
      this.host.stats.dropped++;
      return;
    }
    if (chaos?.reorder && !this.held && this.random() < chaos.reorder) {
      this.host.stats.reordered++;
      this.held = frame;
      return;
    }
    this.transmitRaw(frame);
    if (chaos?.duplicate && this.random() < chaos.duplicate) {
      this.host.stats.duplicated++;
      this.transmitRaw(frame);
    }
    if (this.held) {
      const h = this.held;
      this.held = undefined;
      this.transmitRaw(h);
    }
  }

  private transmitRaw(frame: Buffer): void {
    if (this.ws && this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
  }

  private resend(resendMs: number): void {
    if (this.held) {
      this.transmitRaw(this.held);
      this.held = undefined;
    }
    const now = Date.now();
    for (const u of this.unacked.values()) {
      if (now - u.sentAt < resendMs) continue;
      u.sentAt = now;
      this.host.stats.resent++;
      this.transmitRaw(u.frame);
      this.host.emit('resent');
    }
  }

  private startClosing(output: string): void {
    this.closing = output;
    this.maybeClose();
  }

  /**
   * channel_closed is not sequenced, so it waits until every stream message is acknowledged (the agent's
   * `PrepareToCloseChannel` waits for its outgoing buffer to empty, then reports Terminating and the
   * service closes the channel; the real one gives up waiting after 2 s, this fake waits on). Its Output
   * is empty on a normal end and carries the plugin's error when the session failed.
   */
  private maybeClose(): void {
    if (this.closing === undefined || this.unacked.size > 0 || !this.ws) return;
    const payload = Buffer.from(
      JSON.stringify({
        MessageId: randomId(),
        CreatedDate: new Date().toISOString(),
        DestinationId: 'client',
        SessionId: this.opts.sessionId,
        MessageType: 'channel_closed',
        SchemaVersion: 1,
        Output: this.closing,
      }),
    );
    this.closing = undefined;
    this.over = true;
    this.transmitRaw(pack({ type: 'channel_closed', seq: 0, flags: 0, payloadType: 0, payload }));
    this.host.emit('channel-closed');
    clearInterval(this.timer);
    this.ws.close(1000);
    this.host.ended(this);
  }
}
