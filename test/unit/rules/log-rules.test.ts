import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const OPTS = { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' };
const withLog = (logConfiguration: unknown, patch: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, { logConfiguration }));
const EC2 = { requiresCompatibilities: ['EC2'], networkMode: 'bridge' };

test('log/fargate-driver flags json-file on Fargate, quoting the API (unit)', () => {
  const text = withLog({ logDriver: 'json-file' });
  const found = only(lint(text), 'log/fargate-driver');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"json-file"');
  assert.match(found[0].message, /supported log drivers are awslogs, splunk, and awsfirelens/);
  assert.equal(only(lint(withLog({ logDriver: 'json-file' }, EC2)), 'log/fargate-driver').length, 0);
  assert.equal(
    only(
      lint(withLog({ logDriver: 'splunk', options: { 'splunk-url': 'https://x', 'splunk-token': 't' } })),
      'log/fargate-driver',
    ).length,
    0,
  );
});

test('log/driver-enum flags unknown drivers and fixes the case (unit)', () => {
  const text = withLog({ logDriver: 'AWSLOGS', options: OPTS });
  const found = only(lint(text), 'log/driver-enum');
  assert.equal(found.length, 1);
  assert.equal(only(lint(applyFix(text, 'log/driver-enum')), 'log/driver-enum').length, 0);
  assert.equal(only(lint(withLog({ logDriver: 'awslogs', options: OPTS })), 'log/driver-enum').length, 0);
});

test('log/awslogs-required-opts flags a missing region and, on Fargate, prefix (unit)', () => {
  const text = withLog({ logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } });
  const found = only(lint(text), 'log/awslogs-required-opts');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"options"');
  assert.match(found[0].message, /awslogs-region.*awslogs-stream-prefix/);
  assert.equal(
    only(
      lint(withLog({ logDriver: 'awslogs', options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1' } }, EC2)),
      'log/awslogs-required-opts',
    ).length,
    0,
  );
  assert.equal(only(lint(withLog({ logDriver: 'awslogs', options: OPTS })), 'log/awslogs-required-opts').length, 0);
});

test('log/awslogs-option-names flags a typo and renames it (unit)', () => {
  const text = withLog({ logDriver: 'awslogs', options: { ...OPTS, 'awslogs-create-groups': 'true' } });
  const found = only(lint(text), 'log/awslogs-option-names');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"awslogs-create-groups"');
  assert.equal(only(lint(applyFix(text, 'log/awslogs-option-names')), 'log/awslogs-option-names').length, 0);
  assert.equal(
    only(
      lint(withLog({ logDriver: 'awslogs', options: { ...OPTS, mode: 'non-blocking', 'max-buffer-size': '25m' } })),
      'log/awslogs-option-names',
    ).length,
    0,
  );
});

test('log/awslogs-exclusive flags both multiline options (unit)', () => {
  const text = withLog({
    logDriver: 'awslogs',
    options: { ...OPTS, 'awslogs-datetime-format': '%Y', 'awslogs-multiline-pattern': '^x' },
  });
  const found = only(lint(text), 'log/awslogs-exclusive');
  assert.equal(found.length, 1);
  assert.equal(only(lint(applyFix(text, 'log/awslogs-exclusive')), 'log/awslogs-exclusive').length, 0);
  assert.equal(
    only(
      lint(withLog({ logDriver: 'awslogs', options: { ...OPTS, 'awslogs-multiline-pattern': '^x' } })),
      'log/awslogs-exclusive',
    ).length,
    0,
  );
});

test('log/create-group-perm is info for awslogs-create-group true only (unit)', () => {
  const found = only(
    lint(withLog({ logDriver: 'awslogs', options: { ...OPTS, 'awslogs-create-group': 'true' } })),
    'log/create-group-perm',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(
    only(
      lint(withLog({ logDriver: 'awslogs', options: { ...OPTS, 'awslogs-create-group': 'false' } })),
      'log/create-group-perm',
    ).length,
    0,
  );
});

test('log/missing is info for a container without logConfiguration (unit)', () => {
  const found = only(lint(withLog(undefined)), 'log/missing');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(only(lint(withLog({ logDriver: 'awslogs', options: OPTS })), 'log/missing').length, 0);
});

const router = (extra: Record<string, unknown> = {}) => ({
  name: 'log_router',
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
  essential: true,
  firelensConfiguration: { type: 'fluentbit' },
  ...extra,
});
const firelensTd = (containers: Record<string, unknown>[], patch: Record<string, unknown> = {}) => {
  const base = fargateTaskDef(patch, {
    logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } },
  }) as { containerDefinitions: unknown[] };
  return json({ ...base, containerDefinitions: [...base.containerDefinitions, ...containers] });
};

test('firelens/router-present flags awsfirelens without a router, silent with one (unit)', () => {
  const text = firelensTd([]);
  const found = only(lint(text), 'firelens/router-present');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"awsfirelens"');
  assert.equal(only(lint(firelensTd([router()])), 'firelens/router-present').length, 0);
});

test('firelens/router-present: two routers error, non-essential router info with fix (unit)', () => {
  assert.equal(only(lint(firelensTd([router(), router({ name: 'second' })])), 'firelens/router-present').length, 1);
  const text = firelensTd([router({ essential: false })]);
  const found = only(lint(text), 'firelens/router-present');
  assert.equal(found[0].severity, 'info');
  assert.equal(only(lint(applyFix(text, 'firelens/router-present')), 'firelens/router-present').length, 0);
});

test('firelens/fargate-file-only flags s3 config on Fargate, not file (unit)', () => {
  const s3 = firelensTd([
    router({
      firelensConfiguration: {
        type: 'fluentbit',
        options: { 'config-file-type': 's3', 'config-file-value': 'arn:aws:s3:::b/x.conf' },
      },
    }),
  ]);
  assert.equal(only(lint(s3), 'firelens/fargate-file-only').length, 1);
  const file = firelensTd([
    router({
      firelensConfiguration: {
        type: 'fluentbit',
        options: { 'config-file-type': 'file', 'config-file-value': '/extra.conf' },
      },
    }),
  ]);
  assert.equal(only(lint(file), 'firelens/fargate-file-only').length, 0);
  const reserved = firelensTd([
    router({
      firelensConfiguration: {
        type: 'fluentbit',
        options: { 'config-file-type': 'file', 'config-file-value': '/fluent-bit/etc/fluent-bit.conf' },
      },
    }),
  ]);
  assert.equal(only(lint(reserved), 'firelens/fargate-file-only').length, 1);
});

test('firelens/windows flags FireLens on Windows only (unit)', () => {
  const win = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' }, cpu: '1024', memory: '2048' };
  assert.equal(only(lint(firelensTd([router()], win)), 'firelens/windows').length, 2);
  assert.equal(only(lint(firelensTd([router()])), 'firelens/windows').length, 0);
});
