/**
 * The agent's side of the session handshake, from amazon-ssm-agent `agent/session/datachannel/datachannel.go`
 * (3.3.x): `PerformHandshake` sends a HandshakeRequest built by `buildHandshakeRequestPayload` — a
 * SessionType action and, when the session is KMS-encrypted, a KMSEncryption action carrying the key id
 * and a random `Challenge` (`agent/session/crypto/blockcipher.go` `NewBlockCipherKMS`: 16 random bytes,
 * base64). `handleHandshakeResponse` fails the session on any action whose status is not Success and,
 * for KMS, runs `finalizeKMSEncryption`: when the agent is configured with RequireKMSChallengeResponse
 * (`agent/appconfig`, default false) a response without `ChallengeAcknowledgement` is refused; otherwise
 * the data key is decrypted (`BlockCipher.UpdateEncryptionKey`) with the encryption context
 * aws:ssm:SessionId + aws:ssm:TargetId, plus aws:ssm:RandomChallenge when the client acknowledged the
 * challenge. Then `sendEncryptionChallenge` sends 64 random bytes sealed with the agent's key and
 * `handleEncryptionChallengeResponse` checks they come back sealed with the client's key. Last,
 * `buildHandshakeCompletePayload` says "This session is encrypted using AWS KMS." when it is.
 */
import { randomBytes } from 'node:crypto';
import { agentOpen, agentSeal, type FakeKms } from './fakeKms';

export const AGENT_VERSION = '3.3.987.0';

export interface HandshakeOptions {
  sessionId: string;
  targetId: string;
  kms?: FakeKms;
  /** Agents before 3.3.808.0 send no Challenge in the KMS action. */
  kmsChallenge?: boolean;
  /** The agent's RequireKMSChallengeResponse setting. */
  requireKmsChallengeResponse?: boolean;
  /** The AgentVersion the HandshakeRequest reports (default AGENT_VERSION). */
  agentVersion?: string;
}

/** The session keys once KMS is set up: the agent seals with bytes 0–31 and opens with bytes 32–63. */
export interface AgentKeys {
  seal: Buffer;
  open: Buffer;
}

type Outcome = { next: 'challenge'; payload: unknown } | { next: 'complete'; payload: unknown } | { error: string };

export class AgentHandshake {
  keys?: AgentKeys;
  private readonly randomChallenge = randomBytes(16).toString('base64');
  private challenge?: Buffer;
  /** Whether the client acknowledged the random challenge (it is then part of the KMS context). */
  challengeAcknowledged = false;

  constructor(private readonly opts: HandshakeOptions) {}

  request(sessionType: string, properties: unknown): unknown {
    const actions: unknown[] = [
      { ActionType: 'SessionType', ActionParameters: { SessionType: sessionType, Properties: properties } },
    ];
    if (this.opts.kms) {
      const kmsParams: Record<string, string> = { KMSKeyId: this.opts.kms.keyId };
      if (this.opts.kmsChallenge !== false) kmsParams.Challenge = this.randomChallenge;
      actions.push({ ActionType: 'KMSEncryption', ActionParameters: kmsParams });
    }
    return { AgentVersion: this.opts.agentVersion ?? AGENT_VERSION, RequestedClientActions: actions };
  }

  /** The ClientVersion of the HandshakeResponse (`datachannel.go` `handleHandshakeResponse` keeps it). */
  clientVersion?: string;

  /** handleHandshakeResponse + finalizeKMSEncryption; then the challenge when encrypted. */
  response(payload: Buffer): Outcome {
    let res: { ProcessedClientActions?: ProcessedAction[]; ClientVersion?: string };
    try {
      res = JSON.parse(payload.toString('utf8'));
    } catch (e) {
      return { error: `Unmarshalling of HandshakeResponse message failed, ${(e as Error).message}` };
    }
    this.clientVersion = typeof res.ClientVersion === 'string' ? res.ClientVersion : undefined;
    for (const a of res.ProcessedClientActions ?? []) {
      if (a.ActionStatus !== 1)
        return { error: `${a.ActionType} failed on client with status ${a.ActionStatus} error: ${a.Error ?? ''}` };
      if (a.ActionType === 'KMSEncryption') {
        const err = this.finalizeKms(a.ActionResult ?? {});
        if (err) return { error: err };
      }
    }
    if (!this.opts.kms) return { next: 'complete', payload: this.complete() };
    if (!this.keys) return { error: 'KMSEncryption was not answered' };
    this.challenge = randomBytes(64);
    return { next: 'challenge', payload: { Challenge: agentSeal(this.keys.seal, this.challenge).toString('base64') } };
  }

  /** handleEncryptionChallengeResponse. */
  challengeResponse(payload: Buffer): Outcome {
    let answer: Buffer | undefined;
    try {
      const res = JSON.parse(payload.toString('utf8')) as { Challenge?: string };
      answer = agentOpen(this.keys!.open, Buffer.from(res.Challenge ?? '', 'base64'));
    } catch {
      answer = undefined;
    }
    if (!answer || !this.challenge?.equals(answer)) return { error: 'Encryption challenge does not match!' };
    return { next: 'complete', payload: this.complete() };
  }

  private finalizeKms(result: { KMSCipherTextKey?: string; ChallengeAcknowledgement?: boolean }): string | undefined {
    const kms = this.opts.kms!;
    this.challengeAcknowledged = result.ChallengeAcknowledgement === true;
    if (this.opts.requireKmsChallengeResponse && !this.challengeAcknowledged)
      return 'client does not support required encryption context random challenge';
    const context: Record<string, string> = {
      'aws:ssm:SessionId': this.opts.sessionId,
      'aws:ssm:TargetId': this.opts.targetId,
    };
    if (this.challengeAcknowledged) context['aws:ssm:RandomChallenge'] = this.randomChallenge;
    let key: Buffer;
    try {
      key = kms.decrypt(Buffer.from(result.KMSCipherTextKey ?? '', 'base64'), context);
    } catch {
      return 'Fetching data key failed: Unable to retrieve data key, Error when decrypting data key InvalidCiphertextException: ';
    }
    if (key.length !== 64) return `Fetching data key failed: data key is ${key.length} bytes, not 64`;
    this.keys = { seal: key.subarray(0, 32), open: key.subarray(32, 64) };
    return undefined;
  }

  private complete(): unknown {
    return {
      HandshakeTimeToComplete: 1_000_000,
      CustomerMessage: this.opts.kms ? 'This session is encrypted using AWS KMS.' : '',
    };
  }
}

interface ProcessedAction {
  ActionType: string;
  ActionStatus: number;
  ActionResult?: { KMSCipherTextKey?: string; ChallengeAcknowledgement?: boolean };
  Error?: string;
}
