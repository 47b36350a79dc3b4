/**
 * The local end of a port session: a TCP listener on 127.0.0.1 (the port asked for, or a free one)
 * whose connections travel through the session's data channel to the port in the task or the remote
 * host behind it. The listener is bound before the session starts (a port in use fails at once) and
 * serves connections once the session is ready; connections accepted earlier wait, paused.
 *
 * - Multiplexed (agents above 3.0.196.0, modes.ts): every local connection is an smux stream (smux.ts),
 *   as the plugin's `muxportforwarding.go` `handleClientConnections` / `handleDataTransfer` do: a local
 *   connection that ends or fails sends FIN for its stream only; a FIN from the agent (the target closed,
 *   or ConnectToPortError) ends that local connection after what was received is written.
 * - Basic (older agents, `basicportforwarding.go`): one connection at a time, the others wait in turn;
 *   when the current one closes the plugin sends DisconnectToPort (flag 1) so the agent closes its
 *   target connection, and reconnects on the next data.
 * - Back-pressure: local sockets stop being read while more than HIGH_WATER messages wait for the
 *   agent's acknowledgement, or while the connection is being resumed (ResumeSession), and go on below
 *   LOW_WATER. The listener stays open across a resume. The other way, when more than OUTPUT_HIGH_WATER
 *   bytes wait to be written to slow local clients, the channel holds the agent's output back unacknowledged
 *   (the agent resends it later) until the sockets drain below OUTPUT_LOW_WATER: the plugin stalls the same
 *   way when smux's receive buffer is full and `io.Copy` to the local connection blocks.
 * - When the session ends every local connection is closed and `onEnded` says why.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Emitter } from '../exec/emitter';
import type { DataChannel } from '../exec/session/dataChannel';
import { systemClock, type Clock } from '../exec/session/outbound';
import {
  agentTakesTerminateFlag,
  chooseMode,
  clientKeepalive,
  SMUX_KEEPALIVE_MS,
  SMUX_KEEPALIVE_TIMEOUT_MS,
  type ForwardMode,
} from './modes';
import { SmuxClient, type SmuxStream } from './smux';

export type PortChannel = Pick<
  DataChannel,
  | 'onReady'
  | 'onOutput'
  | 'onFlag'
  | 'onClose'
  | 'onAcknowledged'
  | 'onConnection'
  | 'unacknowledged'
  | 'connectionState'
  | 'sendInput'
  | 'sendFlag'
  | 'close'
  | 'holdOutput'
>;

export const Flag = { disconnectToPort: 1, terminateSession: 2, connectToPortError: 3 } as const;
export const HIGH_WATER = 512;
export const LOW_WATER = 128;
/** smux v1 DefaultConfig MaxReceiveBuffer (xtaci/smux `mux.go`): the plugin's session-wide receive budget. */
export const OUTPUT_HIGH_WATER = 4 * 1024 * 1024;
export const OUTPUT_LOW_WATER = 1024 * 1024;
export const LOCALHOST = '127.0.0.1';

export interface ForwardStats {
  /** Bytes from the target to local clients. */
  bytesIn: number;
  /** Bytes from local clients to the target. */
  bytesOut: number;
  connections: number;
  active: number;
  failedConnections: number;
  /** The most bytes that waited at once to be written to local clients. */
  peakBuffered: number;
  startedAt: number;
}

export interface ForwardEnded {
  reason: 'stopped' | 'agent_closed' | 'connection_lost' | 'error';
  message: string;
}

export class PortForwarder {
  private readonly onReadyEmitter = new Emitter<{ port: number; mode: ForwardMode }>();
  private readonly onConnectionFailedEmitter = new Emitter<string>();
  private readonly onEndedEmitter = new Emitter<ForwardEnded>();
  /** The session is ready and the listener serves connections. */
  readonly onReady = this.onReadyEmitter.event;
  /** The agent could not connect to the target for one connection (ConnectToPortError). */
  readonly onConnectionFailed = this.onConnectionFailedEmitter.event;
  readonly onEnded = this.onEndedEmitter.event;
  private readonly onOutputHeldEmitter = new Emitter<boolean>();
  /** The agent's output is held back (true) because local clients read slowly, or flows again (false). */
  readonly onOutputHeld = this.onOutputHeldEmitter.event;

  readonly stats: ForwardStats = {
    bytesIn: 0,
    bytesOut: 0,
    connections: 0,
    active: 0,
    failedConnections: 0,
    peakBuffered: 0,
    startedAt: Date.now(),
  };
  mode?: ForwardMode;
  private server?: Server;
  private channel?: PortChannel;
  private mux?: SmuxClient;
  private readonly sockets = new Set<Socket>();
  private readonly waiting: Socket[] = [];
  private current?: Socket;
  /**
   * Basic mode after a local connection closed: DisconnectToPort sent and not yet acknowledged (the next
   * connection waits), then acknowledged while the next connection has sent nothing (agent output is the
   * old target's tail and is dropped).
   */
  private afterDisconnect?: 'flag-unacknowledged' | 'awaiting-first-bytes';
  private paused = false;
  private holding = false;
  private ended?: ForwardEnded;
  private stopKeepalive?: () => void;
  private agentVersion?: string;

