import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isBlocking,
  requiredCallerActions,
  requiredTaskRoleActions,
  runPreflight,
  summarize,
  detailsText,
  SUMMARY_MAX,
  type PreflightInput,
} from '../../../client/src/exec/preflight';

const CLUSTER = 'arn:aws:ecs:us-east-1:111122223333:cluster/prod';
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef';
const ROLE = 'arn:aws:iam::111122223333:role/web-task';

function ready(): PreflightInput {
  return {
    containerName: 'app',
    task: {
      taskArn: TASK,
      clusterArn: CLUSTER,
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      enableExecuteCommand: true,
      group: 'service:web',
      taskDefinitionArn: 'arn:td/web:3',
      containers: [
        {
          name: 'app',
          runtimeId: '0123456789abcdef-1',
          managedAgents: [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }],
        },
      ],
    },
    taskDefinition: {
      taskDefinitionArn: 'arn:td/web:3',
      taskRoleArn: ROLE,
      containerDefinitions: [{ name: 'app', initProcessEnabled: true }],
    },
    cluster: {
      clusterArn: CLUSTER,
      clusterName: 'prod',
      executeCommandConfiguration: { kmsKeyId: 'arn:kms:key', logging: 'DEFAULT' },
    },
  };
}
const ids = (input: PreflightInput) => runPreflight(input).map((f) => `${f.severity}:${f.id}`);

test('a ready task passes with no findings (unit)', () => {
  assert.deepEqual(ids(ready()), []);
});

test('exec disabled on a service task offers to enable it on the service and redeploy (unit)', () => {
  const input = ready();
  input.task.enableExecuteCommand = false;
  input.task.containers[0].managedAgents = [];
  const findings = runPreflight(input);
  assert.deepEqual(
    findings.map((f) => f.id),
    ['exec/enabled', 'exec/agent-running'],
  );
  assert.deepEqual(findings[0].fix, {
    title: 'Enable ECS Exec on service web and redeploy',
    action: 'enableExecOnService',
    clusterArn: CLUSTER,
    service: 'web',
  });
  assert.ok(isBlocking(findings));
  assert.match(summarize(findings), /started without ECS Exec.*\(\+1 more: exec\/agent-running\)/);
});

test('a service that already has exec: the fix is a new deployment, not enabling it again (unit)', () => {
  const input = ready();
  input.task.enableExecuteCommand = false;
  input.task.containers[0].managedAgents = [];
  input.serviceExecEnabled = true;
  const findings = runPreflight(input);
  for (const f of findings)
    assert.deepEqual(f.fix, {
      title: 'Redeploy service web (force new deployment)',
      action: 'redeployService',
      clusterArn: CLUSTER,
      service: 'web',
    });
  assert.match(findings[0].message, /Service web has ECS Exec on, but this task was started before it was turned on/);
  // Or stop just this task: the service replaces it with one that has ECS Exec.
  assert.deepEqual(findings[0].alternative, {
    title: 'Stop task 01234567 (service web starts a new one)',
    action: 'stopTask',
    clusterArn: CLUSTER,
    taskArn: TASK,
    service: 'web',
  });
  assert.match(
    detailsText(findings),
    /- Fix: Redeploy service web \(force new deployment\)\n {2}- Or: Stop task 01234567/,
  );
  // A service without ECS Exec: enabling it is the fix, and stopping the task alone would not help.
  input.serviceExecEnabled = false;
  assert.equal(runPreflight(input)[0].alternative, undefined);
});

