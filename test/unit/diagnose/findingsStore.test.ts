/**
 * (unit) The stopped tasks the explorer loads become findings of producer `diagnose`: opening a service's
 * "Recently stopped" folder publishes them (no AWS call of their own), Dismiss hides one, an untrusted
 * workspace gets none, a connection change clears them, and the store stays bounded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Task } from '../../../client/src/aws/types';
import { feedFromExplorer } from '../../../client/src/diagnose/explorerFeed';
import type { DiagnoseFinding } from '../../../client/src/diagnose/findings';
import { DiagnoseFindingsStore, MAX_TASKS } from '../../../client/src/diagnose/findingsStore';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { addCluster } from '../explorer/fakeAccount';
import { FakeAws } from '../explorer/fakeAws';

const NOW = Date.parse('2026-12-04T22:00:00Z');

function oomTask(i: number, family = 'web'): Task {
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${i.toString(16).padStart(32, '0')}`,
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:3`,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    stoppedAt: new Date(NOW - i * 60_000),
    containers: [
      {
        name: 'app',
        lastStatus: 'STOPPED',
        exitCode: 137,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
      },
    ],
  };
}

function store(trusted = true): { s: DiagnoseFindingsStore; sent: DiagnoseFinding[][] } {
  const sent: DiagnoseFinding[][] = [];
  const s = new DiagnoseFindingsStore(
    (p) => {
      assert.equal(p.producer, 'diagnose');
      sent.push(p.findings);
    },
    () => trusted,
    () => NOW,
  );
  return { s, sent };
}

test('opening "Recently stopped" publishes its tasks as findings, with no call of its own (unit)', async () => {
  const fake = new FakeAws();
  const model = new ExplorerModel(
    fake.factory,
    () => [{ profile: undefined, region: 'us-east-1' }],
    () => ({ pageSize: 100, concurrency: 4, showStoppedTasks: true }),
  );
  const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
  const tasks = fake.region('us-east-1').tasks.get(c.clusterArn)!;
  Object.assign(tasks[0], { ...oomTask(12), taskArn: tasks[0].taskArn });
  const { s, sent } = store();
  feedFromExplorer(model, s);
  const kid = async (p: ExplorerNode | undefined, kind: string): Promise<ExplorerNode> =>
    (await model.getChildren(p)).find((n) => n.kind === kind)!;
  const [root] = await model.getChildren();
  const service = await kid(await kid(await kid(await kid(root, 'clusters'), 'cluster'), 'services'), 'service');
  assert.equal(sent.length, 0, 'nothing before a stopped task is seen');
  const folder = await kid(service, 'stoppedTasks');
  const calls = fake.calls.length;
  await model.getChildren(folder);
  assert.deepEqual(
    fake.calls.slice(calls).map((x) => x.op),
    ['ListTasks', 'DescribeTasks'],
  );
  assert.equal(sent.length, 1);
  assert.equal(sent[0][0].ruleId, 'live/oom');
  assert.match(sent[0][0].message, /^stopped 12 min ago in prod\/svc-0: OutOfMemoryError/);
});

test('Dismiss hides a finding until the connection changes; seeing the same tasks again publishes nothing new (unit)', () => {
  const { s, sent } = store();
  s.seen([
    { task: oomTask(1), where: 'prod/web', region: 'us-east-1' },
    { task: oomTask(2, 'api'), where: 'prod/api', region: 'us-east-1' },
  ]);
  assert.equal(sent.at(-1)!.length, 2);
  const web = sent.at(-1)!.find((f) => f.anchor.family === 'web')!;
  assert.equal(s.dismiss({ related: web.related[0].message }), true);
  assert.deepEqual(
    sent.at(-1)!.map((f) => f.anchor.family),
    ['api'],
  );
  const count = sent.length;
  s.seen([{ task: oomTask(1), where: 'prod/web', region: 'us-east-1' }]);
  assert.equal(sent.length, count, 'unchanged: not sent again');
  assert.equal(s.dismiss({ related: 'task arn:aws:ecs:gone' }), false);
  s.clear();
  assert.deepEqual(sent.at(-1), []);
});

test('an untrusted workspace gets no finding; the store keeps at most MAX_TASKS tasks (unit)', () => {
  const untrusted = store(false);
  untrusted.s.seen([{ task: oomTask(1), where: 'prod/web', region: 'us-east-1' }]);
  assert.deepEqual(untrusted.sent, []);
  const { s } = store();
  s.seen(
    Array.from({ length: MAX_TASKS + 50 }, (_, i) => ({
      task: oomTask(i + 1, `f${i}`),
      where: 'prod',
      region: 'us-east-1',
    })),
  );
  const families = new Set(s.current().map((f) => f.anchor.family));
  assert.ok(families.size <= MAX_TASKS);
  assert.ok(families.has('f0'), 'the newest are kept');
  assert.ok(!families.has(`f${MAX_TASKS + 49}`), 'the oldest are dropped');
});
