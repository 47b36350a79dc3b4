/**
 * A fake agent-side SSM data-channel endpoint: a real `ws` server on 127.0.0.1:0 speaking the
 * protocol of docs/ecs-exec.md §6 with its own codec (agentWire.ts). The first frame of every socket must be
 * the token frame: the session's own token starts a new session; a token from `resumeSession` (the
 * service side of ssm:ResumeSession) attaches the socket to the live session it was issued for, which
 * carries on with the same sequence numbers (fakeSession.ts). Sockets can be cut on demand
 * (`dropConnections`, `dropOnNextInput`) or at random (`chaos.disconnect`). Session behaviour (handshake,
 * KMS, the command and its pty) lives in fakeShell.ts and fakeHandshake.ts, the container's shell in
 * fakeSh.ts. Events: token, resumed, size, line, command, exited, handshake-complete, challenge-ok,
 * ignored-input, protocol-error, channel-closed, disconnected, ping.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AgentSession, type SessionHost, type SessionOptions } from './fakeSession';
import { seededRandom } from '../seededRandom';

export type { Chaos } from './fakeSession';

export interface FakeAgentOptions extends SessionOptions {
  tokenValue: string;
}

export interface ResumeAnswer {
  /** Absent when the session is over or timed out (the service answers without a token). */
  tokenValue?: string;
  streamUrl?: string;
}

export class FakeAgent extends EventEmitter implements SessionHost {
  readonly stats = {
    dropped: 0,
    duplicated: 0,
    reordered: 0,
    resent: 0,
    droppedIncoming: 0,
    acksReceived: 0,
    inputs: 0,
    disconnects: 0,
    resumes: 0,
  };
  readonly tokenFrames: Record<string, unknown>[] = [];
  /** 'timed-out': ResumeSession answers without a token, as the service does for a session it has ended. */
  resumePolicy: 'accept' | 'timed-out' = 'accept';
  /** Live sessions; each use of the session's own token starts another (the e2e stub reuses one agent). */
  private readonly sessions = new Set<AgentSession>();
  private latest?: AgentSession;
  /** The current resume token of each session that has one. */
  private readonly resumeTokens = new Map<AgentSession, string>();
  private dropInputs = 0;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
    private readonly opts: FakeAgentOptions,
  ) {
    super();
    server.on('connection', (ws) => {
      ws.once('message', (data, isBinary) => this.onTokenFrame(ws, data as Buffer, isBinary));
      ws.on('close', () => this.emit('disconnected'));
      // WebSocket pings (RFC 6455 §5.5.2); ws answers each with a pong, as the service does.
      ws.on('ping', (data) => this.emit('ping', data.toString('utf8')));
    });
  }

  static async start(opts: FakeAgentOptions): Promise<FakeAgent> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return new FakeAgent(
      server,
      `ws://127.0.0.1:${port}/v1/data-channel/${opts.sessionId}?role=publish_subscribe`,
      opts,
    );
  }

  /**
   * ssm:ResumeSession on the service side: a new token for the latest live session with this id
   * (its earlier resume tokens stop working).
   */
  resumeSession(sessionId: string): ResumeAnswer {
    const session = this.latest;
    if (sessionId !== this.opts.sessionId || !session || session.over || this.resumePolicy === 'timed-out') return {};
    const tokenValue = `resumed-${randomBytes(18).toString('base64url')}`;
    this.resumeTokens.set(session, tokenValue);
    return { tokenValue, streamUrl: this.url };
  }

  /**
   * What the service hands the agent for the next session (the ExecuteCommand command, the SSM target),
   * as ECS does when ExecuteCommand is called; sessions already running keep theirs.
   */
  configure(patch: Partial<SessionOptions>): void {
    Object.assign(this.opts, patch);
  }

  /** Ends every live session from the agent's side (the task stopped); `output` is the channel_closed Output. */
  endSessions(output = ''): void {
    for (const s of this.sessions) s.end(output);
  }

  /** Cuts every session's connection, as a network failure would; returns how many were cut. */
  dropConnections(): number {
    let n = 0;
    for (const s of this.sessions) if (s.cut()) n++;
    return n;
  }

  /** The next input message is neither handled nor acknowledged: the connection is cut instead. */
  dropOnNextInput(): void {
    this.dropInputs++;
  }

  takeDropOnInput(): boolean {
    if (this.dropInputs === 0) return false;
    this.dropInputs--;
    return true;
  }

  ended(session: AgentSession): void {
    this.sessions.delete(session);
    this.resumeTokens.delete(session);
  }

  close(): Promise<void> {
    for (const s of this.sessions) s.dispose();
    for (const c of this.server.clients) c.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private onTokenFrame(ws: WebSocket, data: Buffer, isBinary: boolean): void {
    let token: Record<string, unknown> | undefined;
    try {
      token = isBinary ? undefined : (JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    } catch {
      token = undefined;
    }
    this.tokenFrames.push(token ?? {});
    const value = token?.MessageSchemaVersion === '1.0' ? token.TokenValue : undefined;
    const resumed = [...this.resumeTokens].find(([s, t]) => t === value && !s.over)?.[0];
    if (value === this.opts.tokenValue) {
      this.emit('token', token);
      const session = new AgentSession({ ...this.opts }, this, seededRandom(this.opts.chaos?.seed ?? 1));
      this.sessions.add(session);
      this.latest = session;
      session.start(ws);
    } else if (resumed) {
      this.stats.resumes++;
      this.emit('resumed', token);
      resumed.attach(ws);
    } else {
      this.emit('protocol-error', 'bad token frame');
      ws.close(4001, 'authentication failed');
    }
  }
}
