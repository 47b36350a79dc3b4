/** (unit) A task definition whose awslogs-region is not the connection's region. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TaskDefinition } from '../../../client/src/aws/types';
import { lastLines, planLogs, readRange } from '../../../client/src/logs';
import { FakeLogs } from '../../fakes/fakeLogs';
import { CLUSTER, T0, WEB_TD, access, fakeEcs, running, taskArn } from './helpers';

const IN_EU: TaskDefinition = {
  ...WEB_TD,
  containerDefinitions: [
    {
      name: 'app',
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
      },
    },
  ],
};

describe('logs in another region than the connection (unit)', () => {
  it('reads the group in the region the options name, and says so with the member', async () => {
    const home = new FakeLogs();
    const eu = new FakeLogs('123456789012', 'eu-west-1');
    home.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'wrong region' }]);
    eu.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'from eu-west-1' }]);
    const a = access(fakeEcs([running('t1')], [IN_EU]), home, { 'eu-west-1': eu });
    const plan = await planLogs(a, { kind: 'task', cluster: CLUSTER, task: taskArn('t1') });
    assert.deepEqual(plan.notes, [
      'The logs are in eu-west-1 (containerDefinitions[0].logConfiguration.options["awslogs-region"]), not in the connection\'s region us-east-1: reading them from eu-west-1.',
    ]);
    const r = await readRange(a, plan, { startTime: T0, limit: 10 });
    assert.deepEqual(
      r.lines.map((l) => l.message),
      ['from eu-west-1'],
    );
  });

  it('a failure there names both regions', async () => {
    const stopped = { ...running('t1'), lastStatus: 'STOPPED', containers: [{ name: 'app', exitCode: 1 }] };
    const a = access(fakeEcs([stopped], [IN_EU]), new FakeLogs(), { 'eu-west-1': new FakeLogs() });
    const r = await lastLines(a, { kind: 'task', cluster: CLUSTER, task: taskArn('t1') });
    assert.equal(r.ok, false);
    assert.match(
      r.ok ? '' : r.reason,
      /Log group "\/ecs\/web" does not exist in eu-west-1 .* The task definition names region eu-west-1; the connection uses us-east-1\./,
    );
  });
});
