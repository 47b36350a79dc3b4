import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { ExplorerModel, transitionalDelayMs } from '../../../client/src/explorer/model';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { addCluster, addTaskDefinition } from './fakeAccount';
import { FakeAws } from './fakeAws';

const settings = { pageSize: 100, concurrency: 4, showStoppedTasks: false };
const conn = (region: string, profile?: string): Connection => ({ profile, region });

function setup(regions: string[] = ['us-east-1'], profile?: string): { fake: FakeAws; model: ExplorerModel } {
  const fake = new FakeAws();
  const model = new ExplorerModel(
    fake.factory,
    () => regions.map((r) => conn(r, profile)),
    () => settings,
  );
  return { fake, model };
}

async function child(model: ExplorerModel, parent: ExplorerNode, kind: ExplorerNode['kind']): Promise<ExplorerNode> {
  const found = (await model.getChildren(parent)).find((n) => n.kind === kind);
  assert.ok(found, `no ${kind} under ${parent.id}`);
  return found;
}

describe('ExplorerModel (unit)', () => {
  it('shows one connection per region with clusters, task definitions and EFS folders', async () => {
    const { model } = setup(['us-east-1', 'eu-west-1']);
    const roots = await model.getChildren();
    assert.deepEqual(
      roots.map((r) => r.conn.region),
      ['us-east-1', 'eu-west-1'],
    );
    assert.deepEqual(
      (await model.getChildren(roots[0])).map((n) => n.kind),
      ['clusters', 'taskDefinitions', 'fileSystems'],
    );
  });

  it('pages clusters with next tokens and a load-more node', async () => {
    const { fake, model } = setup();
    fake.pageSize = 2;
    for (let i = 0; i < 5; i++) addCluster(fake.region('us-east-1'), 'us-east-1', `c${i}`);
    const [root] = await model.getChildren();
    const clusters = await child(model, root, 'clusters');
    let kids = await model.getChildren(clusters);
    assert.deepEqual(
      kids.map((k) => k.kind),
      ['cluster', 'cluster', 'loadMore'],
    );
    await model.loadMore(kids[2]);
    kids = await model.getChildren(clusters);
    assert.equal(kids.filter((k) => k.kind === 'cluster').length, 4);
    await model.loadMore(kids.at(-1)!);
    kids = await model.getChildren(clusters);
    assert.deepEqual(
      kids.map((k) => (k.kind === 'cluster' ? k.cluster.clusterName : k.kind)),
      ['c0', 'c1', 'c2', 'c3', 'c4'],
    );
    assert.equal(fake.count('ListClusters'), 3);
    assert.equal(fake.count('DescribeClusters'), 3);
  });

  it('batches describes to the API limits with no N+1 (1 cluster, 50 services, 5,000 tasks)', async () => {
    const { fake, model } = setup();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'big', { services: 50, tasksPerService: 100, standalone: 0 });
    for (let i = 0; i < 150; i++) addCluster(fake.region('us-east-1'), 'us-east-1', `small-${i}`);
    const [root] = await model.getChildren();
    const clusterNodes = await model.getChildren(await child(model, root, 'clusters'));
    const big = clusterNodes.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'big')!;
    const services = await child(model, big, 'services');
    const serviceNodes = await model.getChildren(services);
    let shown = 0;
    for (const s of serviceNodes) shown += (await model.getChildren(s)).filter((n) => n.kind === 'task').length;
    shown += (await model.getChildren(await child(model, big, 'standaloneTasks'))).filter(
      (n) => n.kind === 'task',
    ).length;
    assert.equal(shown, 5000);
    // ListClusters: 2 pages of 100 (151 clusters); DescribeClusters: 1 per page; ListServices: 1 page; DescribeServices: ceil(50/10)
    assert.equal(fake.count('ListClusters'), 1, 'first page only until load more');
    assert.equal(fake.count('DescribeClusters'), 1);
    assert.equal(fake.count('ListServices'), 1);
    assert.equal(fake.count('DescribeServices'), 5);
    assert.equal(fake.count('ListTasks'), 50, 'pages of 100');
    assert.equal(fake.count('DescribeTasks'), 50, 'ceil(5000/100), shared by services and standalone');
    assert.ok(fake.calls.every((c) => c.size === undefined || c.size <= (c.op === 'DescribeServices' ? 10 : 100)));
  });

  it("splits a cluster's tasks into service tasks and standalone tasks", async () => {
    const { fake, model } = setup();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 2, tasksPerService: 2, standalone: 3 });
    const [root] = await model.getChildren();
    const cluster = (await model.getChildren(await child(model, root, 'clusters')))[0];
    const standalone = await model.getChildren(await child(model, cluster, 'standaloneTasks'));
    assert.equal(standalone.length, 3);
    assert.ok(standalone.every((n) => n.kind === 'task' && n.task.group === 'family:web'));
    const svc = (await model.getChildren(await child(model, cluster, 'services')))[1];
    const svcKids = await model.getChildren(svc);
    assert.equal(svcKids.at(-1)?.kind, 'stoppedTasks', 'a "Recently stopped" folder closes the service');
    const svcTasks = svcKids.filter((n) => n.kind === 'task');
    assert.equal(svcTasks.length, 2);
    assert.ok(svcTasks.every((n) => n.kind === 'task' && n.task.group === 'service:svc-1'));
    assert.equal(fake.count('ListTasks'), 1, 'the stopped tasks are listed only when the folder is opened');
    const containers = await model.getChildren(svcTasks[0]);
    assert.deepEqual(
      containers.map((c) => c.kind),
      ['container'],
    );
  });

  it('"Recently stopped" under a service: ListTasks STOPPED for that service only, newest first, stop code and reason kept', async () => {
    const { fake, model } = setup();
    const region = fake.region('us-east-1');
    const c = addCluster(region, 'us-east-1', 'prod', { services: 2, tasksPerService: 3 });
    const tasks = region.tasks.get(c.clusterArn)!;
    const stop = (t: (typeof tasks)[number], minutesAgo: number, reason: string): void =>
      void Object.assign(t, {
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: reason,
        stoppedAt: new Date(Date.now() - minutesAgo * 60_000),
      });
    stop(tasks[3], 30, 'older');
    stop(tasks[4], 2, 'newer');
    stop(tasks[0], 1, 'another service');
    const [root] = await model.getChildren();
    const cluster = (await model.getChildren(await child(model, root, 'clusters')))[0];
    const svc = (await model.getChildren(await child(model, cluster, 'services')))[1];
    const kids = await model.getChildren(svc);
    assert.deepEqual(
      kids.map((n) => n.kind),
      ['task', 'serviceEvents', 'stoppedTasks'],
      'stopped tasks are not listed among the running ones',
    );
    const before = fake.calls.length;
    const stopped = await model.getChildren(kids[2]);
    assert.deepEqual(
      stopped.map((n) => (n.kind === 'task' ? n.task.stoppedReason : n.kind)),
      ['newer', 'older'],
    );
    assert.deepEqual(
      fake.calls.slice(before).map((x) => x.op),
      ['ListTasks', 'DescribeTasks'],
    );
  });

  it('shows an error node in the failing region only, and recovers on refresh', async () => {
    const { fake, model } = setup(['us-east-1', 'eu-west-1']);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'ok');
    addCluster(fake.region('eu-west-1'), 'eu-west-1', 'later');
    fake.fail(
      'eu-west-1',
      'ListClusters',
      Object.assign(new Error('User is not authorized'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const [us, eu] = await model.getChildren();
    const usKids = await model.getChildren(await child(model, us, 'clusters'));
    assert.equal(usKids[0].kind, 'cluster');
    const euClusters = await child(model, eu, 'clusters');
    const [err] = await model.getChildren(euClusters);
    assert.equal(err.kind, 'message');
    assert.ok(err.kind === 'message' && err.severity === 'error' && /Access denied/.test(err.message));
    assert.ok(err.kind === 'message' && err.action?.command === 'fargateLens.refreshNode');
    fake.faults.clear();
    const events: Array<string | undefined> = [];
    model.onDidChange((n) => events.push(n?.id));
    model.refresh(euClusters);
    assert.deepEqual(events, [euClusters.id]);
    const recovered = await model.getChildren(euClusters);
    assert.equal(recovered[0].kind, 'cluster');
  });

  it('says how to fix an expired SSO session and offers the profile picker', async () => {
    const { fake, model } = setup(['us-east-1'], 'dev');
    fake.fail(
      'us-east-1',
      '*',
      Object.assign(
        new Error(
          'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
        ),
        { name: 'CredentialsProviderError' },
      ),
    );
    const [root] = await model.getChildren();
    const [msg] = await model.getChildren(await child(model, root, 'clusters'));
    assert.ok(msg.kind === 'message');
    assert.match(msg.message, /SSO session for profile "dev" has expired/);
    assert.equal(msg.detail, 'Run: aws sso login --profile dev');
    assert.equal(msg.action?.command, 'fargateLens.selectProfile');
  });

  it('reports throttling that outlasted the retries as an error node, then recovers', async () => {
    const { fake, model } = setup();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'c');
    fake.throttle.set('us-east-1', 1);
    const [root] = await model.getChildren();
    const clusters = await child(model, root, 'clusters');
    const [msg] = await model.getChildren(clusters);
    assert.ok(msg.kind === 'message' && /throttling/.test(msg.message));
    model.refresh(clusters);
    assert.equal((await model.getChildren(clusters))[0].kind, 'cluster');
  });

  it('shows empty states as info nodes with an action', async () => {
    const { model } = setup();
    const [root] = await model.getChildren();
    const [msg] = await model.getChildren(await child(model, root, 'clusters'));
    assert.ok(msg.kind === 'message' && msg.severity === 'info' && msg.message === 'No clusters in us-east-1');
    assert.equal(msg.action?.command, 'fargateLens.selectRegions');
    const [efs] = await model.getChildren(await child(model, root, 'fileSystems'));
    assert.ok(efs.kind === 'message' && /No EFS/.test(efs.message));
  });

  it('lists ACTIVE task definition families and loads INACTIVE ones only on demand', async () => {
    const { fake, model } = setup();
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'web', 3);
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'old', 1, [1]);
    const [root] = await model.getChildren();
    const tds = await model.getChildren(await child(model, root, 'taskDefinitions'));
    assert.deepEqual(
      tds.map((n) => (n.kind === 'family' ? n.family : n.kind)),
      ['web', 'inactiveFamilies'],
    );
    assert.equal(fake.count('ListTaskDefinitionFamilies'), 1);
    const revs = await model.getChildren(tds[0]);
    assert.deepEqual(
      revs.map((r) => (r.kind === 'revision' ? `${r.revision}${r.latest ? '*' : ''}` : r.kind)),
      ['3*', '2', '1'],
    );
    const inactive = await model.getChildren(tds[1]);
    assert.deepEqual(
      inactive.map((n) => (n.kind === 'family' ? `${n.family}:${n.status}` : n.kind)),
      ['old:INACTIVE'],
    );
    assert.equal(fake.count('DescribeTaskDefinition'), 0, 'revisions are not described one by one');
  });

  it('auto-refresh re-reads only parents of transitional nodes', async () => {
    const { fake, model } = setup();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { standalone: 2 });
    const [root] = await model.getChildren();
    const cluster = (await model.getChildren(await child(model, root, 'clusters')))[0];
    const folder = await child(model, cluster, 'standaloneTasks');
    await model.getChildren(folder);
    assert.equal(model.refreshTransitional(), 0);
    const task = fake.region('us-east-1').tasks.values().next().value![0];
    task.lastStatus = 'PENDING';
    model.refresh(folder);
    await model.getChildren(folder);
    const fired: Array<string | undefined> = [];
    model.onDidChange((n) => fired.push(n?.id));
    assert.equal(model.refreshTransitional(), 1);
    assert.deepEqual(fired, [folder.id]);
    task.lastStatus = 'RUNNING';
    const again = await model.getChildren(folder);
    assert.ok(again.every((n) => n.kind === 'task' && n.task.lastStatus === 'RUNNING'));
    assert.equal(model.refreshTransitional(), 0);
  });

  it('a deployment that never finishes is polled ever less often, not at full rate forever', async () => {
    const { fake, model } = setup();
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    const [root] = await model.getChildren();
    const cluster = (await model.getChildren(await child(model, root, 'clusters')))[0];
    const services = await child(model, cluster, 'services');
    const svc = fake.region('us-east-1').services.values().next().value![0];
    svc.deployments = [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }];
    await model.getChildren(services);
    // Tick every 10 s for 20 minutes, reloading what was invalidated (as the view does).
    const polls: number[] = [];
    const t0 = 1_000_000;
    for (let t = t0; t <= t0 + 20 * 60_000; t += 10_000) {
      if (model.refreshTransitional(t, 10_000)) polls.push((t - t0) / 1000);
      await model.getChildren(services);
    }
    const firstTwoMinutes = polls.filter((s) => s < 120).length;
    const lastTenMinutes = polls.filter((s) => s >= 600).length;
    assert.equal(firstTwoMinutes, 12, 'full rate at first');
    assert.ok(lastTenMinutes <= 2, `backed off to at most every 5 minutes (polled at ${polls.join(', ')})`);
    assert.ok(polls.length < 30, `${polls.length} polls in 20 minutes (full rate would be 121)`);
    assert.equal(transitionalDelayMs(0, 10_000), 10_000);
    assert.equal(transitionalDelayMs(60 * 60_000, 10_000), 300_000);
  });

  it('finds a new task for reveal', async () => {
    const { fake, model } = setup();
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    const { tasks } = await fake
      .ecs('us-east-1')
      .runTask({ cluster: c.clusterArn, taskDefinition: 'web:3', count: 1, clientToken: 't1', launchType: 'FARGATE' });
    const node = await model.findTask(conn('us-east-1'), c.clusterArn, tasks[0].taskArn);
    assert.ok(node && node.kind === 'task');
    assert.equal(model.getParent(node)?.kind, 'standaloneTasks');
  });
});
