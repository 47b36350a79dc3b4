/**
 * AWS faults between the SDK and moto: the fault proxy throttles, fails with 5xx,
 * holds sockets past the client timeout, resets connections, loses responses, expires the token and
 * denies access in one region. The explorer model must show an error node and recover on refresh, the
 * SDK must back off (attempts counted at the proxy), commands must complete or say clearly why not
 * without doing anything twice, and nothing may reject unhandled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { createApiFactory } from '../../client/src/aws/factory';
import type { AwsClientOptions } from '../../client/src/aws/clientConfig';
import type { Connection } from '../../client/src/aws/types';
import { COMMANDS } from '../../client/src/commands/index';
import type { CommandDeps } from '../../client/src/commands/types';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import { FaultProxy } from '../fakes/faultProxy';
import { ScriptedUi, value, runWorkerTaskAnswers } from '../unit/explorer/scriptedUi';
import { commandDeps, explorerModel } from '../shared/commandDeps';
import { motoEnv, seedDemoAccount, startMoto, type DemoAccount, type MotoServer } from './moto';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const rejections: unknown[] = [];
process.on('unhandledRejection', (reason) => rejections.push(reason));

const east: Connection = { profile: undefined, region: 'us-east-1' };
const west: Connection = { profile: undefined, region: 'eu-west-1' };

describe('AWS faults through a fault-injecting proxy in front of moto (integration)', () => {
  let moto: MotoServer;
  let proxy: FaultProxy;
  let seed: DemoAccount;
  let totalFaults = 0;
  const factories: Array<ReturnType<typeof createApiFactory>> = [];

  before(async () => {
    moto = await startMoto();
    proxy = await FaultProxy.start(moto.endpoint);
    Object.assign(process.env, motoEnv(proxy.endpoint)); // credentials from the standard chain (env)
    delete process.env.AWS_PROFILE;
    seed = await seedDemoAccount(moto.endpoint);
  });
  after(async () => {
    for (const f of factories) f.dispose();
    totalFaults += proxy?.faultsInjected() ?? 0;
    await proxy?.close();
    await moto?.stop();
    console.log(`faults injected: ${totalFaults}; requests through the proxy: ${proxy?.requests.length ?? 0}`);
  });

  /** A fresh factory (and so fresh SDK clients and retry state) per test. */
  const explorer = (opts: AwsClientOptions = {}, conns: Connection[] = [east]) => {
    const factory = createApiFactory(() => ({ endpoint: proxy.endpoint, ...opts }));
    factories.push(factory);
    return {
      factory,
      model: explorerModel(factory.get, conns),
    };
  };
  const folder = async (model: ExplorerModel, kind: ExplorerNode['kind'], conn = east): Promise<ExplorerNode> => {
    const root = (await model.getChildren()).find((r) => r.conn.region === conn.region)!;
    const found = (await model.getChildren(root)).find((n) => n.kind === kind);
    assert.ok(found, `no ${kind} folder`);
    return found;
  };
  const onlyError = (kids: ExplorerNode[]): Extract<ExplorerNode, { kind: 'message' }> => {
    assert.equal(kids.length, 1, JSON.stringify(kids.map((k) => k.kind)));
    const [n] = kids;
    assert.ok(n.kind === 'message' && n.severity === 'error', JSON.stringify(n));
    return n;
  };
  const names = (kids: ExplorerNode[]): string[] =>
    kids.map((k) => (k.kind === 'cluster' ? k.cluster.clusterName : k.kind)).sort();
  const mark = (): number => proxy.requests.length;
  const since = (from: number, op: string) => proxy.requests.slice(from).filter((r) => r.op === op);

  it('throttling: the SDK retries with back-off up to maxAttempts, the tree shows an error node and recovers on refresh', async () => {
    const { model } = explorer(); // default maxAttempts (5), adaptive retry: the extension's real configuration
    const clusters = await folder(model, 'clusters');
    const from = mark();
    proxy.inject({ op: 'ListClusters', fault: 'throttle' });
    const err = onlyError(await model.getChildren(clusters));
    assert.match(err.message, /throttling/i);
    assert.equal(err.action?.command, 'fargateLens.refreshNode');
    const attempts = since(from, 'ListClusters');
    assert.deepEqual(
      attempts.map((a) => a.attempt),
      [1, 2, 3, 4, 5],
      'five attempts, numbered by the SDK',
    );
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
    // Full-jitter back-off from a 500 ms throttling base: expected ~3.7 s in total; < 50 ms has odds ~1e-6.
    assert.ok(gaps.reduce((a, b) => a + b, 0) > 50, `no back-off between attempts: ${gaps.join(', ')} ms`);
    proxy.clear();
    model.refresh(clusters);
    assert.deepEqual(names(await model.getChildren(clusters)), ['prod', 'staging']);
  });

  it('a burst of throttling and 5xx is absorbed by retries: the tree loads with no error node', async () => {
    const { model } = explorer();
    const from = mark();
    proxy
      .inject({ op: 'ListClusters', fault: 'throttle', times: 2 })
      .inject({ op: 'DescribeClusters', fault: '5xx', times: 2 });
    try {
      assert.deepEqual(names(await model.getChildren(await folder(model, 'clusters'))), ['prod', 'staging']);
    } finally {
      proxy.clear();
    }
    assert.deepEqual(
      since(from, 'ListClusters').map((a) => a.attempt),
      [1, 2, 3],
    );
    assert.deepEqual(
      since(from, 'DescribeClusters').map((a) => a.attempt),
      [1, 2, 3],
    );
  });

  it('5xx on every attempt: an error node naming the HTTP status, then recovery on refresh', async () => {
    const { model } = explorer({ maxAttempts: 3 });
    const [root] = await model.getChildren();
    const prod = (await model.getChildren(await folder(model, 'clusters'))).find(
      (n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod',
    )!;
    const services = (await model.getChildren(prod)).find((n) => n.kind === 'services')!;
    const from = mark();
    proxy.inject({ op: 'DescribeServices', fault: '5xx' });
    const err = onlyError(await model.getChildren(services));
    assert.match(err.message, /HTTP 503/);
    assert.equal(since(from, 'DescribeServices').length, 3);
    proxy.clear();
    model.refresh(services);
    const kids = await model.getChildren(services);
    assert.deepEqual(kids.map((k) => (k.kind === 'service' ? k.service.serviceName : k.kind)).sort(), ['api', 'web']);
    assert.ok(root.kind === 'connection');
  });

  it('slow responses past the client timeout: a network error node after maxAttempts, then recovery', async () => {
    const { model } = explorer({ maxAttempts: 2, requestTimeoutMs: 400 });
    const taskDefs = await folder(model, 'taskDefinitions');
    const from = mark();
    proxy.inject({ op: 'ListTaskDefinitionFamilies', fault: 'slow' });
    const started = Date.now();
    const err = onlyError(await model.getChildren(taskDefs));
    assert.match(err.message, /network|timeout/i);
    assert.equal(since(from, 'ListTaskDefinitionFamilies').length, 2);
    assert.ok(Date.now() - started < 10_000, 'the client timeout bounds the wait');
    proxy.clear();
    model.refresh(taskDefs);
    const kids = await model.getChildren(taskDefs);
    assert.ok(
      kids.some((k) => k.kind === 'family' && k.family === 'web'),
      JSON.stringify(kids.map((k) => k.kind)),
    );
  });

  it('connection resets (EFS, REST-JSON): one reset is retried away; resets on every attempt give an error node; refresh recovers', async () => {
    const { model } = explorer({ maxAttempts: 3 });
    const fileSystems = await folder(model, 'fileSystems');
    let from = mark();
    proxy.inject({ op: 'DescribeFileSystems', fault: 'reset', times: 1 });
    const kids = await model.getChildren(fileSystems);
    assert.ok(kids[0].kind === 'fileSystem' && kids[0].fileSystem.FileSystemId === seed.fileSystemId);
    assert.equal(since(from, 'DescribeFileSystems').length, 2);
    proxy.clear();

    model.refresh(fileSystems);
    from = mark();
    proxy.inject({ op: 'DescribeFileSystems', fault: 'reset' });
    const err = onlyError(await model.getChildren(fileSystems));
    assert.match(err.message, /network/i);
    assert.equal(since(from, 'DescribeFileSystems').length, 3);
    proxy.clear();
    model.refresh(fileSystems);
    assert.equal((await model.getChildren(fileSystems))[0].kind, 'fileSystem');
  });

  it('an expired token: one credentials error node with "Select profile", no retry storm, recovery after refresh', async () => {
    const { model } = explorer();
    const clusters = await folder(model, 'clusters');
    const from = mark();
    proxy.inject({ fault: 'expired-token' });
    const err = onlyError(await model.getChildren(clusters));
    assert.match(err.message, /credentials have expired/);
    assert.equal(err.action?.command, 'fargateLens.selectProfile');
    assert.ok(since(from, 'ListClusters').length <= 5, 'bounded attempts');
    proxy.clear();
    model.refresh();
    assert.deepEqual(names(await model.getChildren(await folder(model, 'clusters'))), ['prod', 'staging']);
  });

  it('AccessDenied in one region only: that region shows the error, the other region is unaffected', async () => {
    const { model } = explorer({}, [east, west]);
    const from = mark();
    proxy.inject({ region: 'eu-west-1', fault: 'access-denied' });
    try {
      const westErr = onlyError(await model.getChildren(await folder(model, 'clusters', west)));
      assert.match(westErr.message, /Access denied/);
      assert.match(westErr.detail ?? '', /IAM permissions/);
      assert.deepEqual(names(await model.getChildren(await folder(model, 'clusters', east))), ['prod', 'staging']);
      const westFs = onlyError(await model.getChildren(await folder(model, 'fileSystems', west)));
      assert.match(westFs.message, /Access denied/);
    } finally {
      proxy.clear();
    }
    const seen = proxy.requests.slice(from);
    assert.ok(seen.some((r) => r.region === 'eu-west-1' && r.fault === 'access-denied'));
    assert.ok(
      seen.filter((r) => r.region === 'us-east-1').every((r) => !r.fault),
      'no fault outside eu-west-1',
    );
    assert.equal(
      since(from, 'ListClusters').filter((r) => r.region === 'eu-west-1').length,
      1,
      'AccessDenied is not retried',
    );
  });

  const deps = (ui: ScriptedUi, model: ExplorerModel, factory: ReturnType<typeof createApiFactory>): CommandDeps =>
    commandDeps(ui, factory.get, east, { model });
  const runTaskScript = () => new ScriptedUi(runWorkerTaskAnswers());
  const prodNode = async (model: ExplorerModel): Promise<ExplorerNode> =>
    (await model.getChildren(await folder(model, 'clusters'))).find(
      (n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod',
    )!;
  const tokensOf = (reqs: Array<{ body: string }>): string[] =>
    reqs.map((r) => (JSON.parse(r.body) as { clientToken: string }).clientToken);

  it('run task whose response is lost: the SDK retries with the same clientToken and our code never sends another token', async () => {
    const { model, factory } = explorer({ maxAttempts: 3 });
    const ui = runTaskScript();
    const prod = await prodNode(model);
    const ecs = new ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    const tasksBefore =
      (await ecs.send(new ListTasksCommand({ cluster: 'prod', startedBy: 'fargate-lens' }))).taskArns ?? [];
    const from = mark();
    proxy.inject({ op: 'RunTask', fault: 'lost-response', times: 1 });
    try {
      await COMMANDS['fargateLens.runTask'](deps(ui, model, factory), prod);
    } finally {
      proxy.clear();
    }
    const runs = since(from, 'RunTask');
    assert.deepEqual(
      runs.map((r) => r.attempt),
      [1, 2],
      'one lost response, one retry',
    );
    assert.deepEqual(tokensOf(runs), ['tok-1', 'tok-1'], 'the retry carried the same clientToken');
    assert.deepEqual(ui.errors, []);
    assert.equal(ui.infos.filter((m) => /Started 1 task/.test(m)).length, 1, 'reported once');
    assert.equal(ui.confirms.length, 1, 'asked once');
    // moto 5.2.1 does not dedupe clientToken (AWS does): it may have started a second task. We assert what
    // is ours: a single token for the whole command, so real ECS starts the task once.
    const started = (
      (await ecs.send(new ListTasksCommand({ cluster: 'prod', startedBy: 'fargate-lens' }))).taskArns ?? []
    ).filter((a) => !tasksBefore.includes(a));
    console.log(`moto started ${started.length} task(s) for one clientToken (AWS would start 1)`);
    assert.ok(started.length >= 1 && started.length <= 2);
    ecs.destroy();
  });

  it('run task failing with 5xx on every attempt: one clear error, every attempt with the same token, nothing revealed', async () => {
    const { model, factory } = explorer({ maxAttempts: 3 });
    const ui = runTaskScript();
    const prod = await prodNode(model);
    const from = mark();
    proxy.inject({ op: 'RunTask', fault: '5xx' });
    try {
      await COMMANDS['fargateLens.runTask'](deps(ui, model, factory), prod);
    } finally {
      proxy.clear();
    }
    const runs = since(from, 'RunTask');
    assert.equal(runs.length, 3);
    assert.deepEqual([...new Set(tokensOf(runs))], ['tok-1']);
    assert.equal(ui.errors.length, 1);
    assert.match(ui.errors[0], /^Run task failed: AWS returned HTTP 503/);
    assert.deepEqual(ui.infos, []);
    assert.deepEqual(ui.revealed, []);
  });

  it('stop task while throttled: one clear error, the task is left running, a later attempt succeeds', async () => {
    const { model, factory } = explorer({ maxAttempts: 2 });
    const prod = await prodNode(model);
    const standalone = (await model.getChildren(prod)).find((n) => n.kind === 'standaloneTasks')!;
    const task = (await model.getChildren(standalone)).find((n) => n.kind === 'task')!;
    const from = mark();
    proxy.inject({ op: 'StopTask', fault: 'throttle' });
    const ui = new ScriptedUi([value('fault test'), value(true)]);
    try {
      await COMMANDS['fargateLens.stopTask'](deps(ui, model, factory), task);
    } finally {
      proxy.clear();
    }
    assert.deepEqual(ui.errors, [
      'Stop task failed: AWS is throttling requests; retried with back-off and gave up. Refresh again in a moment.',
    ]);
    assert.deepEqual(ui.infos, []);
    assert.equal(since(from, 'StopTask').length, 2);
    const retry = new ScriptedUi([value('fault test'), value(true)]);
    await COMMANDS['fargateLens.stopTask'](deps(retry, model, factory), task);
    assert.deepEqual(retry.errors, []);
    assert.match(retry.infos[0], /Stopping task/);
  });

  it('no unhandled promise rejection during any of the above', () => {
    assert.deepEqual(rejections.map(String), []);
  });
});
