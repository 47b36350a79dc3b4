/**
 * The agent's port plugin for the fake endpoint (AWS-StartPortForwardingSession and …ToRemoteHost),
 * following amazon-ssm-agent `agent/session/plugins/port/`:
 * - Always a handshake (`port.go` `RequireHandshake` true), never KMS: one SessionType action `Port` with
 *   the session Properties (portNumber, type LocalPortForwarding, localPortNumber, host). The client's
 *   version comes from its HandshakeResponse (`datachannel.go` `handleHandshakeResponse`).
 * - Then `initializeParameters`/`validateParameters`: an empty portNumber fails; a host is resolved
 *   (`lookupHost`) and an address on the deny list (`appconfig/constants.go`
 *   DefaultDeniedPortForwardingRemoteIPs: instance metadata, Amazon DNS, time sync) fails the session with
 *   "Forwarding to IP address <host> is forbidden.". A failed plugin ends the session with its error.
 * - `GetSession`: multiplexed when the type is LocalPortForwarding and the client version is at least
 *   1.1.70 and this agent has multiplexing (above 3.0.196.0); basic otherwise.
 * - Multiplexed (`port_mux.go`): an smux server (fakeSmux.ts); each stream the client opens is dialled to
 *   the target (`DialCall`: localhost:<port>, or each resolved address of the host in turn); a failed dial
 *   sends Flag ConnectToPortError (3) and closes the stream (`handleServerConnections`); bytes are copied
 *   both ways and either side closing closes the other (`handleDataTransfer`). The smux byte stream goes
 *   out in Output messages of at most 1024 bytes (`transferDataToMgs`, StreamDataPayloadSize), cut anywhere.
 *   The agent keeps an smux keepalive (NOP every 10 s) only for clients up to 1.2.331.0.
 * - Basic (`port_basic.go`): the target is dialled at start (`InitializeSession`; failure ends the session
 *   with "Unable to connect to specified port: …"); Flag DisconnectToPort (1) closes the target connection
 *   and the next Output dials again (`HandleStreamMessage`, `handlePortError`); the target closing is not
 *   told to the client.
 * - Flag TerminateSession (2) cancels the plugin: the session ends normally (`execute`).
 * Deviations, for tests: the real agent paces itself with a 1 ms sleep per message; this fake instead stops
 *   reading its targets while WINDOW messages wait for acknowledgement. Client data is acknowledged by the
 *   session before the port machinery exists (the real agent refuses it and the client resends); the fake
 *   queues it instead.
 */
import { lookup } from 'node:dns/promises';
import { connect, type Socket } from 'node:net';
import { AgentHandshake, type HandshakeOptions } from './fakeHandshake';
import { FakeSmuxServer } from './fakeSmux';
import { PT, type ShellIo } from './fakeShell';

export const PT_FLAG = 10;
export const DENIED_REMOTE_IPS = [
  '169.254.169.254',
  'fd00:ec2::254',
  '169.254.169.253',
  'fd00:ec2::253',
  '169.254.169.123',
  'fd00:ec2::123',
  '169.254.169.250',
  '169.254.169.251',
  'fd00:ec2::240',
];
const WINDOW = 256;
const MESSAGE_BYTES = 1024;

export interface PortOptions {
  portNumber: string;
  host?: string;
  localPortNumber?: string;
  /** LocalPortForwarding (both documents) unless set otherwise. */
  type?: string;
}

export interface PortPluginIo extends ShellIo {
  /** Stream messages sent and not yet acknowledged. */
  pending(): number;
}

const atLeast = (v: string, floor: string) => {
  const a = v.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 4; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
  return true;
};

export class FakePortPlugin {
  private phase: 'handshake' | 'starting' | 'running' | 'done' = 'handshake';
  private readonly handshake: AgentHandshake;
  private mux?: FakeSmuxServer;
  private readonly targets = new Map<number, Socket>();
  /** Stream data that arrived while its target was being dialled (smux buffers it until read). */
  private readonly early = new Map<number, Buffer[]>();
  private basic?: Socket;
  private basicReconnect = false;
  private queued: Buffer[] = [];
  private addresses: string[] = [];
  private keepalive?: NodeJS.Timeout;

