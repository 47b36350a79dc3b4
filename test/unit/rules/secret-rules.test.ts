import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const SM = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
const SSM = 'arn:aws:ssm:us-east-1:123456789012:parameter/app/db';
const withSecrets = (secrets: unknown[], patch: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, { secrets }));

test('secret/value-from flags other services and malformed ARNs at the value (unit)', () => {
  const text = withSecrets([
    { name: 'A', valueFrom: 'arn:aws:kms:us-east-1:123456789012:key/abc' },
    { name: 'B', valueFrom: 'arn:aws:secretsmanager:us-east-1:db' },
    { name: 'C', valueFrom: 'has space' },
  ]);
  const found = only(lint(text), 'secret/value-from');
  assert.equal(found.length, 3);
  assert.equal(textAt(text, found[0]), '"arn:aws:kms:us-east-1:123456789012:key/abc"');
  assert.match(found[0].message, /kms/);
});

test('secret/value-from accepts SM and SSM ARNs, bare names and placeholders (unit)', () => {
  const text = withSecrets([
    { name: 'A', valueFrom: SM },
    { name: 'B', valueFrom: SSM },
    { name: 'C', valueFrom: '/app/db' },
    { name: 'D', valueFrom: '${SECRET_ARN}' },
    { name: 'E', valueFrom: `${SM}:password::` },
  ]);
  assert.equal(only(lint(text), 'secret/value-from').length, 0);
});

test('secret/value-from is a warning for a sample account id (unit)', () => {
  const found = only(
    lint(withSecrets([{ name: 'A', valueFrom: 'arn:aws:ssm:us-east-1:ACCOUNT_NUMBER:parameter/x' }])),
    'secret/value-from',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
});

test('secret/sm-suffix-colons flags a JSON key without the version fields and completes it (unit)', () => {
  const text = withSecrets([{ name: 'PASSWORD', valueFrom: `${SM}:password` }]);
  const found = only(lint(text), 'secret/sm-suffix-colons');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /password::/);
  const fixed = applyFix(text, 'secret/sm-suffix-colons');
  assert.equal(only(lint(fixed), 'secret/sm-suffix-colons').length, 0);
  assert.equal(
    only(lint(withSecrets([{ name: 'P', valueFrom: `${SM}:password:AWSCURRENT:` }])), 'secret/sm-suffix-colons').length,
    0,
  );
  assert.equal(
    only(lint(withSecrets([{ name: 'P', valueFrom: `${SM}:password:AWSCURRENT:abc` }])), 'secret/sm-suffix-colons')
      .length,
    1,
  );
});

test('secret/sm-json-key-pv flags a JSON key when a service pins 1.3.0, related to the service (unit)', () => {
  const td = { uri: 'file:///ws/td.json', text: withSecrets([{ name: 'P', valueFrom: `${SM}:password::` }]) };
  const svc = {
    uri: 'file:///ws/svc.json',
    text: json({ serviceName: 'web', taskDefinition: 'web', launchType: 'FARGATE', platformVersion: '1.3.0' }),
  };
  const found = only(lintWith(td, [svc]), 'secret/sm-json-key-pv');
  assert.equal(found.length, 1);
  assert.equal(found[0].related?.[0].uri, svc.uri);
  const latest = {
    uri: svc.uri,
    text: json({ serviceName: 'web', taskDefinition: 'web', launchType: 'FARGATE', platformVersion: 'LATEST' }),
  };
  assert.equal(only(lintWith(td, [latest]), 'secret/sm-json-key-pv').length, 0);
});

test('secret/name-unique flags duplicates and missing members (unit)', () => {
  const text = withSecrets([{ name: 'A', valueFrom: SM }, { name: 'A', valueFrom: SSM }, { name: 'B' }]);
  const found = only(lint(text), 'secret/name-unique');
  assert.equal(found.length, 2);
  assert.equal(
    only(
      lint(
        withSecrets([
          { name: 'A', valueFrom: SM },
          { name: 'B', valueFrom: SSM },
        ]),
      ),
      'secret/name-unique',
    ).length,
    0,
  );
});

