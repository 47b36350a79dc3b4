/**
 * SSM data-channel ClientMessage framing (docs/ecs-exec.md §6.3–6.5): a 116-byte big-endian header,
 * a 4-byte payload length and the payload. The digest is the raw SHA-256 of the payload and is
 * verified on decode; the message id travels as the UUID's low 8 bytes followed by its high 8.
 */
import { createHash, randomUUID } from 'node:crypto';

export const HEADER_LENGTH = 116;
const MESSAGE_TYPE_SIZE = 32;

export const MessageType = {
  input: 'input_stream_data',
  output: 'output_stream_data',
  acknowledge: 'acknowledge',
  channelClosed: 'channel_closed',
  startPublication: 'start_publication',
  pausePublication: 'pause_publication',
} as const;

export const PayloadType = {
  output: 1,
  error: 2,
  size: 3,
  parameter: 4,
  handshakeRequest: 5,
  handshakeResponse: 6,
  handshakeComplete: 7,
  encChallengeRequest: 8,
  encChallengeResponse: 9,
  flag: 10,
  stdErr: 11,
  exitCode: 12,
} as const;

export const Flags = { syn: 1, fin: 2, ack: 3 } as const;

export interface ClientMessage {
  messageType: string;
  schemaVersion: number;
  /** Epoch milliseconds. */
  createdDate: number;
  sequenceNumber: number;
  flags: number;
  /** Canonical lower-case UUID string. */
  messageId: string;
  payloadType: number;
  payload: Buffer;
}

export class FrameError extends Error {}

export function sha256(payload: Uint8Array): Buffer {
  return createHash('sha256').update(payload).digest();
}

/** Canonical UUID string → the 16 wire bytes (canonical bytes 8–15, then 0–7). */
export function uuidToWire(uuid: string): Buffer {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new FrameError('message id is not a UUID');
  const canonical = Buffer.from(hex, 'hex');
  return Buffer.concat([canonical.subarray(8, 16), canonical.subarray(0, 8)]);
}

/** The 16 wire bytes → canonical UUID string. */
export function uuidFromWire(wire: Uint8Array): string {
  if (wire.length !== 16) throw new FrameError('message id must be 16 bytes');
  const b = Buffer.from(wire);
  const hex = Buffer.concat([b.subarray(8, 16), b.subarray(0, 8)]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newMessage(
  fields: Pick<ClientMessage, 'messageType' | 'sequenceNumber' | 'flags' | 'payloadType'> & { payload: Uint8Array },
  now: number,
): ClientMessage {
  return {
    schemaVersion: 1,
    createdDate: now,
    messageId: randomUUID(),
    ...fields,
    payload: Buffer.from(fields.payload),
  };
}

export function encodeMessage(m: ClientMessage): Buffer {
  if (Buffer.byteLength(m.messageType, 'ascii') > MESSAGE_TYPE_SIZE) throw new FrameError('message type too long');
  const out = Buffer.alloc(HEADER_LENGTH + 4 + m.payload.length);
  out.writeUInt32BE(HEADER_LENGTH, 0);
  out.write(m.messageType.padEnd(MESSAGE_TYPE_SIZE, ' '), 4, MESSAGE_TYPE_SIZE, 'ascii');
  out.writeUInt32BE(m.schemaVersion, 36);
  out.writeBigUInt64BE(BigInt(m.createdDate), 40);
  out.writeBigInt64BE(BigInt(m.sequenceNumber), 48);
  out.writeBigUInt64BE(BigInt(m.flags), 56);
  uuidToWire(m.messageId).copy(out, 64);
  sha256(m.payload).copy(out, 80);
  out.writeUInt32BE(m.payloadType, 112);
  out.writeUInt32BE(m.payload.length, 116);
  Buffer.from(m.payload).copy(out, 120);
  return out;
}

/** Decodes and validates one binary frame; throws FrameError on any inconsistency. */
export function decodeMessage(frame: Uint8Array): ClientMessage {
  const b = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (b.length < HEADER_LENGTH + 4) throw new FrameError(`frame too short (${b.length} bytes)`);
  const headerLength = b.readUInt32BE(0);
  if (headerLength < HEADER_LENGTH || headerLength + 4 > b.length) {
    throw new FrameError(`bad header length ${headerLength}`);
  }
  const messageType = b
    .toString('ascii', 4, 4 + MESSAGE_TYPE_SIZE)
    .replace(/[\s\0]+$/, '')
    .replace(/^[\s\0]+/, '');
  const payloadLength = b.readUInt32BE(headerLength);
  const start = headerLength + 4;
  if (start + payloadLength > b.length) throw new FrameError('payload length exceeds frame');
  const payload = Buffer.from(b.subarray(start, start + payloadLength));
  if (payloadLength > 0 && !sha256(payload).equals(b.subarray(80, 112))) {
    throw new FrameError(`payload digest mismatch on ${messageType}`);
  }
  return {
    messageType,
    schemaVersion: b.readUInt32BE(36),
    createdDate: Number(b.readBigUInt64BE(40)),
    sequenceNumber: Number(b.readBigInt64BE(48)),
    flags: Number(b.readBigUInt64BE(56)),
    messageId: uuidFromWire(b.subarray(64, 80)),
    payloadType: b.readUInt32BE(112),
    payload,
  };
}

export interface AcknowledgeContent {
  AcknowledgedMessageType: string;
  AcknowledgedMessageId: string;
  AcknowledgedMessageSequenceNumber: number;
  IsSequentialMessage: boolean;
}

export function ackFor(m: ClientMessage, now: number): ClientMessage {
  const content: AcknowledgeContent = {
    AcknowledgedMessageType: m.messageType,
    AcknowledgedMessageId: m.messageId,
    AcknowledgedMessageSequenceNumber: m.sequenceNumber,
    IsSequentialMessage: true,
  };
  return newMessage(
    {
      messageType: MessageType.acknowledge,
      sequenceNumber: 0,
      flags: Flags.ack,
      payloadType: 0,
      payload: Buffer.from(JSON.stringify(content)),
    },
    now,
  );
}

export function parseAck(m: ClientMessage): AcknowledgeContent {
  const v = JSON.parse(m.payload.toString('utf8')) as Partial<AcknowledgeContent>;
  if (typeof v.AcknowledgedMessageSequenceNumber !== 'number')
    throw new FrameError('acknowledge without sequence number');
  return v as AcknowledgeContent;
}