  constructor(
    private readonly opts: HandshakeOptions & { port: PortOptions },
    private readonly io: PortPluginIo,
  ) {
    this.handshake = new AgentHandshake({ ...opts, kms: undefined });
  }

  start(): void {
    const p = this.opts.port;
    const properties = {
      portNumber: p.portNumber,
      type: p.type ?? 'LocalPortForwarding',
      localPortNumber: p.localPortNumber ?? '',
      host: p.host ?? '',
    };
    this.json(PT.handshakeRequest, this.handshake.request('Port', properties));
  }

  onInput(payloadType: number, payload: Buffer): void {
    if (this.phase === 'handshake') {
      if (payloadType !== PT.handshakeResponse) return this.io.emit('ignored-input', payload.length);
      const o = this.handshake.response(payload);
      if ('error' in o) return this.fail(`Encountered error while initiating handshake. ${o.error}`);
      this.json(PT.handshakeComplete, o.payload);
      this.io.emit('handshake-complete', { kms: false, clientVersion: this.handshake.clientVersion });
      this.phase = 'starting';
      void this.execute();
      return;
    }
    if (this.phase === 'done') return;
    if (payloadType === PT_FLAG) return this.flag(payload.readUInt32BE(0));
    if (payloadType !== PT.output) return;
    if (this.phase === 'starting') return void this.queued.push(payload);
    this.data(payload);
  }

  /** The acknowledgement window opened again: targets may be read. */
  onAcked(): void {
    if (this.io.pending() >= WINDOW / 2) return;
    for (const s of this.targets.values()) s.resume();
    this.basic?.resume();
  }

  /** The task stopped or the service ended the session. */
  end(output = ''): void {
    if (this.phase === 'done') return;
    this.stopAll();
    this.io.closeChannel(output);
  }

  dispose(): void {
    this.stopAll();
  }

  private async execute(): Promise<void> {
    const p = this.opts.port;
    if (!p.portNumber) return this.fail(`Port number is empty in session properties. ${JSON.stringify(p)}`);
    if (p.host) {
      let resolved: string[];
      try {
        resolved = (await lookup(p.host, { all: true })).map((a) => a.address);
      } catch {
        resolved = [];
      }
      if (resolved.some((a) => DENIED_REMOTE_IPS.includes(a)))
        return this.fail(`Forwarding to IP address ${p.host} is forbidden.`);
      this.addresses = resolved;
    }
    const agentMux = atLeast(this.opts.agentVersion ?? '3.3.987.0', '3.0.196.1');
    const clientMux = atLeast(this.handshake.clientVersion ?? '0', '1.1.70');
    if ((p.type ?? 'LocalPortForwarding') === 'LocalPortForwarding' && agentMux && clientMux) {
      this.mux = new FakeSmuxServer(
        {
          accept: (sid) => {
            this.early.set(sid, []);
            void this.dialStream(sid);
          },
          data: (sid, d) => this.early.get(sid)?.push(d) ?? this.targets.get(sid)?.write(d),
          fin: (sid) => {
            this.early.delete(sid);
            this.targets.get(sid)?.destroy();
          },
          protocolError: (r) => this.fail(`smux: ${r}`),
        },
        (bytes) => this.out(bytes),
      );
      if (!atLeast(this.handshake.clientVersion ?? '0', '1.2.331.1')) {
        this.keepalive = setInterval(() => this.mux?.nop(), 10_000);
        this.keepalive.unref();
      }
      this.io.emit('port-mode', 'multiplexed');
    } else {
      try {
        this.basic = await this.dial();
      } catch (e) {
        return this.fail(`Unable to connect to specified port: ${(e as Error).message}`);
      }
      this.watchBasic(this.basic);
      this.io.emit('port-mode', 'basic');
    }
    this.phase = 'running';
    for (const q of this.queued.splice(0)) this.data(q);
  }

