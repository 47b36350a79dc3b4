import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunk, collectPages, mapLimit } from '../../../client/src/aws/batch';
import { createAwsClientConfig, sanitizeEndpoint } from '../../../client/src/aws/clientConfig';
import { describeAwsError, redact } from '../../../client/src/aws/errors';
import { parseProfiles, resolveConnections } from '../../../client/src/aws/profiles';

describe('aws layer (unit)', () => {
  it('chunks, maps with bounded concurrency and collects pages', async () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([...Array(20).keys()], 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      await Promise.resolve();
      inFlight--;
      return i * 2;
    });
    assert.equal(peak, 3);
    assert.deepEqual(out.slice(0, 3), [0, 2, 4]);
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      '': { items: [1, 2], nextToken: 'a' },
      a: { items: [3], nextToken: 'b' },
      b: { items: [4] },
    };
    assert.deepEqual((await collectPages(async (t) => pages[t ?? ''])).items, [1, 2, 3, 4]);
    assert.deepEqual(await collectPages(async (t) => pages[t ?? ''], 2), { items: [1, 2], nextToken: 'a' });
  });

  it('parses profiles from config and credentials files, SSO and credential_process marked', () => {
    const config =
      '[default]\nregion = eu-west-1\n[profile dev]\nsso_session = corp\nregion=us-east-2\n[sso-session corp]\nsso_start_url = https://x\n[profile tool]\ncredential_process = /bin/creds\n';
    const creds =
      '[default]\naws_access_key_id = AKIAXXXXXXXXXXXXXXXX\naws_secret_access_key = secret\n[ci]\naws_access_key_id = A\n';
    const profiles = parseProfiles(config, creds);
    assert.deepEqual(
      profiles.map((p) => p.name),
      ['default', 'ci', 'dev', 'tool'],
    );
    assert.equal(profiles.find((p) => p.name === 'dev')?.sso, true);
    assert.equal(profiles.find((p) => p.name === 'tool')?.process, true);
    assert.ok(!JSON.stringify(profiles).includes('secret'), 'no secret values kept');
  });

  it('resolves connections: choice, then AWS_PROFILE/AWS_REGION, then profile region, then us-east-1', () => {
    const profiles = parseProfiles('[profile dev]\nregion = ap-south-1\n', '');
    assert.deepEqual(
      resolveConnections({ profile: 'dev', regions: ['eu-west-1', 'us-west-2', 'eu-west-1'] }, {}, profiles).map(
        (c) => c.region,
      ),
      ['eu-west-1', 'us-west-2'],
    );
    assert.deepEqual(resolveConnections({}, { AWS_PROFILE: 'dev' }, profiles), [
      { profile: 'dev', region: 'ap-south-1' },
    ]);
    assert.deepEqual(resolveConnections({}, { AWS_PROFILE: 'dev', AWS_REGION: 'eu-north-1' }, profiles), [
      { profile: 'dev', region: 'eu-north-1' },
    ]);
    assert.deepEqual(resolveConnections({}, {}, []), [{ profile: undefined, region: 'us-east-1' }]);
  });

  it('classifies errors with a fix and never leaks credentials', () => {
    const sso = describeAwsError(
      new Error('The SSO session associated with this profile has expired or is otherwise invalid.'),
      'corp',
    );
    assert.equal(sso.kind, 'sso-expired');
    assert.equal(sso.fix, 'Run: aws sso login --profile corp');
    assert.equal(
      describeAwsError(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })).kind,
      'throttled',
    );
    assert.equal(
      describeAwsError(Object.assign(new Error('no'), { name: 'AccessDeniedException' })).kind,
      'access-denied',
    );
    assert.equal(
      describeAwsError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })).kind,
      'network',
    );
    assert.match(
      describeAwsError(Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 500 } }))
        .message,
      /HTTP 500/,
    );
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD' + 'x'.repeat(120);
    const text = redact(
      `key AKIAIOSFODNN7EXAMPLE secret ${secret} token ${token} url ?X-Amz-Security-Token=abc&x=1 arn:aws:ecs:us-east-1:1:task/prod/0123456789abcdef0123456789abcdef`,
    );
    for (const s of ['AKIAIOSFODNN7EXAMPLE', secret, token.slice(0, 30), 'abc&'])
      assert.ok(!text.includes(s), `${s} leaked in ${text}`);
    assert.ok(text.includes('task/prod/0123456789abcdef0123456789abcdef'), 'ARNs are kept');
  });

  it('builds client config with adaptive retry; endpoints only http(s) without userinfo', async () => {
    assert.equal(sanitizeEndpoint('http://127.0.0.1:5000/'), 'http://127.0.0.1:5000');
    assert.equal(sanitizeEndpoint('file:///etc/passwd'), undefined);
    assert.equal(sanitizeEndpoint('https://user:pw@evil.example'), undefined);
    assert.equal(sanitizeEndpoint(''), undefined);
    const creds = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' });
    const cfg = await createAwsClientConfig(
      { profile: undefined, region: 'eu-west-1' },
      { endpoint: 'http://localhost:4566' },
      creds,
    );
    assert.deepEqual(
      { ...cfg, credentials: undefined },
      {
        region: 'eu-west-1',
        endpoint: 'http://localhost:4566',
        retryMode: 'adaptive',
        maxAttempts: 5,
        credentials: undefined,
        requestHandler: { requestTimeout: 30000, connectionTimeout: 10000, throwOnRequestTimeout: true },
      },
    );
    const noEndpoint = await createAwsClientConfig({ profile: undefined, region: 'eu-west-1' }, {}, creds);
    assert.equal('endpoint' in noEndpoint, false, 'the SDK then honours AWS_ENDPOINT_URL itself');
  });

  it('loads no @aws-sdk module until the first AWS call', async () => {
    const before = Object.keys(require.cache).filter((k) => k.includes('@aws-sdk')).length;
    await import('../../../client/src/aws/factory');
    await import('../../../client/src/explorer/model');
    await import('../../../client/src/commands/index');
    const after = Object.keys(require.cache).filter((k) => k.includes('@aws-sdk')).length;
    assert.equal(after, before);
    // The measurement is real: the first API use does load the SDK.
    const { createApiFactory } = await import('../../../client/src/aws/factory');
    const factory = createApiFactory(() => ({ endpoint: 'http://127.0.0.1:9' }));
    await factory.get({ profile: undefined, region: 'us-east-1' });
    assert.ok(Object.keys(require.cache).filter((k) => k.includes('@aws-sdk/client-ecs')).length > 0);
    factory.dispose();
  });
});