test('several findings: a one-line summary that fits a toast, and every finding in full in the details (unit)', () => {
  const input = ready();
  input.task.enableExecuteCommand = false;
  input.task.containers[0].managedAgents = [];
  input.task.platformVersion = '1.3.0';
  const findings = runPreflight(input);
  const line = summarize(findings);
  assert.ok(line.length <= SUMMARY_MAX, line);
  assert.match(line, /\(\+\d more: /);
  const details = detailsText(findings);
  for (const f of findings) {
    assert.ok(details.includes(f.message), f.id);
    if (f.fix) assert.ok(details.includes(f.fix.title));
  }
});

test('a standalone task without exec offers a new task instead (unit)', () => {
  const input = ready();
  input.task.enableExecuteCommand = false;
  input.task.group = 'family:web';
  assert.equal(runPreflight(input)[0].fix?.action, 'runNewTaskWithExec');
});

test('task status, platform version and agent status are checked (unit)', () => {
  const input = ready();
  input.task.lastStatus = 'PENDING';
  input.task.platformVersion = '1.3.0';
  input.task.containers[0].managedAgents = [
    { name: 'ExecuteCommandAgent', lastStatus: 'STOPPED', reason: 'agent crashed' },
  ];
  const findings = runPreflight(input);
  assert.deepEqual(
    findings.map((f) => f.id),
    ['exec/task-running', 'exec/pv', 'exec/agent-running'],
  );
  assert.equal(findings[0].fix?.action, 'retry');
  assert.match(findings[1].message, /1\.3\.0.*1\.4\.0 or later/);
  assert.match(findings[2].message, /STOPPED \(agent crashed\)/);
});

test('Windows tasks need platform version 1.0.0 and skip the init-process advice (unit)', () => {
  const input = ready();
  input.task.platformFamily = 'WINDOWS_SERVER_2022_CORE';
  input.task.platformVersion = '1.0.0';
  input.taskDefinition!.operatingSystemFamily = 'WINDOWS_SERVER_2022_CORE';
  input.taskDefinition!.containerDefinitions[0].initProcessEnabled = false;
  assert.deepEqual(ids(input), []);
});

test('task-definition problems: no task role, read-only root, no init, pidMode task, AWS keys (unit)', () => {
  const input = ready();
  input.taskDefinition = {
    taskDefinitionArn: 'arn:td/web:3',
    pidMode: 'task',
    containerDefinitions: [
      {
        name: 'app',
        readonlyRootFilesystem: true,
        environmentNames: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'PORT'],
      },
    ],
  };
  assert.deepEqual(ids(input), [
    'error:exec/task-role',
    'warning:exec/readonly-root',
    'warning:exec/aws-keys-env',
    'warning:exec/pid-mode-task',
    'info:exec/init-process',
  ]);
  const keys = runPreflight(input).find((f) => f.id === 'exec/aws-keys-env')!;
  assert.match(keys.message, /AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY/);
  assert.deepEqual(keys.fix, {
    title: 'Show task definition',
    action: 'showTaskDefinition',
    taskDefinitionArn: 'arn:td/web:3',
  });
});

test('a task role override counts as a task role (unit)', () => {
  const input = ready();
  delete input.taskDefinition!.taskRoleArn;
  input.task.taskRoleOverride = ROLE;
  assert.deepEqual(ids(input), []);
});

test('required IAM actions follow the cluster exec configuration (unit)', () => {
  assert.deepEqual(requiredTaskRoleActions({ clusterArn: CLUSTER, executeCommandConfiguration: { logging: 'NONE' } }), [
    'ssmmessages:CreateControlChannel',
    'ssmmessages:CreateDataChannel',
    'ssmmessages:OpenControlChannel',
    'ssmmessages:OpenDataChannel',
  ]);
  const full = requiredTaskRoleActions({
    clusterArn: CLUSTER,
    executeCommandConfiguration: { kmsKeyId: 'k', logging: 'OVERRIDE', cloudWatchLogGroupName: 'g', s3BucketName: 'b' },
  });
  assert.ok(['kms:Decrypt', 'logs:PutLogEvents', 's3:PutObject'].every((a) => full.includes(a)));
  assert.deepEqual(requiredCallerActions(ready().cluster), ['ecs:ExecuteCommand', 'kms:GenerateDataKey']);
});

test('IAM simulation denials become findings with a policy fix (unit)', () => {
  const input = ready();
  input.taskRoleSimulation = requiredTaskRoleActions(input.cluster).map((action) => ({
    action,
    decision: action === 'ssmmessages:OpenDataChannel' ? 'implicitDeny' : 'allowed',
  }));
  input.callerSimulation = [
    { action: 'ecs:ExecuteCommand', decision: 'allowed' },
    { action: 'kms:GenerateDataKey', decision: 'explicitDeny' },
  ];
  const findings = runPreflight(input);
  assert.deepEqual(
    findings.map((f) => f.id),
    ['exec/ssmmessages-perms', 'exec/caller-perms'],
  );
  assert.deepEqual(findings[0].fix, {
    title: 'Show the missing policy',
    action: 'showIamPolicy',
    principal: ROLE,
    actions: ['ssmmessages:OpenDataChannel'],
  });
  assert.match(findings[1].message, /kms:GenerateDataKey/);
});

test('missing cluster exec configuration is info only, and unknown exec state is a warning (unit)', () => {
  const input = ready();
  input.cluster = { clusterArn: CLUSTER, clusterName: 'prod' };
  delete input.task.enableExecuteCommand;
  assert.deepEqual(ids(input), ['warning:exec/enabled', 'info:exec/cluster-config']);
  assert.equal(isBlocking(runPreflight(input)), false);
});
