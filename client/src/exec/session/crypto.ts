/**
 * Session encryption negotiated in the KMS handshake (docs/ecs-exec.md §6.8). The 64-byte KMS data key is
 * split: bytes 0–31 decrypt what the agent sends, bytes 32–63 encrypt what we send. AES-256-GCM with a
 * random 12-byte nonce prepended and the 16-byte tag appended; no additional authenticated data.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const DATA_KEY_BYTES = 64;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SessionCipherError extends Error {}

export class SessionCipher {
  private constructor(
    private readonly decryptionKey: Buffer,
    private readonly encryptionKey: Buffer,
  ) {}

  static fromDataKey(plaintextKey: Uint8Array): SessionCipher {
    if (plaintextKey.length !== DATA_KEY_BYTES) {
      throw new SessionCipherError(`KMS data key must be ${DATA_KEY_BYTES} bytes, got ${plaintextKey.length}`);
    }
    const key = Buffer.from(plaintextKey);
    return new SessionCipher(Buffer.from(key.subarray(0, 32)), Buffer.from(key.subarray(32, 64)));
  }

  encrypt(plaintext: Uint8Array): Buffer {
    return seal(this.encryptionKey, plaintext);
  }

  decrypt(sealed: Uint8Array): Buffer {
    return open(this.decryptionKey, sealed);
  }
}

export function seal(key: Buffer, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(plaintext), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

export function open(key: Buffer, sealed: Uint8Array): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new SessionCipherError('encrypted payload too short');
  const b = Buffer.from(sealed);
  const d = createDecipheriv('aes-256-gcm', key, b.subarray(0, NONCE_BYTES));
  d.setAuthTag(b.subarray(b.length - TAG_BYTES));
  try {
    return Buffer.concat([d.update(b.subarray(NONCE_BYTES, b.length - TAG_BYTES)), d.final()]);
  } catch {
    throw new SessionCipherError('encrypted payload failed authentication');
  }
}
