/**
 * The fake agent's own ClientMessage codec, written from docs/ecs-exec.md §6.3 independently of the client
 * (it must not import client/src/exec): a fixed 120-byte prefix, big-endian integers, the message id
 * stored as UUID bytes 8–15 then 0–7, and the raw SHA-256 of the payload at offset 80.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface WireMessage {
  type: string;
  seq: number;
  flags: number;
  id: string;
  payloadType: number;
  payload: Buffer;
  created: number;
}

const LAYOUT = {
  headerLength: 0,
  type: 4,
  schema: 36,
  created: 40,
  seq: 48,
  flags: 56,
  id: 64,
  digest: 80,
  payloadType: 112,
  payloadLength: 116,
  payload: 120,
};

export function randomId(): string {
  const b = randomBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 32)].join('-');
}

export function pack(m: Omit<WireMessage, 'id' | 'created'> & { id?: string; created?: number }): Buffer {
  const buf = Buffer.alloc(LAYOUT.payload + m.payload.length, 0);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  view.setUint32(LAYOUT.headerLength, 116);
  for (let i = 0; i < 32; i++) buf[LAYOUT.type + i] = i < m.type.length ? m.type.charCodeAt(i) : 0x20;
  view.setUint32(LAYOUT.schema, 1);
  view.setBigUint64(LAYOUT.created, BigInt(m.created ?? Date.now()));
  view.setBigInt64(LAYOUT.seq, BigInt(m.seq));
  view.setBigUint64(LAYOUT.flags, BigInt(m.flags));
  const idHex = (m.id ?? randomId()).split('-').join('');
  // Wire order: least significant half first.
  for (let i = 0; i < 8; i++) {
    buf[LAYOUT.id + i] = parseInt(idHex.substr(16 + 2 * i, 2), 16);
    buf[LAYOUT.id + 8 + i] = parseInt(idHex.substr(2 * i, 2), 16);
  }
  createHash('sha256').update(m.payload).digest().copy(buf, LAYOUT.digest);
  view.setUint32(LAYOUT.payloadType, m.payloadType);
  view.setUint32(LAYOUT.payloadLength, m.payload.length);
  m.payload.copy(buf, LAYOUT.payload);
  return buf;
}

/** Returns undefined for anything malformed (a real agent drops such frames). */
export function unpack(buf: Buffer): WireMessage | undefined {
  if (buf.length < LAYOUT.payload) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(LAYOUT.headerLength) !== 116) return undefined;
  const len = view.getUint32(LAYOUT.payloadLength);
  if (LAYOUT.payload + len !== buf.length) return undefined;
  const payload = Buffer.from(buf.subarray(LAYOUT.payload));
  const digest = buf.subarray(LAYOUT.digest, LAYOUT.digest + 32);
  if (len > 0 && !createHash('sha256').update(payload).digest().equals(digest)) return undefined;
  let type = '';
  for (let i = 0; i < 32; i++) {
    const c = buf[LAYOUT.type + i];
    if (c !== 0x20 && c !== 0) type += String.fromCharCode(c);
  }
  const hi = buf.subarray(LAYOUT.id + 8, LAYOUT.id + 16).toString('hex');
  const lo = buf.subarray(LAYOUT.id, LAYOUT.id + 8).toString('hex');
  const h = hi + lo;
  return {
    type,
    seq: Number(view.getBigInt64(LAYOUT.seq)),
    flags: Number(view.getBigUint64(LAYOUT.flags)),
    id: [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 32)].join('-'),
    payloadType: view.getUint32(LAYOUT.payloadType),
    payload,
    created: Number(view.getBigUint64(LAYOUT.created)),
  };
}
