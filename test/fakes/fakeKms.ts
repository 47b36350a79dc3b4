/**
 * A local stand-in for AWS KMS: GenerateDataKey returns random plaintext plus a "ciphertext blob"
 * sealed under a private master key with the encryption context as AAD, so only a holder of the same
 * FakeKms (the fake agent) can Decrypt it, and only with the same context — as with real KMS.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

function aad(keyId: string, context: Record<string, string>): Buffer {
  const sorted = Object.keys(context)
    .sort()
    .map((k) => [k, context[k]]);
  return Buffer.from(JSON.stringify([keyId, sorted]));
}

export class FakeKms {
  private readonly master = randomBytes(32);
  readonly calls: { keyId: string; context: Record<string, string>; numberOfBytes: number }[] = [];

  constructor(readonly keyId = 'arn:aws:kms:us-east-1:111122223333:key/fake-exec-key') {}

  async generateDataKey(
    keyId: string,
    context: Record<string, string>,
    numberOfBytes: number,
  ): Promise<{ plaintext: Buffer; ciphertextBlob: Buffer }> {
    if (keyId !== this.keyId) throw new Error(`NotFoundException: key ${keyId} does not exist`);
    this.calls.push({ keyId, context, numberOfBytes });
    const plaintext = randomBytes(numberOfBytes);
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.master, nonce);
    c.setAAD(aad(keyId, context));
    const body = Buffer.concat([c.update(plaintext), c.final()]);
    return { plaintext, ciphertextBlob: Buffer.concat([nonce, body, c.getAuthTag()]) };
  }

  decrypt(blob: Buffer, context: Record<string, string>): Buffer {
    const d = createDecipheriv('aes-256-gcm', this.master, blob.subarray(0, 12));
    d.setAAD(aad(this.keyId, context));
    d.setAuthTag(blob.subarray(blob.length - 16));
    return Buffer.concat([d.update(blob.subarray(12, blob.length - 16)), d.final()]);
  }
}

/** AES-256-GCM as the agent uses it: 12-byte nonce in front, tag at the end. */
export function agentSeal(key: Buffer, data: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(data), c.final()]);
  return Buffer.concat([nonce, body, c.getAuthTag()]);
}

export function agentOpen(key: Buffer, data: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
  d.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([d.update(data.subarray(12, data.length - 16)), d.final()]);
}
