import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));

test('task/family-required flags a missing family and invalid characters (unit)', () => {
  const missing = td({ family: undefined });
  const f1 = only(lint(missing), 'task/family-required');
  assert.equal(f1.length, 1);
  assert.equal(textAt(missing, f1[0]), '{');
  const bad = td({ family: 'my app.v2' });
  const f2 = only(lint(bad), 'task/family-required');
  assert.equal(f2.length, 1);
  assert.equal(textAt(bad, f2[0]), '"my app.v2"');
  assert.match(f2[0].message, /invalid characters/);
});

test('task/family-required stays silent for a valid family and for templated ones (unit)', () => {
  assert.equal(only(lint(td({ family: 'web_api-2' })), 'task/family-required').length, 0);
  assert.equal(only(lint(td({ family: '{{ must_env `FAMILY` }}' })), 'task/family-required').length, 0);
});

test('task/container-definitions-required flags an empty array, not a filled one (unit)', () => {
  const text = td({ containerDefinitions: [] });
  const f = only(lint(text), 'task/container-definitions-required');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '[]');
  assert.equal(only(lint(td()), 'task/container-definitions-required').length, 0);
});

test('task/max-containers flags 11 containers, not 10 (unit)', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: 'nginx', essential: i === 0 }));
  const text = td({ containerDefinitions: many(11) });
  const f = only(lint(text), 'task/max-containers');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"containerDefinitions"');
  assert.equal(only(lint(td({ containerDefinitions: many(10) })), 'task/max-containers').length, 0);
});

test('task/tags flags the aws: prefix and long keys, not ordinary tags (unit)', () => {
  const text = td({
    tags: [
      { key: 'aws:owner', value: 'x' },
      { key: 'k'.repeat(129), value: 'y' },
    ],
  });
  const f = only(lint(text), 'task/tags');
  assert.equal(f.length, 2);
  assert.equal(textAt(text, f[0]), '"aws:owner"');
  assert.equal(
    only(
      lint(
        td({
          tags: [
            { key: 'team', value: 'platform / web' },
            { key: 'cost-center', value: '' },
          ],
        }),
      ),
      'task/tags',
    ).length,
    0,
  );
});

test('task/role-arn-format flags a bad account id, accepts task role names and placeholders (unit)', () => {
  const text = td({ executionRoleArn: 'arn:aws:iam::12345:role/exec' });
  const f = only(lint(text), 'task/role-arn-format');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /not 12 digits/);
  assert.equal(f[0].severity, 'warning');
  assert.equal(only(lint(td({ taskRoleArn: 'my-app-role' })), 'task/role-arn-format').length, 0);
  assert.equal(
    only(lint(td({ executionRoleArn: 'arn:aws:iam::XXXXXXXXXXXX:role/exec' })), 'task/role-arn-format').length,
    0,
  );
  assert.equal(
    only(lint(td({ taskRoleArn: 'arn:aws-cn:iam::123456789012:role/path/app' })), 'task/role-arn-format').length,
    0,
  );
});

test('task/exec-role-same-as-task-role notes equal roles only (unit)', () => {
  const arn = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
  const f = only(lint(td({ taskRoleArn: arn })), 'task/exec-role-same-as-task-role');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.equal(
    only(lint(td({ taskRoleArn: 'arn:aws:iam::123456789012:role/app' })), 'task/exec-role-same-as-task-role').length,
    0,
  );
});

const describeCopy = (): string =>
  json({
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
    ...fargateTaskDef(),
    revision: 3,
    status: 'ACTIVE',
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: '2024-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:iam::123456789012:user/me',
  });

test('task/readonly-fields reports once and the fix strips all read-only fields (unit)', () => {
  const text = describeCopy();
  const f = only(lint(text), 'task/readonly-fields');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"taskDefinitionArn"');
  assert.match(f[0].message, /revision, status, compatibilities, registeredAt, registeredBy/);
  assert.equal(f[0].fixes?.[0].isPreferred, true);
  const fixed = applyFix(text, 'task/readonly-fields');
  const parsed = JSON.parse(fixed);
  for (const k of ['taskDefinitionArn', 'revision', 'status', 'compatibilities', 'registeredAt', 'registeredBy'])
    assert.equal(k in parsed, false, k);
  assert.equal(parsed.family, 'web');
  assert.equal(only(lint(fixed), 'task/readonly-fields').length, 0);
});

test('task/readonly-fields stays silent on a register input (unit)', () => {
  assert.equal(only(lint(td()), 'task/readonly-fields').length, 0);
});

test('task/readonly-fields finds fields inside a wrapped describe output (unit)', () => {
  const text = json({ taskDefinition: { ...fargateTaskDef(), revision: 1, status: 'ACTIVE' }, tags: [] });
  const f = only(lint(text), 'task/readonly-fields');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /wrapped/);
  const fixed = applyFix(text, 'task/readonly-fields');
  assert.deepEqual(Object.keys(JSON.parse(fixed).taskDefinition).includes('revision'), false);
});