  constructor(
    private readonly log: (line: string) => void = () => {},
    private readonly clock: Clock = systemClock,
  ) {}

  get port(): number | undefined {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a.port : undefined;
  }

  /** Bytes waiting to be written to local clients. */
  get bufferedBytes(): number {
    let n = 0;
    for (const s of this.sockets) n += s.writableLength;
    return n;
  }

  get isEnded(): boolean {
    return this.ended !== undefined;
  }

  /** Binds 127.0.0.1:port (0 = a free port); rejects when the port is taken. */
  listen(port = 0): Promise<number> {
    const server = createServer({ pauseOnConnect: true }, (s) => this.accepted(s));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(
          new Error(
            e.code === 'EADDRINUSE'
              ? `local port ${port} is already in use`
              : `cannot listen on ${LOCALHOST}:${port}: ${e.message}`,
          ),
        ),
      );
      server.listen(port, LOCALHOST, () => resolve(this.port!));
    });
  }

  /** Serves the listener's connections through this session's channel (opened by the caller). */
  attach(channel: PortChannel): void {
    this.channel = channel;
    channel.onReady((r) => this.ready(r.sessionProperties, r.agentVersion));
    channel.onOutput((b) => this.fromAgent(b));
    channel.onFlag((f) => this.flag(f));
    channel.onClose((c) => {
      const message = c.message ? ` ${c.message.trim()}` : '';
      if (c.reason === 'client_closed') this.end({ reason: 'stopped', message: 'stopped' });
      else if (c.reason === 'channel_closed')
        this.end({ reason: 'agent_closed', message: `the session ended on the agent's side.${message}` });
      else if (c.reason === 'socket_closed')
        this.end({ reason: 'connection_lost', message: 'the connection to the session closed.' });
      else this.end({ reason: c.reason === 'resume_failed' ? 'connection_lost' : 'error', message: message.trim() });
    });
    channel.onAcknowledged((pending) => {
      if (pending < LOW_WATER) this.setPaused(false);
      if (pending === 0 && this.afterDisconnect === 'flag-unacknowledged') {
        this.afterDisconnect = 'awaiting-first-bytes';
        this.nextBasic();
      }
    });
    channel.onConnection((e) => this.setPaused(e.state !== 'reconnected' || channel.unacknowledged > HIGH_WATER));
  }

  /** Ends the session from our side: TerminateSession as a flag where the agent takes it, then close. */
  stop(): void {
    if (this.ended || !this.channel) return this.end({ reason: 'stopped', message: 'stopped' });
    if (agentTakesTerminateFlag(this.agentVersion)) this.channel.sendFlag(Flag.terminateSession);
    this.channel.close();
  }

  private ready(properties: unknown, agentVersion: string | undefined): void {
    if (this.ended) return;
    this.agentVersion = agentVersion;
    this.mode = chooseMode(properties, agentVersion);
    if (this.mode === 'multiplexed') {
      this.mux = new SmuxClient((bytes) => this.send(bytes));
      if (clientKeepalive(agentVersion)) {
        // smux `session.go` `keepalive`: a NOP every interval; a peer silent for a whole timeout
        // period ends the session, unless we hold its data back ourselves (see `keepaliveCheck`).
        const stopPing = this.clock.every(SMUX_KEEPALIVE_MS, () => this.mux?.ping());
        const stopCheck = this.clock.every(SMUX_KEEPALIVE_TIMEOUT_MS, () => this.keepaliveCheck());
        this.stopKeepalive = () => (stopPing(), stopCheck());
      }
    }
    this.log(`session ready (${this.mode}${agentVersion ? `, agent ${agentVersion}` : ''})`);
    this.onReadyEmitter.fire({ port: this.port ?? 0, mode: this.mode });
    for (const s of [...this.sockets]) this.serve(s);
  }

  private accepted(socket: Socket): void {
    if (this.ended) return void socket.destroy();
    this.sockets.add(socket);
    this.stats.connections++;
    this.stats.active++;
    socket.setNoDelay(true);
    socket.on('error', () => {}); // the 'close' that follows does the work
    socket.on('drain', () => this.drained());
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.stats.active--;
      this.drained();
    });
    if (this.mode) this.serve(socket);
  }

  private serve(socket: Socket): void {
    if (this.mode === 'multiplexed') this.serveStream(socket);
    else this.queueBasic(socket);
  }

  private serveStream(socket: Socket): void {
    let stream: SmuxStream;
    try {
      stream = this.mux!.openStream();
    } catch {
      return void socket.destroy();
    }
    stream.handlers = {
      data: (b) => this.toLocal(socket, b),
      closed: (byPeer) => (byPeer ? socket.end() : socket.destroy()),
    };
    socket.on('data', (d: Buffer) => {
      this.stats.bytesOut += d.length;
      stream.write(d);
      this.pressure();
    });
    socket.once('close', () => stream.close());
    if (!this.paused) socket.resume();
  }

  private queueBasic(socket: Socket): void {
    socket.once('close', () => {
      const i = this.waiting.indexOf(socket);
      if (i >= 0) this.waiting.splice(i, 1);
      if (this.current !== socket) return;
      this.current = undefined;
      if (!this.ended && this.channel) {
        this.channel.sendFlag(Flag.disconnectToPort);
        this.afterDisconnect = 'flag-unacknowledged';
      }
      this.nextBasic();
    });
    this.waiting.push(socket);
    this.nextBasic();
  }

  private nextBasic(): void {
    if (this.current || this.ended) return;
    // Until the agent has our DisconnectToPort, the next connection waits: the agent dials the target
    // again only on the Output after it (port_basic.go `HandleStreamMessage`).
    if (this.afterDisconnect === 'flag-unacknowledged') return;
    const next = this.waiting.shift();
    if (!next) return;
    this.current = next;
    next.on('data', (d: Buffer) => {
      this.stats.bytesOut += d.length;
      // What the agent sends from here on comes from the target it dials for these bytes.
      if (this.afterDisconnect) this.afterDisconnect = undefined;
      this.send(d);
      this.pressure();
    });
    if (!this.paused) next.resume();
  }

  private fromAgent(bytes: Buffer): void {
    if (this.ended) return;
    if (this.mux) {
      try {
        this.mux.receive(bytes);
      } catch (e) {
        this.channel?.close();
        this.end({ reason: 'error', message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    // After a disconnect, output is the old target's tail until the next connection has sent its first
    // bytes: it must not reach the next client as the start of its answer.
    if (!this.current || this.afterDisconnect)
      return this.log(`dropped ${bytes.length} bytes from the agent: no local connection`);
    this.toLocal(this.current, bytes);
  }

  private toLocal(socket: Socket, bytes: Buffer): void {
    this.stats.bytesIn += bytes.length;
    socket.write(bytes);
    const buffered = this.bufferedBytes;
    if (buffered > this.stats.peakBuffered) this.stats.peakBuffered = buffered;
    if (buffered > OUTPUT_HIGH_WATER) this.setHolding(true);
  }

  private drained(): void {
    if (this.holding && this.bufferedBytes < OUTPUT_LOW_WATER) this.setHolding(false);
  }

  private setHolding(holding: boolean): void {
    if (this.holding === holding || this.ended) return;
    this.holding = holding;
    this.channel?.holdOutput(holding);
    this.onOutputHeldEmitter.fire(holding);
  }

  private keepaliveCheck(): void {
    if (this.ended || this.holding || !this.mux || this.mux.takeDataReady()) return;
    // smux skips the close while its receive loop is blocked on a full buffer (ours: output held); and
    // while the channel is being resumed (ResumeSession) the silence is the connection's, not the peer's.
    if (this.channel && this.channel.connectionState !== 'open') return;
    this.log(`the agent sent nothing for ${SMUX_KEEPALIVE_TIMEOUT_MS / 1000} s (smux keepalive timeout)`);
    this.end({
      reason: 'connection_lost',
      message: `the agent sent nothing for ${SMUX_KEEPALIVE_TIMEOUT_MS / 1000} s (multiplexer keepalive timeout).`,
    });
    this.channel?.close(); // after `end`, so its 'client_closed' does not report a stop
  }

  private flag(flag: number): void {
    if (flag !== Flag.connectToPortError) return;
    this.stats.failedConnections++;
    // The agent could not dial the target; it closes that stream next (port_mux.go handleServerConnections).
    this.onConnectionFailedEmitter.fire('connection to the destination port failed (the agent could not connect)');
  }

  private send(bytes: Buffer): void {
    this.channel?.sendInput(bytes);
  }

  private pressure(): void {
    if (!this.paused && this.channel && this.channel.unacknowledged > HIGH_WATER) this.setPaused(true);
  }

  private setPaused(paused: boolean): void {
    if (this.paused === paused || this.ended) return;
    this.paused = paused;
    const reading = this.mode === 'multiplexed' ? [...this.sockets] : this.current ? [this.current] : [];
    for (const s of reading) {
      if (paused) s.pause();
      else s.resume();
    }
  }

  private end(e: ForwardEnded): void {
    if (this.ended) return;
    this.ended = e;
    this.stopKeepalive?.();
    this.mux?.close();
    for (const s of [...this.sockets]) s.destroy();
    this.server?.close();
    this.onEndedEmitter.fire(e);
  }
}
