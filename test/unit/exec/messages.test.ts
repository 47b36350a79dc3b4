import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  ackFor,
  decodeMessage,
  encodeMessage,
  FrameError,
  HEADER_LENGTH,
  parseAck,
  uuidFromWire,
  uuidToWire,
  type ClientMessage,
} from '../../../client/src/exec/session/messages';

const sample: ClientMessage = {
  messageType: 'input_stream_data',
  schemaVersion: 1,
  createdDate: 0x0000018c_2e7f1a00,
  sequenceNumber: 5,
  flags: 0,
  messageId: '00112233-4455-6677-8899-aabbccddeeff',
  payloadType: 1,
  payload: Buffer.from('hi'),
};

test('encodes the documented 116-byte header layout byte for byte (unit)', () => {
  const expected = Buffer.concat([
    Buffer.from('00000074', 'hex'), // HeaderLength 116
    Buffer.from('input_stream_data'.padEnd(32, ' '), 'ascii'),
    Buffer.from('00000001', 'hex'), // SchemaVersion
    Buffer.from('0000018c2e7f1a00', 'hex'), // CreatedDate
    Buffer.from('0000000000000005', 'hex'), // SequenceNumber
    Buffer.from('0000000000000000', 'hex'), // Flags
    Buffer.from('8899aabbccddeeff0011223344556677', 'hex'), // MessageId, low half first
    Buffer.from('8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4', 'hex'), // SHA-256("hi")
    Buffer.from('00000001', 'hex'), // PayloadType
    Buffer.from('00000002', 'hex'), // PayloadLength
    Buffer.from('hi'),
  ]);
  const frame = encodeMessage(sample);
  assert.equal(frame.length, HEADER_LENGTH + 4 + 2);
  assert.equal(frame.toString('hex'), expected.toString('hex'));
});

test('the payload digest is the raw SHA-256 of the payload (unit)', () => {
  const payload = Buffer.from('{"cols":80,"rows":24}');
  const frame = encodeMessage({ ...sample, payload });
  assert.deepEqual(frame.subarray(80, 112), createHash('sha256').update(payload).digest());
});

test('UUIDs travel as bytes 8-15 then 0-7 and round-trip (unit)', () => {
  const wire = uuidToWire('01234567-89ab-cdef-0011-223344556677');
  assert.equal(wire.toString('hex'), '0011223344556677' + '0123456789abcdef');
  assert.equal(uuidFromWire(wire), '01234567-89ab-cdef-0011-223344556677');
  assert.throws(() => uuidToWire('not-a-uuid'), FrameError);
});

test('decode round-trips every field and trims the padded message type (unit)', () => {
  const decoded = decodeMessage(encodeMessage({ ...sample, sequenceNumber: 2 ** 40, flags: 3 }));
  assert.deepEqual(decoded, { ...sample, sequenceNumber: 2 ** 40, flags: 3 });
  const nulPadded = encodeMessage(sample);
  nulPadded.fill(0, 4 + 'input_stream_data'.length, 36);
  assert.equal(decodeMessage(nulPadded).messageType, 'input_stream_data');
});

test('decode rejects a digest mismatch, truncation and a bad header length (unit)', () => {
  const frame = encodeMessage(sample);
  const tampered = Buffer.from(frame);
  tampered[tampered.length - 1] ^= 1;
  assert.throws(() => decodeMessage(tampered), /digest mismatch/);
  assert.throws(() => decodeMessage(frame.subarray(0, 100)), /too short/);
  assert.throws(() => decodeMessage(frame.subarray(0, frame.length - 1)), /exceeds frame/);
  const badHeader = Buffer.from(frame);
  badHeader.writeUInt32BE(4000, 0);
  assert.throws(() => decodeMessage(badHeader), /bad header length/);
});

test('an empty payload carries no digest check (unit)', () => {
  const frame = encodeMessage({ ...sample, payload: Buffer.alloc(0) });
  frame.fill(0, 80, 112);
  assert.equal(decodeMessage(frame).payload.length, 0);
});

test('acknowledgements name the acknowledged message with flags 3 and sequence 0 (unit)', () => {
  const ack = ackFor({ ...sample, messageType: 'output_stream_data', sequenceNumber: 7 }, 42);
  assert.equal(ack.messageType, 'acknowledge');
  assert.equal(ack.flags, 3);
  assert.equal(ack.sequenceNumber, 0);
  assert.deepEqual(JSON.parse(ack.payload.toString()), {
    AcknowledgedMessageType: 'output_stream_data',
    AcknowledgedMessageId: sample.messageId,
    AcknowledgedMessageSequenceNumber: 7,
    IsSequentialMessage: true,
  });
  assert.equal(parseAck(decodeMessage(encodeMessage(ack))).AcknowledgedMessageSequenceNumber, 7);
});
