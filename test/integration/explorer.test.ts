import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiFactory } from '../../client/src/aws/factory';
import type { ApiFactory, Connection } from '../../client/src/aws/types';
import { COMMANDS } from '../../client/src/commands/index';
import type { CommandDeps } from '../../client/src/commands/types';
import { collectLiveEfs } from '../../client/src/explorer/liveEfs';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import { pickAllMatching, pickLabel, ScriptedUi, value, runWorkerTaskAnswers } from '../unit/explorer/scriptedUi';
import { commandDeps } from '../shared/commandDeps';
import { motoEnv, seedDemoAccount, startMoto, type DemoAccount, type MotoServer } from './moto';

const settings = { pageSize: 100, concurrency: 4, showStoppedTasks: false };
const conn: Connection = { profile: undefined, region: 'us-east-1' };

describe('AWS explorer against moto_server (integration)', () => {
  let moto: MotoServer;
  let seed: DemoAccount;
  let factory: ReturnType<typeof createApiFactory>;
  let model: ExplorerModel;

  before(async () => {
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto.endpoint));
    delete process.env.AWS_PROFILE;
    seed = await seedDemoAccount(moto.endpoint);
    factory = createApiFactory(() => ({})); // endpoint from AWS_ENDPOINT_URL, credentials from the standard chain (env)
    model = new ExplorerModel(
      factory.get,
      () => [conn],
      () => settings,
    );
  });
  after(async () => {
    factory?.dispose();
    await moto?.stop();
  });

  const kid = async (parent: ExplorerNode, pred: (n: ExplorerNode) => boolean): Promise<ExplorerNode> => {
    const kids = await model.getChildren(parent);
    const found = kids.find(pred);
    assert.ok(found, `not found under ${parent.id}: ${kids.map((k) => k.id).join(', ')}`);
    return found;
  };
  const clusterNode = async (name: string): Promise<ExplorerNode> => {
    const [root] = await model.getChildren();
    return kid(
      await kid(root, (n) => n.kind === 'clusters'),
      (n) => n.kind === 'cluster' && n.cluster.clusterName === name,
    );
  };
  const deps = (ui: ScriptedUi, apis: ApiFactory = factory.get): CommandDeps => commandDeps(ui, apis, conn, { model });

  it('shows clusters, services with their tasks, standalone tasks and containers', async () => {
    const prod = await clusterNode('prod');
    const staging = await clusterNode('staging');
    const services = await model.getChildren(await kid(prod, (n) => n.kind === 'services'));
    assert.deepEqual(services.map((s) => (s.kind === 'service' ? s.service.serviceName : s.kind)).sort(), [
      'api',
      'web',
    ]);
    const web = services.find((s) => s.kind === 'service' && s.service.serviceName === 'web')!;
    assert.ok(web.kind === 'service' && web.service.enableExecuteCommand === true);
    const webTasks = await model.getChildren(web);
    // Its deployments (moto: one PRIMARY), the running tasks, "Service events" and "Recently stopped".
    assert.deepEqual(
      webTasks.map((t) => (t.kind === 'task' ? t.task.taskArn : t.kind)).sort(),
      ['deployment', ...seed.tasks.web, 'serviceEvents', 'stoppedTasks'].sort(),
    );
    assert.equal(webTasks[0].kind, 'deployment', 'deployments come first');
    // "Recently stopped": ListTasks STOPPED for the service (moto filters by desiredStatus and group), the OOM kill.
    const stopped = await model.getChildren(webTasks.find((n) => n.kind === 'stoppedTasks'));
    assert.deepEqual(
      stopped.map((n) => (n.kind === 'task' ? [n.task.taskArn, n.task.stoppedReason] : n.kind)),
      [[seed.stopped.oom, 'OutOfMemoryError: Container killed due to memory usage']],
    );
    const standalone = await model.getChildren(await kid(prod, (n) => n.kind === 'standaloneTasks'));
    assert.deepEqual(
      standalone.map((t) => (t.kind === 'task' ? t.task.taskArn : t.kind)),
      seed.tasks.standalone,
    );
    assert.ok(standalone[0].kind === 'task' && standalone[0].task.lastStatus === 'RUNNING');
    assert.equal((await model.getChildren(webTasks.find((n) => n.kind === 'task')))[0].kind, 'container');
    const empty = await model.getChildren(await kid(staging, (n) => n.kind === 'standaloneTasks'));
    assert.ok(empty[0].kind === 'message' && empty[0].message === 'No standalone tasks running');
  });

  it('lists task definition families, revisions (latest first) and INACTIVE ones on demand', async () => {
    const [root] = await model.getChildren();
    const families = await model.getChildren(await kid(root, (n) => n.kind === 'taskDefinitions'));
    // moto ignores the status filter of ListTaskDefinitionFamilies (AWS would not list "legacy" as ACTIVE).
    const names = families.map((f) => (f.kind === 'family' ? f.family : f.kind));
    assert.deepEqual(
      names.filter((n) => n !== 'legacy'),
      ['web', 'worker', 'inactiveFamilies'],
    );
    const revs = await model.getChildren(families[0]);
    assert.deepEqual(
      revs.map((r) => (r.kind === 'revision' ? `${r.revision}${r.latest ? '*' : ''}` : r.kind)),
      ['2*', '1'],
    );
    const inactive = await model.getChildren(families.at(-1));
    const legacy = inactive.find((f) => f.kind === 'family' && f.family === 'legacy');
    assert.ok(legacy && legacy.kind === 'family' && legacy.status === 'INACTIVE');
    const legacyRevs = await model.getChildren(legacy);
    assert.deepEqual(
      legacyRevs.map((r) => (r.kind === 'revision' ? `${r.family}:${r.revision}:${r.status}` : r.kind)),
      ['legacy:1:INACTIVE'],
    );
  });

  it('shows EFS file systems with access points and mount targets, and provides live EFS data', async () => {
    const [root] = await model.getChildren();
    const [fs] = await model.getChildren(await kid(root, (n) => n.kind === 'fileSystems'));
    assert.ok(
      fs.kind === 'fileSystem' &&
        fs.fileSystem.FileSystemId === seed.fileSystemId &&
        fs.fileSystem.Name === 'shared-data',
    );
    const kids = await model.getChildren(fs);
    assert.deepEqual(kids.map((k) => k.kind).sort(), ['accessPoint', 'accessPoint', 'mountTarget']);
    const live = await collectLiveEfs((await factory.get(conn)).efs, 'us-east-1');
    assert.equal(live.region, 'us-east-1');
    assert.deepEqual(
      live.fileSystems.map((f) => f.id),
      [seed.fileSystemId],
    );
    assert.deepEqual(live.fileSystems[0].accessPoints.map((a) => a.id).sort(), [...seed.accessPointIds].sort());
  });

  it('runs a task from the wizard with the network of a service, then reveals it', async () => {
    const ui = new ScriptedUi(runWorkerTaskAnswers());
    await COMMANDS['fargateLens.runTask'](deps(ui), await clusterNode('prod'));
    assert.deepEqual(ui.errors, []);
    assert.equal(ui.revealed.length, 1);
    const revealed = ui.revealed[0];
    assert.ok(revealed.kind === 'task' && revealed.task.taskDefinitionArn === seed.taskDefinitions.worker);
    assert.equal(model.getParent(revealed)?.kind, 'standaloneTasks');
    assert.match(ui.confirms[0].message, /Run 1 task of worker:1 in cluster prod/);
  });

  it('refuses a retired platform version typed in, before any RunTask (the editor flags it too)', async () => {
    const ui = new ScriptedUi([
      pickLabel(/^web$/),
      pickLabel(/^web:2$/),
      pickLabel(/^FARGATE$/),
      pickLabel(/^Other/),
      value('1.3.0'),
    ]);
    await COMMANDS['fargateLens.runTask'](deps(ui), await clusterNode('prod'));
    assert.match(ui.errors[0], /Platform version 1\.3\.0 is retired \(since 2026-03-16\)/);
  });

  it('stops a task after confirmation and removes it from the RUNNING list', async () => {
    const prod = await clusterNode('prod');
    const folder = await kid(prod, (n) => n.kind === 'standaloneTasks');
    const task = (await model.getChildren(folder)).find(
      (t) => t.kind === 'task' && t.task.taskArn === seed.tasks.standalone[0],
    )!;
    const ui = new ScriptedUi([value('integration test'), value(true)]);
    await COMMANDS['fargateLens.stopTask'](deps(ui), task);
    assert.deepEqual(ui.errors, []);
    assert.match(ui.confirms[0].detail, /will not be replaced/);
    const after = await model.getChildren(folder);
    assert.ok(!after.some((t) => t.kind === 'task' && t.task.taskArn === seed.tasks.standalone[0]));
  });

  it('opens a task definition as JSON and registers an edited copy as a new revision', async () => {
    const [root] = await model.getChildren();
    const web = await kid(
      await kid(root, (n) => n.kind === 'taskDefinitions'),
      (n) => n.kind === 'family' && n.family === 'web',
    );
    const rev = (await model.getChildren(web))[0];
    const ui = new ScriptedUi([value(true)]);
    const d = deps(ui);
    await COMMANDS['fargateLens.openAsJson'](d, rev);
    assert.match(ui.opened[0], /^fargate-lens:\/us-east-1\/task-definition\/web-2\.json$/);
    assert.match(d.documents.get(ui.opened[0]) ?? '', /"family": "web"/);
    await COMMANDS['fargateLens.editTaskDefinition'](d, rev);
    const edited = JSON.parse(ui.untitled[0]) as Record<string, unknown>;
    assert.equal(edited.taskDefinitionArn, undefined);
    assert.equal(edited.revision, undefined);
    ui.editor = { uri: 'untitled:Untitled-1', text: ui.untitled[0], languageId: 'json' };
    await COMMANDS['fargateLens.registerTaskDefinition'](d);
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos.at(-1) ?? '', /Registered web:3/);
  });

  it('disables ECS Exec on a service with UpdateService after confirmation', async () => {
    const prod = await clusterNode('prod');
    const web = await kid(
      await kid(prod, (n) => n.kind === 'services'),
      (n) => n.kind === 'service' && n.service.serviceName === 'web',
    );
    const ui = new ScriptedUi([value(true)]);
    await COMMANDS['fargateLens.disableServiceExec'](deps(ui), web);
    assert.match(ui.confirms[0].detail, /forces a new deployment/);
    const again = await kid(
      await kid(await clusterNode('prod'), (n) => n.kind === 'services'),
      (n) => n.kind === 'service' && n.service.serviceName === 'web',
    );
    assert.ok(again.kind === 'service' && again.service.enableExecuteCommand === false);
  });

  it('shows a network error node for an unreachable endpoint and recovers after the endpoint is fixed', async () => {
    let endpoint = 'http://127.0.0.1:9';
    const broken = createApiFactory(() => ({ endpoint, maxAttempts: 1 }));
    const m = new ExplorerModel(
      broken.get,
      () => [conn],
      () => settings,
    );
    const [root] = await m.getChildren();
    const clusters = (await m.getChildren(root))[0];
    const [err] = await m.getChildren(clusters);
    assert.ok(err.kind === 'message' && err.severity === 'error', JSON.stringify(err));
    assert.equal(err.action?.command, 'fargateLens.refreshNode');
    endpoint = moto.endpoint;
    m.refresh(clusters);
    assert.ok((await m.getChildren(clusters)).some((n) => n.kind === 'cluster'));
    broken.dispose();
  });

  it('runs tasks with subnets and security groups chosen from the VPC via EC2, with ECS Exec on', async () => {
    const ui = new ScriptedUi([
      pickLabel(/^worker$/),
      pickLabel(/^worker:1$/),
      pickLabel(/^FARGATE$/),
      pickLabel(/^LATEST$/),
      pickLabel(/from a VPC/),
      pickAllMatching(/subnet/),
      pickAllMatching(/default/),
      pickLabel(/No public IP/),
      value('2'),
      pickLabel(/No overrides/),
      pickLabel(/Enable ECS Exec/),
      value(true),
    ]);
    await COMMANDS['fargateLens.runTask'](deps(ui), await clusterNode('prod'));
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos[0], /Started 2 tasks of worker:1/);
  });
});
