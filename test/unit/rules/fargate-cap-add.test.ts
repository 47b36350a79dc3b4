import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const withCaps = (add: string[], patch: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, { linuxParameters: { capabilities: { add } } }));

test('fargate/cap-add flags NET_ADMIN at the token (unit)', () => {
  const text = withCaps(['NET_ADMIN']);
  const found = only(lint(text), 'fargate/cap-add');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"NET_ADMIN"');
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /only SYS_PTRACE/);
});

test('fargate/cap-add stays silent for SYS_PTRACE and for EC2 task definitions (unit)', () => {
  assert.equal(only(lint(withCaps(['SYS_PTRACE'])), 'fargate/cap-add').length, 0);
  assert.equal(only(lint(withCaps(['NET_ADMIN'], { requiresCompatibilities: ['EC2'] })), 'fargate/cap-add').length, 0);
});

test('fargate/cap-add fixes CAP_SYS_PTRACE to SYS_PTRACE and removal re-validates clean (unit)', () => {
  const fixed = applyFix(withCaps(['CAP_SYS_PTRACE']), 'fargate/cap-add', 'Replace CAP_SYS_PTRACE with SYS_PTRACE');
  assert.equal(only(lint(fixed), 'fargate/cap-add').length, 0);
  assert.match(fixed, /"SYS_PTRACE"/);
  const removed = applyFix(
    withCaps(['SYS_PTRACE', 'NET_ADMIN']),
    'fargate/cap-add',
    'Remove NET_ADMIN from capabilities.add',
  );
  assert.equal(only(lint(removed), 'fargate/cap-add').length, 0);
  assert.doesNotThrow(() => JSON.parse(removed));
});

test('fargate/cap-add applies when a FARGATE service launches an untagged task definition (unit)', async () => {
  const { lintWith } = await import('../helpers');
  const td = json({
    ...fargateTaskDef({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } }),
    requiresCompatibilities: undefined,
  });
  const svc = json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web:3',
    launchType: 'FARGATE',
    desiredCount: 1,
  });
  const found = only(
    lintWith({ uri: 'file:///ws/td.json', text: td }, [{ uri: 'file:///ws/svc.json', text: svc }]),
    'fargate/cap-add',
  );
  assert.equal(found.length, 1);
});
