/**
 * A fake agent-side SSM data-channel endpoint: a real `ws` server on 127.0.0.1:0 speaking the
 * protocol of reference §6 with its own codec (agentWire.ts). It checks the token frame, numbers and
 * retransmits its stream messages until acknowledged, orders and acknowledges the client's input, and
 * — with `chaos` — drops, duplicates and reorders what it sends and drops some of what it receives.
 * Session behaviour (handshake, KMS, shell) lives in fakeShell.ts. Events: token, size, line,
 * handshake-complete, challenge-ok, ignored-input, protocol-error, channel-closed, disconnected.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { pack, randomId, unpack, type WireMessage } from './agentWire';
import { FakeShell, type ShellOptions } from './fakeShell';
import { seededRandom } from '../seededRandom';

export interface Chaos {
  seed: number;
  /** Probability of not sending a stream message on its first transmission. */
  drop?: number;
  duplicate?: number;
  /** Probability of holding a message back until after the next one. */
  reorder?: number;
  /** Probability of ignoring an incoming input message or acknowledgement. */
  dropIncoming?: number;
}

export interface FakeAgentOptions extends ShellOptions {
  tokenValue: string;
  chaos?: Chaos;
  /** Retransmission timeout of the fake's own stream messages. */
  resendMs?: number;
}

const rng = seededRandom;

export class FakeAgent extends EventEmitter {
  readonly stats = { dropped: 0, duplicated: 0, reordered: 0, resent: 0, droppedIncoming: 0, acksReceived: 0, inputs: 0 };
  readonly tokenFrames: Record<string, unknown>[] = [];
  private constructor(private readonly server: WebSocketServer, readonly url: string, opts: FakeAgentOptions) {
    super();
    server.on('connection', (ws) => new AgentConnection(ws, opts, this));
  }

  static async start(opts: FakeAgentOptions): Promise<FakeAgent> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeAgent(server, `ws://127.0.0.1:${port}/v1/data-channel/${opts.sessionId}?role=publish_subscribe`, opts);
  }

  close(): Promise<void> {
    for (const c of this.server.clients) c.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

class AgentConnection {
  private readonly random: () => number;
  private outSeq = 0;
  private readonly unacked = new Map<number, { frame: Buffer; sentAt: number }>();
  private held?: Buffer;
  private inExpected = 0;
  private readonly inEarly = new Map<number, WireMessage>();
  private shell?: FakeShell;
  private closing?: string;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly ws: WebSocket, private readonly opts: FakeAgentOptions, private readonly agent: FakeAgent) {
    this.random = rng(opts.chaos?.seed ?? 1);
    const resendMs = opts.resendMs ?? 40;
    this.timer = setInterval(() => this.resend(resendMs), Math.max(5, resendMs / 2));
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('close', () => {
      clearInterval(this.timer);
      agent.emit('disconnected');
    });
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (!this.shell) {
      const token = isBinary ? undefined : (JSON.parse(data.toString('utf8')) as Record<string, unknown>);
      this.agent.tokenFrames.push(token ?? {});
      if (token?.TokenValue !== this.opts.tokenValue || token?.MessageSchemaVersion !== '1.0') {
        this.agent.emit('protocol-error', 'bad token frame');
        this.ws.close(4001, 'authentication failed');
        return;
      }
      this.agent.emit('token', token);
      this.shell = new FakeShell(this.opts, {
        sendStream: (pt, payload) => this.sendStream(pt, payload),
        closeChannel: (output) => this.startClosing(output),
        emit: (event, d) => this.agent.emit(event, d),
      });
      this.shell.start();
      return;
    }
    const m = isBinary ? unpack(data) : undefined;
    if (!m) {
      this.agent.emit('protocol-error', 'malformed frame from client');
      return;
    }
    if (this.opts.chaos?.dropIncoming && this.random() < this.opts.chaos.dropIncoming) {
      this.agent.stats.droppedIncoming++;
      return;
    }
    if (m.type === 'acknowledge') {
      const ack = JSON.parse(m.payload.toString('utf8')) as { AcknowledgedMessageSequenceNumber: number };
      this.agent.stats.acksReceived++;
      this.unacked.delete(ack.AcknowledgedMessageSequenceNumber);
      this.maybeClose();
      return;
    }
    if (m.type !== 'input_stream_data') {
      this.agent.emit('protocol-error', `unexpected message type ${m.type}`);
      return;
    }
    this.agent.stats.inputs++;
    this.transmitRaw(this.ackFor(m));
    if (m.seq < this.inExpected || m.seq > this.inExpected + 1000) return;
    this.inEarly.set(m.seq, m);
    for (let next = this.inEarly.get(this.inExpected); next; next = this.inEarly.get(this.inExpected)) {
      this.inEarly.delete(this.inExpected++);
      this.shell.onInput(next.payloadType, next.payload);
    }
  }

  private ackFor(m: WireMessage): Buffer {
    const payload = Buffer.from(JSON.stringify({ AcknowledgedMessageType: m.type, AcknowledgedMessageId: m.id, AcknowledgedMessageSequenceNumber: m.seq, IsSequentialMessage: true }));
    return pack({ type: 'acknowledge', seq: 0, flags: 3, payloadType: 0, payload });
  }

  private sendStream(payloadType: number, payload: Buffer): void {
    const seq = this.outSeq++;
    const frame = pack({ type: 'output_stream_data', seq, flags: seq === 0 ? 1 : 0, payloadType, payload, id: randomId() });
    this.unacked.set(seq, { frame, sentAt: Date.now() });
    this.transmit(frame);
  }

  /** First transmission of a stream message, subject to chaos. */
  private transmit(frame: Buffer): void {
    const chaos = this.opts.chaos;
    if (chaos?.drop && this.random() < chaos.drop) {
      this.agent.stats.dropped++;
      return;
    }
    if (chaos?.reorder && !this.held && this.random() < chaos.reorder) {
      this.agent.stats.reordered++;
      this.held = frame;
      return;
    }
    this.transmitRaw(frame);
    if (chaos?.duplicate && this.random() < chaos.duplicate) {
      this.agent.stats.duplicated++;
      this.transmitRaw(frame);
    }
    if (this.held) {
      const h = this.held;
      this.held = undefined;
      this.transmitRaw(h);
    }
  }

  private transmitRaw(frame: Buffer): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(frame);
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
      this.agent.stats.resent++;
      this.transmitRaw(u.frame);
    }
  }

  private startClosing(output: string): void {
    this.closing = output;
    this.maybeClose();
  }

  /** channel_closed is not sequenced, so it waits until every stream message is acknowledged. */
  private maybeClose(): void {
    if (this.closing === undefined || this.unacked.size > 0) return;
    const payload = Buffer.from(JSON.stringify({
      MessageId: randomId(), CreatedDate: new Date().toISOString(), DestinationId: 'client', SessionId: this.opts.sessionId,
      MessageType: 'channel_closed', SchemaVersion: 1, Output: this.closing,
    }));
    this.closing = undefined;
    this.transmitRaw(pack({ type: 'channel_closed', seq: 0, flags: 0, payloadType: 0, payload }));
    this.agent.emit('channel-closed');
    clearInterval(this.timer);
    this.ws.close(1000);
  }
}
