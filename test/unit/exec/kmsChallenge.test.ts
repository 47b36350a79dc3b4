import { test } from 'node:test';
import assert from 'node:assert/strict';
import { processHandshakeRequest } from '../../../client/src/exec/session/handshake';
import { AgentHandshake } from '../../fakes/fakeHandshake';
import { FakeKms } from '../../fakes/fakeKms';
import { connect, SESSION_ID, TARGET_ID } from './sessionHarness';

test('the agent random challenge goes into the KMS encryption context and is acknowledged (unit)', async () => {
  const h = await connect({ requireKmsChallengeResponse: true }, true);
  try {
    const [done] = (await h.agentEvent('handshake-complete')) as [{ challengeAcknowledged: boolean }];
    assert.equal(done.challengeAcknowledged, true);
    const context = h.kms.calls[0].context;
    assert.deepEqual(Object.keys(context).sort(), ['aws:ssm:RandomChallenge', 'aws:ssm:SessionId', 'aws:ssm:TargetId']);
    assert.equal(Buffer.from(context['aws:ssm:RandomChallenge'], 'base64').length, 16);
    h.channel.sendInput('echo sealed\r');
    await h.waitForText('sealed\r\n$ ');
  } finally {
    await h.dispose();
  }
});

test('an agent older than the challenge gets the two-key context and no acknowledgement (unit)', async () => {
  const h = await connect({ kmsChallenge: false }, true);
  try {
    const [done] = (await h.agentEvent('handshake-complete')) as [{ challengeAcknowledged: boolean }];
    assert.equal(done.challengeAcknowledged, false);
    assert.deepEqual(h.kms.calls[0].context, { 'aws:ssm:SessionId': SESSION_ID, 'aws:ssm:TargetId': TARGET_ID });
    await h.waitForText('$ ');
  } finally {
    await h.dispose();
  }
});

test('an agent requiring the challenge response refuses a client that ignores it, as the plugin does (unit)', async () => {
  const kms = new FakeKms();
  const agent = new AgentHandshake({
    sessionId: SESSION_ID,
    targetId: TARGET_ID,
    kms,
    requireKmsChallengeResponse: true,
  });
  const request = agent.request('InteractiveCommands', null) as {
    RequestedClientActions: { ActionType: string; ActionParameters: Record<string, unknown> }[];
  };
  // What session-manager-plugin 1.2.x answers: a data key made without the challenge, no acknowledgement.
  const kmsAction = request.RequestedClientActions[1];
  const { Challenge: _ignored, ...withoutChallenge } = kmsAction.ActionParameters;
  const outcome = await processHandshakeRequest(
    {
      RequestedClientActions: [
        request.RequestedClientActions[0],
        { ActionType: 'KMSEncryption', ActionParameters: withoutChallenge },
      ],
    },
    {
      clientVersion: '1.2.677.0',
      sessionId: SESSION_ID,
      targetId: TARGET_ID,
      generateDataKey: (k, c, n) => kms.generateDataKey(k, c, n),
    },
  );
  assert.deepEqual(agent.response(Buffer.from(JSON.stringify(outcome.response))), {
    error: 'client does not support required encryption context random challenge',
  });
});
