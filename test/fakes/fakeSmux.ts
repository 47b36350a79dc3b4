/**
 * The agent's end of the smux session for the fake port plugin, with its own codec (it must not import
 * the client's). From xtaci/smux v1.5.x as amazon-ssm-agent uses it (`plugins/port/port_mux.go`
 * `initialize`: `smux.Server(conn, smux.DefaultConfig())`): frames of `version u8 | cmd u8 | length u16 LE
 * | sid u32 LE | data`, version 1, cmds SYN 0 / FIN 1 / PSH 2 / NOP 3 (`frame.go`); `session.go`
 * `recvLoop` ends the session on a frame of another version or an unknown command (ErrInvalidProtocol),
 * drops PSH for unknown streams, and hands a SYN to `AcceptStream`; `writeFrame` cuts a stream's writes
 * into frames of at most MaxFrameSize (32768). FIN closes the stream both ways (no half-close in v1).
 */
export interface ServerFrame {
  ver: number;
  cmd: number;
  sid: number;
  data: Buffer;
}

export const SMUX = { syn: 0, fin: 1, psh: 2, nop: 3, maxFrame: 32768 };

export function frame(cmd: number, sid: number, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head[0] = 1;
  head[1] = cmd;
  head.writeUInt16LE(data.length, 2);
  head.writeUInt32LE(sid, 4);
  return Buffer.concat([head, data]);
}

export interface ServerEvents {
  accept(sid: number): void;
  data(sid: number, data: Buffer): void;
  fin(sid: number): void;
  protocolError(reason: string): void;
}

export class FakeSmuxServer {
  private buf: Buffer = Buffer.alloc(0);
  private dead = false;
  readonly open = new Set<number>();

  constructor(
    private readonly events: ServerEvents,
    private readonly write: (bytes: Buffer) => void,
  ) {}

  receive(chunk: Buffer): void {
    if (this.dead) return;
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 8 && !this.dead) {
      const len = this.buf.readUInt16LE(2);
      if (this.buf.length < 8 + len) return;
      const f: ServerFrame = {
        ver: this.buf[0],
        cmd: this.buf[1],
        sid: this.buf.readUInt32LE(4),
        data: Buffer.from(this.buf.subarray(8, 8 + len)),
      };
      this.buf = this.buf.subarray(8 + len);
      this.handle(f);
    }
  }

  private handle(f: ServerFrame): void {
    if (f.ver !== 1) return this.fail(`invalid protocol version ${f.ver}`);
    switch (f.cmd) {
      case SMUX.syn:
        if (this.open.has(f.sid)) return;
        this.open.add(f.sid);
        return this.events.accept(f.sid);
      case SMUX.fin:
        if (this.open.delete(f.sid)) this.events.fin(f.sid);
        return;
      case SMUX.psh:
        if (this.open.has(f.sid) && f.data.length) this.events.data(f.sid, f.data);
        return;
      case SMUX.nop:
        return;
      default:
        return this.fail(`invalid command ${f.cmd}`);
    }
  }

  send(sid: number, data: Buffer): void {
    if (!this.open.has(sid)) return;
    for (let i = 0; i < data.length; i += SMUX.maxFrame)
      this.write(frame(SMUX.psh, sid, data.subarray(i, i + SMUX.maxFrame)));
  }

  /** Stream.Close: FIN, once. */
  close(sid: number): void {
    if (!this.open.delete(sid)) return;
    this.write(frame(SMUX.fin, sid));
  }

  nop(): void {
    this.write(frame(SMUX.nop, 0));
  }

  private fail(reason: string): void {
    this.dead = true;
    this.events.protocolError(reason);
  }
}
