import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseForward, type PortForwardDeps } from '../../../client/src/portForward/flow';
import type { ExecApi, ExecUi } from '../../../client/src/exec/ports';
import type { PickItem } from '../../../client/src/ui/port';

const CLUSTER = 'arn:aws:ecs:us-east-1:1:cluster/prod';
const TASK = 'arn:aws:ecs:us-east-1:1:task/prod/0123456789abcdef';
const node = {
  kind: 'container',
  clusterArn: CLUSTER,
  taskArn: TASK,
  containerName: 'web',
  runtimeId: 'rt',
  region: 'us-east-1',
};

function deps(
  answers: { pick: (items: PickItem<unknown>[]) => unknown; inputs: string[] },
  store = new Map<string, unknown>(),
) {
  const shown: string[][] = [];
  const api = {
    region: 'us-east-1',
    describeTask: () =>
      Promise.resolve({
        taskArn: TASK,
        clusterArn: CLUSTER,
        lastStatus: 'RUNNING',
        enableExecuteCommand: true,
        group: 'service:web',
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:1:task-definition/web:3',
        containers: [
          {
            name: 'web',
            runtimeId: 'rt',
            lastStatus: 'RUNNING',
            managedAgents: [{ name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }],
          },
        ],
      }),
    describeTaskDefinition: () =>
      Promise.resolve({
        info: { containerDefinitions: [{ name: 'web' }], taskRoleArn: 'arn:aws:iam::1:role/r' },
        raw: { containerDefinitions: [{ name: 'web', portMappings: [{ containerPort: 8080, name: 'http' }] }] },
      }),
    describeCluster: () => Promise.resolve({ clusterArn: CLUSTER }),
  } as unknown as ExecApi;
  const inputs = [...answers.inputs];
  const d: PortForwardDeps = {
    apiFor: () => api,
    ui: {
      presentFindings: () => Promise.resolve('continue'),
      showError: (m: string) => assert.fail(m),
    } as unknown as ExecUi,
    settings: () => ({
      command: '',
      useSessionManagerPlugin: false,
      sessionManagerPluginPath: '',
      simulateIamPolicies: false,
    }),
    defaultTarget: () => ({ region: 'us-east-1' }),
    portUi: {
      pick: (items) => {
        shown.push(items.map((i) => `${i.label} | ${i.description ?? ''}`));
        return Promise.resolve(answers.pick(items as PickItem<unknown>[]) as never);
      },
      input: () => Promise.resolve(inputs.shift()),
    },
    recent: {
      get: <T>(k: string) => store.get(k) as T | undefined,
      update: (k, v) => Promise.resolve(void store.set(k, v)),
    },
    log: () => undefined,
  };
  return { d, shown, store };
}

test('Forward Port…: the mapped port first; choices are remembered for the service and offered next time (unit)', async () => {
  const first = deps({ pick: (items) => items[0].value, inputs: ['0'] });
  const c = await chooseForward(first.d, node);
  assert.deepEqual([c?.portNumber, c?.localPortNumber, c?.host], [8080, 0, undefined]);
  assert.match(first.shown[0][0], /^8080 \| web port mapping \(http\)/);
  assert.deepEqual(
    first.shown[0].slice(-2).map((l) => l.split(' | ')[0]),
    ['Another port in the task…', 'A remote host through the task…'],
  );
  // A remote host, typed: remembered for service:web and offered on the next run, after the mapped port.
  const second = deps({ pick: (items) => items.at(-1)!.value, inputs: ['db.internal', '5432', '15432'] }, first.store);
  const r = await chooseForward(second.d, node);
  assert.deepEqual([r?.host, r?.portNumber, r?.localPortNumber], ['db.internal', 5432, 15432]);
  const third = deps({ pick: () => undefined, inputs: [] }, second.store);
  assert.equal(await chooseForward(third.d, node), undefined);
  assert.deepEqual(
    third.shown[0].slice(0, 2).map((l) => l.split(' | ')[0]),
    ['8080', 'db.internal:5432'],
  );
  assert.match(third.shown[0][0], /recent/);
});
