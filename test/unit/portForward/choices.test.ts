import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mappedPorts,
  offers,
  pluginPortCommand,
  portError,
  readRecent,
  recentKey,
  remember,
} from '../../../client/src/portForward/choices';

test('mapped ports: the chosen container first, each port once, with its mapping name (unit)', () => {
  const raw = {
    containerDefinitions: [
      { name: 'sidecar', portMappings: [{ containerPort: 9000 }, { containerPort: 8080 }] },
      { name: 'web', portMappings: [{ containerPort: 8080, name: 'http', appProtocol: 'http' }] },
    ],
  };
  assert.deepEqual(
    mappedPorts(raw, 'web').map((p) => [p.portNumber, p.source]),
    [
      [8080, 'web port mapping (http, http)'],
      [9000, 'sidecar port mapping'],
    ],
  );
  assert.deepEqual(mappedPorts(undefined), []);
});

test('recent choices per service: newest first, no duplicates, at most five, merged into the offers (unit)', async () => {
  const m = new Map<string, unknown>();
  const store = {
    get: <T>(k: string) => m.get(k) as T | undefined,
    update: async (k: string, v: unknown) => void m.set(k, v),
  };
  const key = recentKey({ group: 'service:web', taskArn: 'arn:aws:ecs:r:1:task/c/abc' });
  assert.equal(key, 'fargateLens.portForward.recent.service:web');
  assert.equal(
    recentKey({ taskDefinitionArn: 'arn:aws:ecs:r:1:task-definition/web:7', taskArn: 'x' }),
    'fargateLens.portForward.recent.family:web',
  );
  for (const p of [1, 2, 3, 4, 5, 6, 2]) await remember(store, key, { portNumber: p });
  await remember(store, key, { portNumber: 5432, host: 'db.internal' });
  assert.deepEqual(
    readRecent(store, key).map((r) => [r.portNumber, r.host]),
    [
      [5432, 'db.internal'],
      [2, undefined],
      [6, undefined],
      [5, undefined],
      [4, undefined],
    ],
  );
  const merged = offers([{ portNumber: 2, source: 'web port mapping' }], readRecent(store, key));
  assert.equal(merged[0].source, 'web port mapping, recent');
  assert.equal(merged.length, 5);
});

test('port validation and the plugin argv of aws ssm start-session (unit)', () => {
  assert.equal(portError('8080', false), undefined);
  assert.equal(portError('0', true), undefined);
  assert.ok(portError('0', false));
  assert.ok(portError('70000', true));
  assert.ok(portError('80a', true));
  const cmd = pluginPortCommand({
    pluginPath: '',
    session: { sessionId: 's', streamUrl: 'wss://x', tokenValue: 't' },
    region: 'eu-west-1',
    profile: 'dev',
    target: 'ecs:c_t_r',
    documentName: 'AWS-StartPortForwardingSessionToRemoteHost',
    parameters: { portNumber: ['5432'], localPortNumber: ['15432'], host: ['db'] },
    ssmEndpointUrl: 'https://ssm.eu-west-1.amazonaws.com',
  });
  assert.equal(cmd.command, 'session-manager-plugin');
  assert.deepEqual(cmd.args.slice(1, 4), ['eu-west-1', 'StartSession', 'dev']);
  assert.deepEqual(JSON.parse(cmd.args[0]), { SessionId: 's', TokenValue: 't', StreamUrl: 'wss://x' });
  assert.deepEqual(JSON.parse(cmd.args[4]), {
    Target: 'ecs:c_t_r',
    DocumentName: 'AWS-StartPortForwardingSessionToRemoteHost',
    Parameters: { portNumber: ['5432'], localPortNumber: ['15432'], host: ['db'] },
  });
  assert.equal(cmd.args[5], 'https://ssm.eu-west-1.amazonaws.com');
});

test('pre-flight for a port session asks the caller for ssm:StartSession, not ecs:ExecuteCommand (unit)', async () => {
  const { runPreflight } = await import('../../../client/src/exec/preflight');
  const task = {
    taskArn: 'arn:aws:ecs:us-east-1:1:task/c/t',
    clusterArn: 'arn:aws:ecs:us-east-1:1:cluster/c',
    lastStatus: 'RUNNING',
    enableExecuteCommand: true,
    containers: [
      {
        name: 'app',
        runtimeId: 'r',
        lastStatus: 'RUNNING',
        managedAgents: [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }],
      },
    ],
  };
  const callerSimulation = [
    { action: 'ecs:ExecuteCommand', decision: 'implicitDeny' as const },
    { action: 'ssm:StartSession', decision: 'allowed' as const },
  ];
  const perms = (f: { id: string }[]) => f.filter((x) => x.id === 'exec/caller-perms');
  assert.equal(perms(runPreflight({ task, containerName: 'app', callerSimulation })).length, 1);
  assert.deepEqual(
    perms(runPreflight({ task, containerName: 'app', callerSimulation, callerActions: ['ssm:StartSession'] })),
    [],
  );
});
