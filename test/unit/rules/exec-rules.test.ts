import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { fargateTaskDef, json, lintWith, only, textAt } from '../helpers';

const NET = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } };
const ROLE = 'arn:aws:iam::123456789012:role/app';
const svc = (patch: Record<string, unknown> = {}) =>
  json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    desiredCount: 1,
    networkConfiguration: NET,
    enableExecuteCommand: true,
    ...patch,
  });
const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  uri: 'file:///ws/td.json',
  text: json(
    fargateTaskDef({ taskRoleArn: ROLE, ...patch }, { linuxParameters: { initProcessEnabled: true }, ...container }),
  ),
});
const run = (text: string, t = td()) => lintWith({ uri: 'file:///ws/svc.json', text }, [t]);

test('exec/task-role flags exec without a task role at enableExecuteCommand, related to the task definition (unit)', () => {
  const text = svc();
  const found = only(run(text, td({ taskRoleArn: undefined })), 'exec/task-role');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(textAt(text, found[0]), 'true');
  assert.equal(found[0].related?.[0].uri, 'file:///ws/td.json');
});

test('exec/task-role is silent with a task role, an override, or exec off (unit)', () => {
  assert.equal(only(run(svc()), 'exec/task-role').length, 0);
  assert.equal(
    only(run(svc({ enableExecuteCommand: false }), td({ taskRoleArn: undefined })), 'exec/task-role').length,
    0,
  );
  const runTask = json({
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    networkConfiguration: NET,
    enableExecuteCommand: true,
    overrides: { taskRoleArn: ROLE },
  });
  assert.equal(only(run(runTask, td({ taskRoleArn: undefined })), 'exec/task-role').length, 0);
});

test('exec/pv flags a retired platform version and fixes it to LATEST (unit)', () => {
  const text = svc({ platformVersion: '1.3.0' });
  const found = only(run(text), 'exec/pv');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"1.3.0"');
  assert.equal(only(run(applyEdits(text, found[0].fixes![0].edits)), 'exec/pv').length, 0);
  assert.equal(only(run(svc({ platformVersion: '1.4.0' })), 'exec/pv').length, 0);
});

test('exec/readonly-root warns with related info at the container flag (unit)', () => {
  const t = td({}, { readonlyRootFilesystem: true });
  const found = only(run(svc(), t), 'exec/readonly-root');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  const r = found[0].related![0];
  assert.equal(t.text.slice(r.span.offset, r.span.offset + r.span.length), 'true');
  assert.equal(only(run(svc()), 'exec/readonly-root').length, 0);
});

test('exec/init-process is info without initProcessEnabled (unit)', () => {
  const found = only(run(svc(), td({}, { linuxParameters: {} })), 'exec/init-process');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(only(run(svc()), 'exec/init-process').length, 0);
});

test('exec/pid-mode-task warns for a multi-container task sharing PIDs (unit)', () => {
  const base = fargateTaskDef({ taskRoleArn: ROLE, pidMode: 'task' }) as { containerDefinitions: unknown[] };
  const two = {
    uri: 'file:///ws/td.json',
    text: json({
      ...base,
      containerDefinitions: [...base.containerDefinitions, { name: 'side', image: 'busybox', essential: false }],
    }),
  };
  assert.equal(only(run(svc(), two), 'exec/pid-mode-task').length, 1);
  assert.equal(only(run(svc()), 'exec/pid-mode-task').length, 0);
});

test('exec/aws-keys-env warns about static AWS keys in the environment (unit)', () => {
  const found = only(
    run(svc(), td({}, { environment: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIA...' }] })),
    'exec/aws-keys-env',
  );
  assert.equal(found.length, 1);
  assert.equal(
    only(run(svc(), td({}, { environment: [{ name: 'AWS_REGION', value: 'us-east-1' }] })), 'exec/aws-keys-env').length,
    0,
  );
});

test('exec/resources notes when containers reserve all task memory (unit)', () => {
  assert.equal(only(run(svc(), td({}, { memory: 512 })), 'exec/resources').length, 1);
  assert.equal(only(run(svc(), td({}, { memory: 256 })), 'exec/resources').length, 0);
});

test('exec/nano-server warns for a Nano Server image on Windows (unit)', () => {
  const win = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' }, cpu: '1024', memory: '2048' };
  assert.equal(
    only(
      run(svc(), td(win, { image: 'mcr.microsoft.com/windows/nanoserver:ltsc2019', linuxParameters: undefined })),
      'exec/nano-server',
    ).length,
    1,
  );
  assert.equal(
    only(
      run(svc(), td(win, { image: 'mcr.microsoft.com/windows/servercore:ltsc2019', linuxParameters: undefined })),
      'exec/nano-server',
    ).length,
    0,
  );
});