test('exec-role/awslogs quotes AWS and stays silent with a role or on EC2 (unit)', () => {
  const text = json({ ...fargateTaskDef(), executionRoleArn: undefined });
  const found = only(lint(text), 'exec-role/awslogs');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"awslogs"');
  assert.match(
    found[0].message,
    /Fargate requires task definition to have execution role ARN to support log driver awslogs\./,
  );
  assert.equal(only(lint(json(fargateTaskDef())), 'exec-role/awslogs').length, 0);
  assert.equal(
    only(
      lint(json({ ...fargateTaskDef({ requiresCompatibilities: ['EC2'] }), executionRoleArn: undefined })),
      'exec-role/awslogs',
    ).length,
    0,
  );
});

test('exec-role/ecr flags private ECR without a role, not public ECR (unit)', () => {
  const ecr = json({
    ...fargateTaskDef({}, { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1' }),
    executionRoleArn: undefined,
  });
  const found = only(lint(ecr), 'exec-role/ecr');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /execution role ARN to support ECR images\./);
  const templated = json({
    ...fargateTaskDef({}, { image: '${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/app:1' }),
    executionRoleArn: undefined,
  });
  assert.equal(only(lint(templated), 'exec-role/ecr').length, 1);
  assert.equal(only(lint(json({ ...fargateTaskDef(), executionRoleArn: undefined })), 'exec-role/ecr').length, 0);
});

test('exec-role/secrets flags secrets without a role, silent with one (unit)', () => {
  const text = json({
    ...fargateTaskDef({}, { secrets: [{ name: 'A', valueFrom: SM }], logConfiguration: undefined }),
    executionRoleArn: undefined,
  });
  const found = only(lint(text), 'exec-role/secrets');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"secrets"');
  assert.equal(only(lint(withSecrets([{ name: 'A', valueFrom: SM }])), 'exec-role/secrets').length, 0);
});

test('envfile/rules flags type, value and Windows; fixes s3:// URLs (unit)', () => {
  const text = json(fargateTaskDef({}, { environmentFiles: [{ type: 'S3', value: 's3://bucket/app.env' }] }));
  const found = only(lint(text), 'envfile/rules');
  assert.equal(found.length, 2);
  let fixed = applyFix(text, 'envfile/rules', 'Change type to s3');
  fixed = applyFix(fixed, 'envfile/rules', 'Convert to an S3 object ARN');
  assert.equal(only(lint(fixed), 'envfile/rules').length, 0);
  const win = json(
    fargateTaskDef(
      { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' }, cpu: '1024', memory: '2048' },
      { environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::b/app.env' }] },
    ),
  );
  assert.equal(only(lint(win), 'envfile/rules').length, 1);
  assert.equal(
    only(
      lint(json(fargateTaskDef({}, { environmentFiles: [{ type: 's3', value: 'arn:aws:s3:::b/app.env' }] }))),
      'envfile/rules',
    ).length,
    0,
  );
});

test('repo-creds/arn flags an SSM parameter, accepts a Secrets Manager ARN (unit)', () => {
  const text = json(fargateTaskDef({}, { repositoryCredentials: { credentialsParameter: SSM } }));
  const found = only(lint(text), 'repo-creds/arn');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /SSM parameter/);
  assert.equal(
    only(lint(json(fargateTaskDef({}, { repositoryCredentials: { credentialsParameter: SM } }))), 'repo-creds/arn')
      .length,
    0,
  );
  assert.equal(
    only(
      lint(json(fargateTaskDef({}, { repositoryCredentials: { credentialsParameter: 'dockerhub-creds' } }))),
      'repo-creds/arn',
    ).length,
    0,
  );
});

test('repo-creds/arn only warns about an empty credentialsParameter and removes it (unit)', () => {
  const text = json(fargateTaskDef({}, { repositoryCredentials: { credentialsParameter: '' } }));
  const found = only(lint(text), 'repo-creds/arn');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.equal(only(lint(applyFix(text, 'repo-creds/arn')), 'repo-creds/arn').length, 0);
  assert.equal(
    only(
      lint(
        json({
          ...fargateTaskDef({}, { repositoryCredentials: { credentialsParameter: '' } }),
          executionRoleArn: undefined,
        }),
      ),
      'exec-role/secrets',
    ).length,
    0,
  );
});
