import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPluginCommand, runPlugin } from '../../../client/src/exec/plugin';
import { narrowTarget, simulatablePrincipal, ssmTargetId } from '../../../client/src/exec/target';

const CLUSTER = 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod';
const TASK = 'arn:aws:ecs:eu-west-1:111122223333:task/prod/abc123';

test('session-manager-plugin gets the full modern argument list as data (unit)', () => {
  const cmd = buildPluginCommand({
    pluginPath: '/opt/smp/bin/session-manager-plugin',
    session: {
      sessionId: 'ecs-execute-command-1',
      streamUrl: 'wss://ssmmessages.eu-west-1.amazonaws.com/v1/data-channel/x',
      tokenValue: 'tok',
    },
    region: 'eu-west-1',
    profile: 'dev',
    clusterArn: CLUSTER,
    taskArn: TASK,
    runtimeId: 'abc123-42',
    ssmEndpointUrl: 'https://ssm.eu-west-1.amazonaws.com',
  });
  assert.equal(cmd.command, '/opt/smp/bin/session-manager-plugin');
  assert.equal(cmd.args.length, 6, 'argv[0] + 6 = the modern form the plugin needs for KMS');
  assert.deepEqual(JSON.parse(cmd.args[0]), {
    SessionId: 'ecs-execute-command-1',
    StreamUrl: 'wss://ssmmessages.eu-west-1.amazonaws.com/v1/data-channel/x',
    TokenValue: 'tok',
  });
  assert.deepEqual(cmd.args.slice(1, 4), ['eu-west-1', 'StartSession', 'dev']);
  assert.equal(cmd.args[4], '{"Target":"ecs:prod_abc123_abc123-42"}');
  assert.equal(cmd.args[5], 'https://ssm.eu-west-1.amazonaws.com');
});

test('the plugin runs from an argument array, so shell metacharacters stay literal (unit)', async () => {
  let out = '';
  const code = await runPlugin(
    {
      command: process.execPath,
      args: ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$(touch /tmp/x); echo hi', 'a b'],
    },
    (t) => void (out += t),
  );
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(out), ['$(touch /tmp/x); echo hi', 'a b']);
  await assert.rejects(
    runPlugin({ command: '/nonexistent/session-manager-plugin', args: ['SECRET-ARG'] }, () => undefined),
    (e: Error) => !e.message.includes('SECRET-ARG'),
  );
});

test('tree-node arguments are narrowed before use (unit)', () => {
  assert.deepEqual(
    narrowTarget({
      kind: 'container',
      clusterArn: CLUSTER,
      taskArn: TASK,
      containerName: 'app',
      region: 'eu-west-1',
      runtimeId: 7,
    }),
    {
      kind: 'container',
      clusterArn: CLUSTER,
      taskArn: TASK,
      containerName: 'app',
      region: 'eu-west-1',
      profile: undefined,
      runtimeId: undefined,
    },
  );
  assert.equal(narrowTarget({ kind: 'task', clusterArn: CLUSTER, taskArn: TASK, region: 'eu-west-1' })?.kind, 'task');
  // The explorer's own nodes: region/profile in conn, the task ARN in task, the container in container.
  const conn = { region: 'eu-west-1', profile: 'dev' };
  assert.deepEqual(
    narrowTarget({
      kind: 'container',
      id: 'x',
      conn,
      clusterArn: CLUSTER,
      taskArn: TASK,
      container: { name: 'app', runtimeId: 'abc123-1' },
    }),
    {
      kind: 'container',
      clusterArn: CLUSTER,
      taskArn: TASK,
      containerName: 'app',
      region: 'eu-west-1',
      profile: 'dev',
      runtimeId: 'abc123-1',
    },
  );
  assert.deepEqual(
    narrowTarget({ kind: 'task', id: 'x', conn, clusterArn: CLUSTER, task: { taskArn: TASK, lastStatus: 'RUNNING' } }),
    {
      kind: 'task',
      clusterArn: CLUSTER,
      taskArn: TASK,
      region: 'eu-west-1',
      profile: 'dev',
    },
  );
  for (const bad of [
    undefined,
    'x',
    {},
    { kind: 'container', clusterArn: CLUSTER, taskArn: TASK, region: 'eu-west-1' },
    { kind: 'cluster', clusterArn: CLUSTER, taskArn: TASK, region: 'r' },
  ]) {
    assert.equal(narrowTarget(bad), undefined);
  }
});

test('SSM target ids and simulatable principals (unit)', () => {
  assert.equal(ssmTargetId({ clusterArn: CLUSTER, taskArn: TASK, runtimeId: 'abc123-1' }), 'ecs:prod_abc123_abc123-1');
  assert.equal(
    simulatablePrincipal('arn:aws:sts::111122223333:assumed-role/Dev/me@example.com'),
    'arn:aws:iam::111122223333:role/Dev',
  );
  assert.equal(simulatablePrincipal('arn:aws:iam::111122223333:user/alice'), 'arn:aws:iam::111122223333:user/alice');
  assert.equal(simulatablePrincipal('arn:aws:sts::111122223333:federated-user/bob'), undefined);
});
