/**
 * The connection under a data channel: the current WebSocket, its keepalive ping, and what happens
 * when it drops. Without a ResumeSession call, or once the shell has exited, a drop ends the link.
 * Otherwise the link resumes (reconnect.ts): a new socket on the same stream URL with a fresh token
 * and the same client id, announced as `reconnecting` / `retrying` / `reconnected`. It knows nothing
 * of messages: the data channel resends, orders and acknowledges across sockets.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { Emitter } from '../emitter';
import type { Clock } from './outbound';
import type { Redactor } from './redact';
import { dial, tokenFrame } from './socket';
import { effectiveSettings, proxyAgent, tlsOptions, type ProxySettings } from '../../aws/proxy';
import { PLUGIN_RECONNECT, Reconnector, type ReconnectSettings } from './reconnect';

export const KEEPALIVE_MS = 5 * 60 * 1000;

/** A dropped connection and its resumption, for a status line. */
export type ConnectionEvent =
  { state: 'reconnecting' } | { state: 'retrying'; attempt: number; delayMs: number } | { state: 'reconnected' };

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LinkEnd {
  reason: 'socket_closed' | 'error' | 'resume_failed';
  message?: string;
}

export interface LinkOptions {
  streamUrl: string;
  tokenValue: string;
  clientVersion: string;
  clock: Clock;
  /** Every token the link receives is added to it. */
  redactor: Redactor;
  log(line: string): void;
  resumeSession?: () => Promise<string | undefined>;
  reconnect?: ReconnectSettings;
  random?: () => number;
  /** Whether a drop may still be resumed (not once the shell has exited). */
  mayResume(): boolean;
  /** HTTPS proxy (CONNECT) and extra CAs for the WebSocket (aws/proxy.ts). */
  proxy?: ProxySettings;
}

export class Link {
  private readonly onFrameEmitter = new Emitter<Buffer>();
  private readonly onResumedEmitter = new Emitter<void>();
  private readonly onEndEmitter = new Emitter<LinkEnd>();
  private readonly onConnectionEmitter = new Emitter<ConnectionEvent>();
  readonly onFrame = this.onFrameEmitter.event;
  /** A resumed socket is open, before `reconnected` is announced: time to resend. */
  readonly onResumed = this.onResumedEmitter.event;
  /** The link gave up; not fired after close(). */
  readonly onEnd = this.onEndEmitter.event;
  readonly onConnection = this.onConnectionEmitter.event;

  /** The same on every connection of this session, as the plugin does. */
  private readonly clientId = randomUUID();
  private socket?: WebSocket;
  private current: ConnectionState = 'idle';
  private stopKeepalive?: () => void;
  /** Set from a drop until the agent is heard on a resumed connection. */
  private outage?: Reconnector;

  constructor(private readonly opts: LinkOptions) {}

  get state(): ConnectionState {
    return this.current;
  }

  /** Dials with the session's own token; resolves once the socket is open and the token frame sent. */
  async open(): Promise<void> {
    if (this.current !== 'idle') throw new Error('ECS Exec channel already opened');
    this.current = 'connecting';
    await this.connect(this.opts.tokenValue);
    if (this.current === 'connecting') this.connected();
  }

  send(frame: Buffer): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(frame);
  }

  /** Stops everything, a reconnection included, and closes the socket; fires nothing. */
  close(): void {
    if (this.current === 'closed') return;
    this.current = 'closed';
    this.outage?.cancel();
    this.stopKeepalive?.();
    const ws = this.socket;
    if (ws && (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING)) ws.close(1000);
  }

  private connect(tokenValue: string): Promise<void> {
    if (this.current === 'closed') return Promise.reject(new Error('the channel is closed'));
    const { socket, opened } = dial(
      this.opts.streamUrl,
      tokenFrame(tokenValue, this.clientId, this.opts.clientVersion),
      {
        frame: (b) => {
          if (socket !== this.socket) return;
          if (this.current === 'open') this.outage = undefined; // the agent answers on the resumed connection
          this.onFrameEmitter.fire(b);
        },
        closed: (_code, error) => socket === this.socket && this.lost(error),
      },
      this.socketOptions(),
    );
    this.socket = socket;
    return opened;
  }

  private socketOptions(): WebSocket.ClientOptions {
    const proxy = this.opts.proxy;
    if (!proxy) return {};
    const agent = proxyAgent(this.opts.streamUrl, proxy);
    // The proxy's TLS options (its CA, strictSSL) only where the connection goes through it.
    return agent ? { ...tlsOptions(effectiveSettings(proxy)), agent } : {};
  }

  /** The current socket is open with its token sent: the first connection, or a resumed one. */
  private connected(): void {
    const resumed = this.current === 'reconnecting';
    this.current = 'open';
    const ws = this.socket!;
    // As session-manager-plugin `communicator/websocketchannel.go` `StartPings`: a ping at once, then one
    // every PingTimeInterval (`config/config.go`, 5 minutes), on every connection of the session.
    const ping = () => ws.readyState === WebSocket.OPEN && ws.ping('keepalive');
    ping();
    this.stopKeepalive = this.opts.clock.every(KEEPALIVE_MS, ping);
    if (resumed) {
      this.onResumedEmitter.fire();
      this.opts.log('reconnected');
      this.onConnectionEmitter.fire({ state: 'reconnected' });
    }
    if (ws.readyState !== WebSocket.OPEN) this.lost(undefined);
  }

  /** The open socket closed without our asking. */
  private lost(error: Error | undefined): void {
    if (this.current !== 'open') return; // a dial in progress notices by itself
    this.stopKeepalive?.();
    if (!this.opts.resumeSession || !this.opts.mayResume()) {
      this.current = 'closed';
      this.onEndEmitter.fire(
        error
          ? { reason: 'error', message: this.opts.redactor.error('ECS Exec connection failed', error).message }
          : { reason: 'socket_closed' },
      );
      return;
    }
    this.current = 'reconnecting';
    const droppedAgain = this.outage !== undefined;
    this.outage ??= this.newReconnector(this.opts.resumeSession);
    this.opts.log(`connection lost${error ? ` (${error.message})` : ''}; resuming the session`);
    this.onConnectionEmitter.fire({ state: 'reconnecting' });
    void this.reconnect(
      this.outage,
      droppedAgain ? 'the resumed connection dropped before the agent answered' : undefined,
    );
  }

  private newReconnector(resume: () => Promise<string | undefined>): Reconnector {
    return new Reconnector(
      {
        clock: this.opts.clock,
        random: this.opts.random,
        resumeSession: async () => {
          const token = await resume();
          this.opts.redactor.add(token);
          return token;
        },
        connect: (token) => this.connect(token),
        onRetry: (r) => {
          this.opts.log(`${r.reason}; attempt ${r.attempt} in ${r.delayMs} ms`);
          this.onConnectionEmitter.fire({ state: 'retrying', attempt: r.attempt, delayMs: r.delayMs });
        },
      },
      this.opts.reconnect ?? PLUGIN_RECONNECT,
    );
  }

  private async reconnect(outage: Reconnector, previousFailure: string | undefined): Promise<void> {
    const r = await outage.run(previousFailure);
    if (this.current !== 'reconnecting' || r.kind === 'cancelled') {
      if (this.current === 'closed') this.opts.log('reconnect cancelled');
      return;
    }
    if (r.kind === 'connected') {
      this.connected();
      return;
    }
    this.current = 'closed';
    this.onEndEmitter.fire({
      reason: 'resume_failed',
      message: `Connection lost and the session could not be resumed: ${r.message}.`,
    });
  }
}