  private data(payload: Buffer): void {
    if (this.mux) return this.mux.receive(payload);
    if (this.basicReconnect) {
      this.basicReconnect = false;
      this.phase = 'starting';
      this.queued.push(payload);
      void this.dial().then(
        (s) => {
          this.basic = s;
          this.watchBasic(s);
          this.phase = 'running';
          for (const q of this.queued.splice(0)) this.data(q);
        },
        (e: Error) => this.fail(`Unable to connect to specified port: ${e.message}`),
      );
      return;
    }
    this.basic?.write(payload);
  }

  private flag(flag: number): void {
    this.io.emit('port-flag', flag);
    if (flag === 2) return this.end('');
    if (flag === 1 && this.basic) {
      this.basic.destroy();
      this.basic = undefined;
      this.basicReconnect = true;
    }
  }

  /** DialCall: localhost:<port>, or the host's resolved addresses in turn. */
  private async dial(): Promise<Socket> {
    const port = Number(this.opts.port.portNumber);
    const hosts = this.opts.port.host ? this.addresses : ['localhost'];
    let first: Error | undefined;
    for (const host of hosts) {
      try {
        return await new Promise<Socket>((resolve, reject) => {
          // Go's net.Dial tries every address of a name ("localhost": ::1 and 127.0.0.1); so does this.
          const s = connect({ host, port, autoSelectFamily: true });
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
      } catch (e) {
        first ??= e as Error;
      }
    }
    throw first ?? new Error('missing address');
  }

  private async dialStream(sid: number): Promise<void> {
    let s: Socket;
    try {
      s = await this.dial();
    } catch {
      this.early.delete(sid);
      this.io.emit('port-connect-error', sid);
      const flag = Buffer.alloc(4);
      flag.writeUInt32BE(3);
      this.io.sendStream(PT_FLAG, flag);
      this.mux?.close(sid);
      return;
    }
    const early = this.early.get(sid);
    this.early.delete(sid);
    if (!this.mux?.open.has(sid) || !early) return void s.destroy(); // the client gave up meanwhile
    this.targets.set(sid, s);
    for (const d of early) s.write(d);
    this.io.emit('port-stream', sid);
    s.on('data', (d: Buffer) => {
      this.mux?.send(sid, d);
      if (this.io.pending() >= WINDOW) s.pause();
    });
    s.on('error', () => {});
    s.on('close', () => {
      this.targets.delete(sid);
      this.mux?.close(sid);
      this.io.emit('port-stream-closed', sid);
    });
  }

  private watchBasic(s: Socket): void {
    s.on('data', (d: Buffer) => {
      this.out(d);
      if (this.io.pending() >= WINDOW) s.pause();
    });
    s.on('error', () => {});
    s.on('close', () => {
      if (this.basic !== s) return;
      this.basic = undefined;
      this.basicReconnect = true; // handlePortError: wait for the client's next data
    });
  }

  private out(bytes: Buffer): void {
    for (let i = 0; i < bytes.length; i += MESSAGE_BYTES)
      this.io.sendStream(PT.output, bytes.subarray(i, i + MESSAGE_BYTES));
  }

  private stopAll(): void {
    this.phase = 'done';
    clearInterval(this.keepalive);
    for (const s of this.targets.values()) s.destroy();
    this.targets.clear();
    this.basic?.destroy();
    this.basic = undefined;
  }

  private fail(reason: string): void {
    this.stopAll();
    this.io.emit('protocol-error', reason);
    this.io.closeChannel(`----------ERROR-------\n${reason}`);
  }

  private json(payloadType: number, value: unknown): void {
    this.io.sendStream(payloadType, Buffer.from(JSON.stringify(value)));
  }
}
