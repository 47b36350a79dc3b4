import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LIVE_FINDINGS_NOTIFICATION,
  LIVE_REFERENCES_REQUEST,
  type LiveFindingsParams,
  type LiveReferencesResult,
} from '../../server/src/protocol';
import { FIXTURES, startClient } from './client';

test('live findings sent per producer show at their members and are cleared per producer (lsp)', async () => {
  const client = await startClient(FIXTURES);
  try {
    const { uri } = await client.open('uploads-task-def.json');
    const first = await client.diagnostics(uri);
    const roleFinding = {
      ruleId: 'live/role-not-found',
      message: 'role not found',
      anchor: { uri, path: 'executionRoleArn' },
    };
    const send = (p: LiveFindingsParams) => client.connection.sendNotification(LIVE_FINDINGS_NOTIFICATION, p);
    await send({
      producer: 'verify',
      uris: [uri],
      findings: [roleFinding],
    });
    await send({
      producer: 'diagnose',
      findings: [
        {
          ruleId: 'live/image-pull',
          message: 'stopped: CannotPullContainerError',
          anchor: { family: 'uploads', members: ['image'] },
        },
      ],
    });
    const both = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'live/image-pull'));
    const role = both.diagnostics.find((d) => d.code === 'live/role-not-found');
    assert.ok(role, JSON.stringify(both.diagnostics.map((d) => d.code)));
    assert.equal(role.source, 'fargate-lens');
    // Clearing one producer leaves the other's findings (each predicate only matches a publish made after the step).
    await send({ producer: 'verify', findings: [] });
    const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => String(d.code));
    await client.diagnostics(
      uri,
      (p) => codes(p).includes('live/image-pull') && !codes(p).includes('live/role-not-found'),
    );
    await send({ producer: 'diagnose', findings: [] });
    await send({ producer: 'verify', uris: [uri], findings: [roleFinding] });
    const last = await client.diagnostics(
      uri,
      (p) => codes(p).includes('live/role-not-found') && !codes(p).includes('live/image-pull'),
    );
    assert.equal(last.diagnostics.length, first.diagnostics.length + 1);
  } finally {
    await client.stop();
  }
});

test('liveReferences answers the references of the open file with their anchors (lsp)', async () => {
  const client = await startClient(FIXTURES);
  try {
    const { uri } = await client.open('uploads-task-def.json');
    const r = await client.connection.sendRequest<LiveReferencesResult>(LIVE_REFERENCES_REQUEST, { uri });
    const image = r.references.find((x) => x.kind === 'image');
    assert.equal(image?.value, '123456789012.dkr.ecr.us-east-1.amazonaws.com/uploads:1.4.2');
    assert.equal(image?.anchor.uri, uri);
    assert.ok(r.references.some((x) => x.kind === 'role' && x.anchor.path === 'executionRoleArn'));
    const none = await client.connection.sendRequest<LiveReferencesResult>(LIVE_REFERENCES_REQUEST, { uri: 42 });
    assert.deepEqual(none.references, []);
  } finally {
    await client.stop();
  }
});
