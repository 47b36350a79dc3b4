import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SessionCipher, SessionCipherError } from '../../../client/src/exec/session/crypto';
import {
  answerChallenge,
  processHandshakeRequest,
  type HandshakeContext,
} from '../../../client/src/exec/session/handshake';
import { agentOpen, agentSeal, FakeKms } from '../../fakes/fakeKms';

const kms = new FakeKms();
const ctx: HandshakeContext = {
  clientVersion: '1.2.677.0',
  sessionId: 'ecs-execute-command-0123456789abcdef0',
  targetId: 'ecs:prod_0123456789abcdef_0123456789abcdef-1234567890',
  generateDataKey: (k, c, n) => kms.generateDataKey(k, c, n),
};

test('KMS data key splits into a decryption half and an encryption half that interoperate with the agent (unit)', () => {
  const key = randomBytes(64);
  const cipher = SessionCipher.fromDataKey(key);
  const fromAgent = agentSeal(key.subarray(0, 32), Buffer.from('agent output'));
  assert.equal(cipher.decrypt(fromAgent).toString(), 'agent output');
  const toAgent = cipher.encrypt(Buffer.from('ls -la\r'));
  assert.equal(agentOpen(key.subarray(32, 64), toAgent).toString(), 'ls -la\r');
  assert.equal(toAgent.length, 12 + 7 + 16, 'nonce + ciphertext + tag');
  assert.notDeepEqual(
    cipher.encrypt(Buffer.from('x')).subarray(0, 12),
    cipher.encrypt(Buffer.from('x')).subarray(0, 12),
  );
});

test('tampered ciphertext and wrong-size keys are rejected (unit)', () => {
  const cipher = SessionCipher.fromDataKey(randomBytes(64));
  assert.throws(() => SessionCipher.fromDataKey(randomBytes(32)), SessionCipherError);
  const sealed = agentSeal(randomBytes(32), Buffer.from('hello'));
  assert.throws(() => cipher.decrypt(sealed), /failed authentication/);
  assert.throws(() => cipher.decrypt(Buffer.alloc(5)), /too short/);
});

test('handshake without KMS accepts the session type and sends no key (unit)', async () => {
  const out = await processHandshakeRequest(
    {
      AgentVersion: '3.3.0.0',
      RequestedClientActions: [{ ActionType: 'SessionType', ActionParameters: { SessionType: 'InteractiveCommands' } }],
    },
    { ...ctx, generateDataKey: () => Promise.reject(new Error('must not be called')) },
  );
  assert.equal(out.sessionType, 'InteractiveCommands');
  assert.equal(out.cipher, undefined);
  assert.deepEqual(out.response, {
    ClientVersion: '1.2.677.0',
    ProcessedClientActions: [{ ActionType: 'SessionType', ActionStatus: 1, Error: '' }],
    Errors: [],
  });
});

test('KMS handshake asks for 64 bytes with the session encryption context and returns the blob (unit)', async () => {
  const before = kms.calls.length;
  const out = await processHandshakeRequest(
    {
      RequestedClientActions: [
        { ActionType: 'SessionType', ActionParameters: { SessionType: 'Standard_Stream' } },
        { ActionType: 'KMSEncryption', ActionParameters: { KMSKeyId: kms.keyId } },
      ],
    },
    ctx,
  );
  assert.deepEqual(kms.calls.slice(before), [
    {
      keyId: kms.keyId,
      numberOfBytes: 64,
      context: { 'aws:ssm:SessionId': ctx.sessionId, 'aws:ssm:TargetId': ctx.targetId },
    },
  ]);
  const action = out.response.ProcessedClientActions[1] as {
    ActionStatus: number;
    ActionResult: { KMSCipherTextKey: string };
  };
  assert.equal(action.ActionStatus, 1);
  const agentKey = kms.decrypt(Buffer.from(action.ActionResult.KMSCipherTextKey, 'base64'), kmsContext());
  assert.equal(agentKey.length, 64);
  // The agent's challenge, sealed with its encryption half (our decryption half), comes back sealed with ours.
  const challenge = randomBytes(64);
  const request = Buffer.from(
    JSON.stringify({ Challenge: agentSeal(agentKey.subarray(0, 32), challenge).toString('base64') }),
  );
  const reply = JSON.parse(answerChallenge(request, out.cipher!).toString()) as { Challenge: string };
  assert.deepEqual(agentOpen(agentKey.subarray(32, 64), Buffer.from(reply.Challenge, 'base64')), challenge);
});

function kmsContext(): Record<string, string> {
  return { 'aws:ssm:SessionId': ctx.sessionId, 'aws:ssm:TargetId': ctx.targetId };
}

test('a failing KMS call becomes a failed action, and unknown actions are unsupported (unit)', async () => {
  const out = await processHandshakeRequest(
    {
      RequestedClientActions: [
        { ActionType: 'KMSEncryption', ActionParameters: { KMSKeyId: 'arn:aws:kms:us-east-1:1:key/other' } },
        { ActionType: 'Teleport' },
      ],
    },
    ctx,
  );
  assert.equal(out.cipher, undefined);
  assert.deepEqual(
    out.response.ProcessedClientActions.map((a) => a.ActionStatus),
    [2, 3],
  );
  assert.match(out.response.Errors[0], /KMSEncryption failed: NotFoundException/);
});
