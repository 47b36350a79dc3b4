import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));

test('ctr/credential-specs flags two entries and a missing prefix; accepts the documented form (unit)', () => {
  const f = only(
    lint(td({}, { credentialSpecs: ['arn:aws:ssm:us-east-1:123456789012:parameter/spec', 'x'] })),
    'ctr/credential-specs',
  );
  assert.equal(f.length, 3);
  assert.equal(
    only(
      lint(td({}, { credentialSpecs: ['credentialspecdomainless:arn:aws:ssm:us-east-1:123456789012:parameter/gmsa'] })),
      'ctr/credential-specs',
    ).length,
    0,
  );
});

test('ctr/version-consistency flags a wrong value with a case fix (unit)', () => {
  const text = td({}, { versionConsistency: 'Enabled' });
  assert.equal(only(lint(text), 'ctr/version-consistency').length, 1);
  assert.equal(only(lint(applyFix(text, 'ctr/version-consistency')), 'ctr/version-consistency').length, 0);
  assert.equal(only(lint(td({}, { versionConsistency: 'disabled' })), 'ctr/version-consistency').length, 0);
});

test('ctr/restart-policy requires enabled and clamps the attempt period (unit)', () => {
  const text = td({}, { restartPolicy: { restartAttemptPeriod: 30 } });
  const f = only(lint(text), 'ctr/restart-policy');
  assert.equal(f.length, 2);
  const once = applyFix(text, 'ctr/restart-policy');
  const twice = applyFix(once, 'ctr/restart-policy');
  assert.equal(only(lint(twice), 'ctr/restart-policy').length, 0);
  assert.equal(
    only(
      lint(td({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 60, ignoredExitCodes: [0] } })),
      'ctr/restart-policy',
    ).length,
    0,
  );
});

test('ctr/stop-timeout and ctr/start-timeout flag values outside 2-120 on Fargate and clamp them (unit)', () => {
  const text = td({}, { stopTimeout: 300, startTimeout: 1 });
  const stop = only(lint(text), 'ctr/stop-timeout');
  assert.equal(stop.length, 1);
  assert.equal(textAt(text, stop[0]), '300');
  assert.equal(only(lint(applyFix(text, 'ctr/stop-timeout')), 'ctr/stop-timeout').length, 0);
  assert.equal(only(lint(text), 'ctr/start-timeout').length, 1);
  assert.equal(only(lint(applyFix(text, 'ctr/start-timeout')), 'ctr/start-timeout').length, 0);
  assert.equal(
    only(
      lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' }, { stopTimeout: 300 })),
      'ctr/stop-timeout',
    ).length,
    0,
  );
  assert.equal(only(lint(td({}, { stopTimeout: 120, startTimeout: 2 })), 'ctr/start-timeout').length, 0);
});

test('ctr/ulimits flags unknown names, soft above hard, and Fargate nofile above 1048576 (unit)', () => {
  const text = td(
    {},
    {
      ulimits: [
        { name: 'NOFILE', softLimit: 2000000, hardLimit: 2000000 },
        { name: 'nproc', softLimit: 10, hardLimit: 5 },
      ],
    },
  );
  const f = only(lint(text), 'ctr/ulimits');
  assert.equal(f.length, 3);
  assert.equal(
    only(lint(td({}, { ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 65535 }] })), 'ctr/ulimits').length,
    0,
  );
  assert.equal(only(lint(td({}, { ulimits: null })), 'ctr/ulimits').length, 0);
});

test('ctr/docker-labels flags a number value and quotes it (unit)', () => {
  const text = td({}, { dockerLabels: { 'com.example.port': 8080, team: 'web' } });
  const f = only(lint(text), 'ctr/docker-labels');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '8080');
  assert.equal(only(lint(applyFix(text, 'ctr/docker-labels')), 'ctr/docker-labels').length, 0);
  assert.equal(only(lint(td({}, { dockerLabels: { a: 'b' } })), 'ctr/docker-labels').length, 0);
});

test('ctr/env-dup flags a repeated variable and one also set as a secret (unit)', () => {
  const text = td(
    {},
    {
      environment: [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
        { name: 'DB_PASSWORD', value: 'x' },
      ],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
    },
  );
  assert.equal(only(lint(text), 'ctr/env-dup').length, 2);
  assert.equal(
    only(
      lint(
        td(
          {},
          {
            environment: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
        ),
      ),
      'ctr/env-dup',
    ).length,
    0,
  );
});

test('ctr/env-looks-secret flags DB_PASSWORD, not SECRET_ARN, empty values or PWD (unit)', () => {
  const text = td(
    {},
    {
      environment: [
        { name: 'DB_PASSWORD', value: 'hunter2' },
        { name: 'SECRET_ARN', value: 'arn:aws:secretsmanager:...' },
        { name: 'API_TOKEN', value: '' },
        { name: 'PWD', value: '/app' },
      ],
    },
  );
  const f = only(lint(text), 'ctr/env-looks-secret');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"DB_PASSWORD"');
  assert.equal(
    only(
      lint(
        td(
          {},
          {
            environment: [
              { name: 'JWT_SECRET_ARN', value: 'arn:aws:secretsmanager:us-east-1:1:secret:x' },
              { name: 'TOKEN_URL', value: 'https://x' },
            ],
          },
        ),
      ),
      'ctr/env-looks-secret',
    ).length,
    0,
  );
});

test('ctr/user-root notes explicit root per container and missing users once per task (unit)', () => {
  const f = only(lint(td({}, { user: '0' })), 'ctr/user-root');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  const missing = only(lint(td()), 'ctr/user-root');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /root unless the Dockerfile sets USER/);
  assert.equal(only(lint(td({}, { user: '1000:1000' })), 'ctr/user-root').length, 0);
});

test('ctr/readonly-root notes a writable root as info with a fix; silent when true or with ECS Exec (unit)', () => {
  const text = td();
  const f = only(lint(text), 'ctr/readonly-root');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.equal(only(lint(applyFix(text, 'ctr/readonly-root')), 'ctr/readonly-root').length, 0);
  assert.equal(only(lint(td({}, { readonlyRootFilesystem: true })), 'ctr/readonly-root').length, 0);
  const svc = json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    enableExecuteCommand: true,
  });
  assert.equal(
    only(
      lintWith({ uri: 'file:///ws/td.json', text }, [{ uri: 'file:///ws/svc.json', text: svc }]),
      'ctr/readonly-root',
    ).length,
    0,
  );
});
