/**
 * The stream multiplexer of port sessions, client side: the xtaci/smux wire protocol, version 1, as
 * session-manager-plugin (`portsession/muxportforwarding.go` `initialize`: `smux.Client` with
 * `smux.DefaultConfig()`) and amazon-ssm-agent (`plugins/port/port_mux.go` `initialize`: `smux.Server`)
 * speak it; both pin xtaci/smux v1.5.x, whose DefaultConfig is Version 1.
 *
 * Frame: an 8-byte header — version u8 (1), cmd u8 (SYN 0, FIN 1, PSH 2, NOP 3; UPD 4 exists only in
 * version 2), length u16 little-endian, stream id u32 little-endian — then `length` bytes of data. A
 * client numbers its streams odd from 3 (smux `newSession` starts the client at 1, `OpenStream` adds 2
 * first). Version 1 has no window updates: the only flow control is the transport's. FIN closes a
 * stream in both directions (smux has no half-close). Frames are cut into data-channel messages of at
 * most 1024 bytes anywhere, so the decoder reassembles across chunks.
 */
export const SMUX_VERSION = 1;
export const SmuxCmd = { syn: 0, fin: 1, psh: 2, nop: 3, upd: 4 } as const;
export const SMUX_HEADER_BYTES = 8;
/** smux DefaultConfig MaxFrameSize. */
export const SMUX_MAX_FRAME = 32_768;

export interface SmuxFrame {
  version: number;
  cmd: number;
  streamId: number;
  data: Buffer;
}

export function encodeFrame(cmd: number, streamId: number, data: Uint8Array = Buffer.alloc(0)): Buffer {
  if (data.length > 0xffff) throw new RangeError(`smux frame of ${data.length} bytes exceeds 65535`);
  const b = Buffer.allocUnsafe(SMUX_HEADER_BYTES + data.length);
  b.writeUInt8(SMUX_VERSION, 0);
  b.writeUInt8(cmd, 1);
  b.writeUInt16LE(data.length, 2);
  b.writeUInt32LE(streamId >>> 0, 4);
  b.set(data, SMUX_HEADER_BYTES);
  return b;
}

/** Reassembles frames from chunks cut anywhere. */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  push(chunk: Buffer): SmuxFrame[] {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const out: SmuxFrame[] = [];
    if (this.pendingBytes < SMUX_HEADER_BYTES) return out;
    let buf = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    let off = 0;
    while (buf.length - off >= SMUX_HEADER_BYTES) {
      const len = buf.readUInt16LE(off + 2);
      if (buf.length - off < SMUX_HEADER_BYTES + len) break;
      out.push({
        version: buf.readUInt8(off),
        cmd: buf.readUInt8(off + 1),
        streamId: buf.readUInt32LE(off + 4),
        data: Buffer.from(buf.subarray(off + SMUX_HEADER_BYTES, off + SMUX_HEADER_BYTES + len)),
      });
      off += SMUX_HEADER_BYTES + len;
    }
    buf = buf.subarray(off);
    this.pending = buf.length ? [buf] : [];
    this.pendingBytes = buf.length;
    return out;
  }
}

export interface SmuxStreamHandlers {
  data(bytes: Buffer): void;
  /** The peer sent FIN, or the session ended: no more data either way. */
  closed(byPeer: boolean): void;
}

export class SmuxStream {
  private open = true;
  handlers?: SmuxStreamHandlers;

  constructor(
    readonly id: number,
    private readonly session: SmuxClient,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** PSH frames of at most SMUX_MAX_FRAME bytes. */
  write(data: Buffer): void {
    if (!this.open) return;
    for (let i = 0; i < data.length; i += SMUX_MAX_FRAME)
      this.session.sendFrame(SmuxCmd.psh, this.id, data.subarray(i, i + SMUX_MAX_FRAME));
  }

  /** Sends FIN (smux `Stream.Close`) and forgets the stream. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.session.sendFrame(SmuxCmd.fin, this.id);
    this.session.forget(this.id);
  }

  /** @internal */
  peerClosed(byPeer: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.session.forget(this.id);
    this.handlers?.closed(byPeer);
  }
}

export class SmuxProtocolError extends Error {}

/**
 * The client end of an smux session over a byte transport (`send`). `receive` takes the transport's
 * bytes; a frame of another version or an unknown command is a protocol error (smux `recvLoop`
 * `ErrInvalidProtocol` ends the session), thrown to the caller.
 */
export class SmuxClient {
  private nextId = 1;
  private readonly streams = new Map<number, SmuxStream>();
  private readonly decoder = new FrameDecoder();
  private closed = false;
  private dataReady = false;

  constructor(private readonly send: (bytes: Buffer) => void) {}

  get streamCount(): number {
    return this.streams.size;
  }

  openStream(): SmuxStream {
    if (this.closed) throw new Error('the multiplexed session is closed');
    this.nextId += 2;
    const s = new SmuxStream(this.nextId, this);
    this.streams.set(s.id, s);
    this.sendFrame(SmuxCmd.syn, s.id);
    return s;
  }

  /** A NOP frame (smux keepalive). */
  ping(): void {
    if (!this.closed) this.sendFrame(SmuxCmd.nop, 0);
  }

  /** Whether a frame arrived since the last call (smux `Session.dataReady`, cleared by `keepalive`). */
  takeDataReady(): boolean {
    const ready = this.dataReady;
    this.dataReady = false;
    return ready;
  }

  receive(bytes: Buffer): void {
    for (const f of this.decoder.push(bytes)) {
      this.dataReady = true;
      if (f.version !== SMUX_VERSION)
        throw new SmuxProtocolError(`smux frame of version ${f.version} on a version ${SMUX_VERSION} session`);
      switch (f.cmd) {
        case SmuxCmd.psh:
          // Data for a stream we no longer have is dropped, as smux `recvLoop` does.
          if (f.data.length) this.streams.get(f.streamId)?.handlers?.data(f.data);
          break;
        case SmuxCmd.fin:
          this.streams.get(f.streamId)?.peerClosed(true);
          break;
        case SmuxCmd.nop:
          break;
        case SmuxCmd.syn:
          // The agent never opens streams towards the client; refuse one at once.
          this.sendFrame(SmuxCmd.fin, f.streamId);
          break;
        default:
          throw new SmuxProtocolError(`smux command ${f.cmd} is not valid in version ${SMUX_VERSION}`);
      }
    }
  }

  /** Ends every stream (their `closed(false)` fires); nothing is sent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams.values()]) s.peerClosed(false);
  }

  /** @internal */
  sendFrame(cmd: number, streamId: number, data?: Uint8Array): void {
    if (!this.closed) this.send(encodeFrame(cmd, streamId, data));
  }

  /** @internal */
  forget(id: number): void {
    this.streams.delete(id);
  }
}
