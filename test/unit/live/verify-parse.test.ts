import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  manifestPlatforms,
  nearbyTags,
  parseEcrImage,
  parseRole,
  parseSecretSource,
  trustsEcsTasks,
} from '../../../client/src/verify/parse';

test('ECR image URIs: account, region, repository, tag or digest; other registries are not ECR (unit)', () => {
  assert.deepEqual(parseEcrImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api:2.4.1'), {
    registryId: '123456789012',
    region: 'eu-west-1',
    repository: 'team/api',
    tag: '2.4.1',
    digest: undefined,
  });
  const digest = `sha256:${'a'.repeat(64)}`;
  assert.equal(parseEcrImage(`123456789012.dkr.ecr.us-east-1.amazonaws.com/api@${digest}`)?.digest, digest);
  assert.equal(parseEcrImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/api')?.tag, 'latest');
  assert.equal(parseEcrImage('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/api:1')?.region, 'cn-north-1');
  assert.equal(parseEcrImage('public.ecr.aws/nginx/nginx:1.27'), undefined);
  assert.equal(parseEcrImage('nginx:1.27'), undefined);
  assert.equal(parseEcrImage('ghcr.io/org/app:1'), undefined);
});

test('secret valueFrom: Secrets Manager ARN with JSON-key/version suffixes, SSM ARN or name (unit)', () => {
  const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
  assert.deepEqual(parseSecretSource(`${arn}:password:AWSPREVIOUS:`), {
    kind: 'secretsmanager',
    secretId: arn,
    region: 'us-east-1',
    account: '123456789012',
    jsonKey: 'password',
    versionStage: 'AWSPREVIOUS',
    versionId: undefined,
  });
  assert.equal(parseSecretSource(arn)?.kind, 'secretsmanager');
  assert.deepEqual(parseSecretSource('arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password'), {
    kind: 'ssm',
    name: '/app/db/password',
    region: 'eu-west-1',
    account: '123456789012',
    arn: 'arn:aws:ssm:eu-west-1:123456789012:parameter/app/db/password',
  });
  assert.equal(
    (parseSecretSource('arn:aws:ssm:eu-west-1:123456789012:parameter/token') as { name: string }).name,
    'token',
  );
  assert.deepEqual(parseSecretSource('/app/token'), { kind: 'ssm', name: '/app/token' });
  assert.equal(parseSecretSource('arn:aws:s3:::bucket/key'), undefined);
});

test('roles: ARN with path or a name; trust policies that let ecs-tasks assume the role (unit)', () => {
  assert.deepEqual(parseRole('arn:aws:iam::123456789012:role/service-role/exec'), {
    name: 'exec',
    account: '123456789012',
  });
  assert.deepEqual(parseRole('ecsTaskExecutionRole'), { name: 'ecsTaskExecutionRole' });
  const trust = (principal: unknown, action: unknown = 'sts:AssumeRole', effect = 'Allow') =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: principal, Action: action }] });
  assert.ok(trustsEcsTasks(trust({ Service: 'ecs-tasks.amazonaws.com' })));
  assert.ok(
    trustsEcsTasks(trust({ Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] }, ['sts:AssumeRole'])),
  );
  assert.ok(!trustsEcsTasks(trust({ Service: 'ecs.amazonaws.com' })));
  assert.ok(!trustsEcsTasks(trust({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:AssumeRole', 'Deny')));
  assert.ok(!trustsEcsTasks(trust({ Service: 'ecs-tasks.amazonaws.com' }, 'sts:TagSession')));
  assert.ok(!trustsEcsTasks('not json'));
});

test('manifest platforms: Docker manifest lists and OCI indexes, attestations left out; single manifests unknown (unit)', () => {
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: 'sha256:1', platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
      { digest: 'sha256:2', platform: { architecture: 'unknown', os: 'unknown' } },
    ],
  });
  assert.deepEqual(manifestPlatforms(index), [{ architecture: 'arm64', os: 'linux', variant: 'v8' }]);
  assert.equal(manifestPlatforms(JSON.stringify({ schemaVersion: 2, config: {}, layers: [] })), undefined);
});

test('nearby tags: the neighbours where the missing tag would sort, in natural order (unit)', () => {
  assert.deepEqual(nearbyTags('2.4.1', ['1.0.0', '2.4.0', '2.4.2', '2.10.0', 'latest'], 2), ['2.4.0', '2.4.2']);
  assert.deepEqual(nearbyTags('9.9', ['1.0', '2.0']), ['1.0', '2.0']);
  assert.deepEqual(nearbyTags('x', []), []);
});
