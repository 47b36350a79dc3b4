/**
 * (unit) What a service shows of its rollout (deployments with counts, circuit breaker and reason; the
 * "Service events" folder, newest first with repeats shown once) and the "Recently stopped" folder
 * under "Standalone tasks" (stop code, whole reason, each container's exit code and reason), with the
 * calls they cost. Data shaped as DescribeServices / DescribeTasks return it (ECS API reference:
 * Service.deployments, Service.events, Task.stopCode, Container.exitCode/reason).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from '../../../client/src/aws/types';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { groupServiceEvents } from '../../../client/src/explorer/serviceEvents';
import { toTreeItem } from '../../../client/src/explorer/treeItems';
import { addCluster } from './fakeAccount';
import { FakeAws } from './fakeAws';

const NOW = Date.parse('2026-12-04T22:00:00Z');
const at = (minutesAgo: number): Date => new Date(NOW - minutesAgo * 60_000);
const REASON =
  'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/abc is not authorized to perform: secretsmanager:GetSecretValue';

function setup(showStoppedTasks: boolean): {
  fake: FakeAws;
  model: ExplorerModel;
  cluster: () => Promise<ExplorerNode>;
} {
  const fake = new FakeAws();
  const model = new ExplorerModel(
    fake.factory,
    () => [{ profile: undefined, region: 'us-east-1' }],
    () => ({ pageSize: 100, concurrency: 4, showStoppedTasks }),
  );
  const cluster = async (): Promise<ExplorerNode> => {
    const [root] = await model.getChildren();
    const clusters = (await model.getChildren(root)).find((n) => n.kind === 'clusters')!;
    return (await model.getChildren(clusters))[0];
  };
  return { fake, model, cluster };
}

const kid = async (model: ExplorerModel, parent: ExplorerNode, kind: string): Promise<ExplorerNode> => {
  const found = (await model.getChildren(parent)).find((n) => n.kind === kind);
  assert.ok(found, `no ${kind} under ${parent.id}`);
  return found;
};

describe('rollout and stopped tasks in the explorer (unit)', () => {
  it('a service lists its deployments first (state, counts, circuit breaker, whole reason), then tasks, events, recently stopped', async () => {
    const { fake, model, cluster } = setup(false);
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    const svc = fake.region('us-east-1').services.get(c.clusterArn)![0];
    const reason =
      'ECS deployment circuit breaker: tasks failed to start. Rolling back to deployment ecs-svc/111 (a long reason that must never be cut)';
    Object.assign(svc, {
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      deployments: [
        {
          id: 'ecs-svc/222',
          status: 'PRIMARY',
          rolloutState: 'FAILED',
          rolloutStateReason: reason,
          taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:8',
          desiredCount: 2,
          runningCount: 0,
          pendingCount: 1,
          failedTasks: 3,
        },
        {
          id: 'ecs-svc/111',
          status: 'ACTIVE',
          rolloutState: 'COMPLETED',
          taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
          desiredCount: 2,
          runningCount: 1,
        },
      ],
      events: [],
    } satisfies Partial<Service>);
    const service = await kid(model, await kid(model, await cluster(), 'services'), 'service');
    const calls = fake.calls.length;
    const kids = await model.getChildren(service);
    assert.deepEqual(
      kids.map((n) => n.kind),
      ['deployment', 'deployment', 'task', 'serviceEvents', 'stoppedTasks'],
    );
    const failed = toTreeItem(kids[0], undefined, NOW);
    assert.equal(failed.label, 'PRIMARY · web:8');
    assert.equal(failed.contextValue, 'fargateLens.deployment.failed');
    assert.ok(
      failed.description?.includes('FAILED · 0/2 running · 1 pending · 3 failed · circuit breaker on (rollback)'),
    );
    assert.ok(failed.description?.endsWith(reason), 'the whole rolloutStateReason');
    assert.ok(failed.tooltip?.includes('Rolling back to deployment ecs-svc/111'));
    assert.equal(toTreeItem(kids[1], undefined, NOW).contextValue, 'fargateLens.deployment.completed');
    assert.deepEqual(
      fake.calls.slice(calls).map((x) => x.op),
      ['ListTasks', 'DescribeTasks'],
      'deployments and events come with DescribeServices: no call of their own',
    );
  });

  it('"Service events": newest first, timestamps, a repeated text once with its count and first time', async () => {
    const { fake, model, cluster } = setup(false);
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1 });
    const unable =
      '(service svc-0) was unable to place a task because no container instance met all of its requirements.';
    fake.region('us-east-1').services.get(c.clusterArn)![0].events = [
      { id: 'e5', createdAt: at(1), message: unable },
      { id: 'e4', createdAt: at(4), message: '(service svc-0) (task 0f3c) failed container health checks.' },
      { id: 'e3', createdAt: at(6), message: unable },
      { id: 'e2', createdAt: at(11), message: unable },
      { id: 'e1', createdAt: at(30), message: '(service svc-0) has reached a steady state.' },
    ];
    const service = await kid(model, await kid(model, await cluster(), 'services'), 'service');
    const events = await model.getChildren(await kid(model, service, 'serviceEvents'));
    const items = events.map((n) => toTreeItem(n, undefined, NOW));
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        [unable, '×3 · 1m ago · 2026-12-04 21:59:00 UTC'],
        ['(service svc-0) (task 0f3c) failed container health checks.', '4m ago · 2026-12-04 21:56:00 UTC'],
        ['(service svc-0) has reached a steady state.', '30m ago · 2026-12-04 21:30:00 UTC'],
      ],
    );
    assert.ok(items[0].tooltip?.includes('Repeated 3 times since 2026-12-04 21:49:00 UTC'));
    assert.equal(items[0].icon?.id, 'warning');
  });

  it('groupServiceEvents sorts by time even when given out of order and keeps distinct texts apart', () => {
    const groups = groupServiceEvents([
      { message: 'b', createdAt: at(5) },
      { message: 'a', createdAt: at(1) },
      { message: 'b', createdAt: at(2) },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.event.message, g.count]),
      [
        ['a', 1],
        ['b', 2],
      ],
    );
  });

  it('"Standalone tasks" ends with "Recently stopped": the cluster\'s stopped tasks no service started, whole reason and exit codes', async () => {
    const { fake, model, cluster } = setup(true);
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', {
      services: 1,
      tasksPerService: 2,
      standalone: 2,
    });
    const tasks = fake.region('us-east-1').tasks.get(c.clusterArn)!;
    const stop = (i: number, minutesAgo: number, extra: object): void =>
      void Object.assign(tasks[i], {
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stoppedAt: at(minutesAgo),
        ...extra,
      });
    stop(0, 3, { stopCode: 'EssentialContainerExited', stoppedReason: 'service task' });
    stop(2, 20, {
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        {
          name: 'app',
          lastStatus: 'STOPPED',
          exitCode: 137,
          reason: 'OutOfMemoryError: Container killed due to memory usage',
        },
        { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 },
      ],
    });
    stop(3, 5, { stopCode: 'TaskFailedToStart', stoppedReason: REASON, containers: [] });
    const standalone = await kid(model, await cluster(), 'standaloneTasks');
    const kids = await model.getChildren(standalone);
    assert.deepEqual(
      kids.map((n) => (n.kind === 'message' ? n.message : n.kind)),
      ['No standalone tasks running', 'stoppedTasks'],
    );
    const before = fake.calls.length;
    const stopped = await model.getChildren(kids[1]);
    assert.deepEqual(
      fake.calls.slice(before).map((x) => x.op),
      ['ListTasks', 'DescribeTasks'],
    );
    assert.deepEqual(
      stopped.map((n) => (n.kind === 'task' ? n.task.stopCode : n.kind)),
      ['TaskFailedToStart', 'EssentialContainerExited'],
      'standalone only, newest first',
    );
    const failed = toTreeItem(stopped[0], undefined, NOW);
    assert.ok(failed.description?.includes(REASON), 'the whole reason, never truncated');
    const oom = toTreeItem(stopped[1], undefined, NOW);
    assert.ok(
      oom.tooltip?.includes('| Container app | exit 137 · OutOfMemoryError: Container killed due to memory usage |'),
    );
    assert.ok(oom.tooltip?.includes('| Container log-router | exit 0 |'));
    const app = (await model.getChildren(stopped[1]))[0];
    assert.ok(toTreeItem(app, undefined, NOW).description?.includes('exit 137 · OutOfMemoryError'));
  });

  it('with showStoppedTasks off, "Standalone tasks" has no stopped folder and the cluster lists RUNNING tasks only', async () => {
    const { fake, model, cluster } = setup(false);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { standalone: 1 });
    const kids = await model.getChildren(await kid(model, await cluster(), 'standaloneTasks'));
    assert.deepEqual(
      kids.map((n) => n.kind),
      ['task'],
    );
    assert.equal(fake.count('ListTasks'), 1, 'one ListTasks (RUNNING) for the cluster');
  });
  it('while a rollout is in progress its events are re-read (with back-off); once it completed nothing polls', async () => {
    const { fake, model, cluster } = setup(false);
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    const svc = fake.region('us-east-1').services.get(c.clusterArn)![0];
    svc.deployments = [
      { id: 'ecs-svc/2', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 1, runningCount: 1 },
    ];
    svc.events = [{ id: 'e1', createdAt: at(1), message: '(service svc-0) has started 1 tasks: (task 1).' }];
    let service = await kid(model, await kid(model, await cluster(), 'services'), 'service');
    assert.equal((await model.getChildren(await kid(model, service, 'serviceEvents'))).length, 1);
    svc.events = [
      { id: 'e2', createdAt: at(0), message: '(service svc-0) has reached a steady state.' },
      ...svc.events,
    ];
    svc.deployments = [{ ...svc.deployments[0], rolloutState: 'COMPLETED' }];
    const describes = fake.count('DescribeServices');
    assert.equal(model.refreshTransitional(NOW, 10_000), 1, 'the Services folder is re-read');
    service = await kid(model, await kid(model, await cluster(), 'services'), 'service');
    const events = await model.getChildren(await kid(model, service, 'serviceEvents'));
    assert.equal(fake.count('DescribeServices'), describes + 1);
    assert.deepEqual(
      events.map((n) => (n.kind === 'serviceEvent' ? n.event.id : n.kind)),
      ['e2', 'e1'],
    );
    assert.equal(model.refreshTransitional(NOW + 60_000, 10_000), 0, 'nothing in progress: no call');
    assert.equal(fake.count('DescribeServices'), describes + 1);
  });
});
