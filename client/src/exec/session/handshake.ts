/**
 * The session handshake (docs/ecs-exec.md §6.7): answers the agent's HandshakeRequest (session type, and
 * KMS encryption through kms:GenerateDataKey), its EncChallengeRequest, and reads HandshakeComplete.
 * Pure apart from the injected data-key call, so it is tested without a socket.
 *
 * KMS random challenge: agents from 3.3.808.0 put a random `Challenge` in the KMSEncryption action
 * (amazon-ssm-agent `agent/session/datachannel/datachannel.go` `buildHandshakeRequestPayload`). A client
 * that generates the data key with it in the encryption context, as `aws:ssm:RandomChallenge`, says so
 * with `ChallengeAcknowledgement: true`; the agent then decrypts the key with the same context
 * (`finalizeKMSEncryption`, `agent/session/crypto/blockcipher.go` `UpdateEncryptionKey`), so a data key
 * made for another handshake cannot be replayed. An agent configured with RequireKMSChallengeResponse
 * refuses clients that do not acknowledge it. session-manager-plugin (through 1.2.x) ignores the
 * challenge and sends no acknowledgement; we answer it whenever the agent sends one, and fall back to
 * the two-key context for older agents that do not.
 */
import { SessionCipher, DATA_KEY_BYTES } from './crypto';

export const ActionStatus = { success: 1, failed: 2, unsupported: 3 } as const;

export interface RequestedClientAction {
  ActionType: string;
  ActionParameters?: unknown;
}

export interface HandshakeRequest {
  AgentVersion?: string;
  RequestedClientActions?: RequestedClientAction[];
}

export interface ProcessedClientAction {
  ActionType: string;
  ActionStatus: number;
  ActionResult?: unknown;
  Error: string;
}

export interface HandshakeResponse {
  ClientVersion: string;
  ProcessedClientActions: ProcessedClientAction[];
  Errors: string[];
}

export interface HandshakeComplete {
  HandshakeTimeToComplete?: number;
  CustomerMessage?: string;
}

export interface DataKey {
  plaintext: Uint8Array;
  ciphertextBlob: Uint8Array;
}

export interface HandshakeContext {
  clientVersion: string;
  sessionId: string;
  /** `ecs:<cluster>_<taskId>_<runtimeId>`; part of the KMS encryption context. */
  targetId: string;
  generateDataKey(keyId: string, encryptionContext: Record<string, string>, numberOfBytes: number): Promise<DataKey>;
}

export interface HandshakeOutcome {
  response: HandshakeResponse;
  sessionType?: string;
  /** The SessionType action's Properties (e.g. the port of a port session). */
  sessionProperties?: unknown;
  agentVersion?: string;
  cipher?: SessionCipher;
}

export function kmsEncryptionContext(
  sessionId: string,
  targetId: string,
  randomChallenge?: string,
): Record<string, string> {
  const context: Record<string, string> = { 'aws:ssm:SessionId': sessionId, 'aws:ssm:TargetId': targetId };
  if (randomChallenge) context['aws:ssm:RandomChallenge'] = randomChallenge;
  return context;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

export async function processHandshakeRequest(
  request: HandshakeRequest,
  ctx: HandshakeContext,
): Promise<HandshakeOutcome> {
  const outcome: HandshakeOutcome = {
    response: { ClientVersion: ctx.clientVersion, ProcessedClientActions: [], Errors: [] },
    agentVersion: typeof request.AgentVersion === 'string' ? request.AgentVersion : undefined,
  };
  for (const action of request.RequestedClientActions ?? []) {
    const params = record(action.ActionParameters);
    if (action.ActionType === 'SessionType') {
      outcome.sessionType = typeof params.SessionType === 'string' ? params.SessionType : undefined;
      outcome.sessionProperties = params.Properties;
      outcome.response.ProcessedClientActions.push({
        ActionType: action.ActionType,
        ActionStatus: ActionStatus.success,
        Error: '',
      });
    } else if (action.ActionType === 'KMSEncryption') {
      outcome.response.ProcessedClientActions.push(await kmsAction(params, ctx, outcome));
    } else {
      outcome.response.ProcessedClientActions.push({
        ActionType: action.ActionType,
        ActionStatus: ActionStatus.unsupported,
        Error: `Unsupported action ${action.ActionType}`,
      });
    }
  }
  return outcome;
}

async function kmsAction(
  params: Record<string, unknown>,
  ctx: HandshakeContext,
  outcome: HandshakeOutcome,
): Promise<ProcessedClientAction> {
  const keyId = params.KMSKeyId;
  const challenge = typeof params.Challenge === 'string' && params.Challenge ? params.Challenge : undefined;
  try {
    if (typeof keyId !== 'string' || !keyId) throw new Error('the agent did not name a KMS key');
    const context = kmsEncryptionContext(ctx.sessionId, ctx.targetId, challenge);
    const key = await ctx.generateDataKey(keyId, context, DATA_KEY_BYTES);
    outcome.cipher = SessionCipher.fromDataKey(key.plaintext);
    const result: Record<string, unknown> = { KMSCipherTextKey: Buffer.from(key.ciphertextBlob).toString('base64') };
    if (challenge) result.ChallengeAcknowledgement = true;
    return { ActionType: 'KMSEncryption', ActionStatus: ActionStatus.success, ActionResult: result, Error: '' };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    outcome.response.Errors.push(`KMSEncryption failed: ${reason}`);
    return { ActionType: 'KMSEncryption', ActionStatus: ActionStatus.failed, Error: reason };
  }
}

/** Decrypts the agent's challenge with our decryption key and re-encrypts it with our encryption key. */
export function answerChallenge(requestPayload: Buffer, cipher: SessionCipher): Buffer {
  const req = record(JSON.parse(requestPayload.toString('utf8')));
  if (typeof req.Challenge !== 'string') throw new Error('EncChallengeRequest without Challenge');
  const plain = cipher.decrypt(Buffer.from(req.Challenge, 'base64'));
  return Buffer.from(JSON.stringify({ Challenge: cipher.encrypt(plain).toString('base64') }));
}

export function parseJson<T>(payload: Buffer): T {
  return JSON.parse(payload.toString('utf8')) as T;
}
