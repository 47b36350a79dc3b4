import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DRIFT_OPTIONS, DriftCache, driftTitle } from '../../../client/src/deploy/drift';
import { account, conn, REGION, tdArn } from './setup';

const text = (family: string, memory = '512') =>
  JSON.stringify({
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory,
    containerDefinitions: [{ name: 'app', image: 'nginx' }],
  });

test('the lens line: latest revision, how many fields differ, which service runs which revision (unit)', async () => {
  const { fake, web } = account();
  web.deployments!.unshift({ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: tdArn(2), runningCount: 1 });
  web.deployments![1].status = 'ACTIVE';
  web.taskDefinition = tdArn(2);
  const cache = new DriftCache(fake.factory, () => DEFAULT_DRIFT_OPTIONS);
  const r = await cache.compute('file:///a.json', text('web', '1024'), conn);
  assert.equal(
    driftTitle(r.families[0], REGION),
    'web:2 registered · differs in 1 field · prod/web runs web:2 (+:1 draining)',
  );
  const same = await cache.compute('file:///b.json', text('web'), conn);
  assert.match(driftTitle(same.families[0], REGION), /^web:2 registered · file matches it · prod\/web runs web:2/);
  // A deployment without tasks left runs nothing.
  web.deployments![1].runningCount = 0;
  const drained = await cache.compute('file:///b.json', text('web'), conn, true);
  assert.match(driftTitle(drained.families[0], REGION), /prod\/web runs web:2$/);
  const none = await cache.compute('file:///c.json', text('api'), conn);
  assert.equal(driftTitle(none.families[0], REGION), 'api: no ACTIVE revision in eu-west-1');
});

test('one service scan serves every file of a connection until it expires; refresh scans again (unit)', async () => {
  const { fake } = account();
  let now = 0;
  const cache = new DriftCache(fake.factory, () => ({ ...DEFAULT_DRIFT_OPTIONS, now: () => now }));
  await cache.compute('file:///a.json', text('web'), conn);
  await cache.compute('file:///b.json', text('web'), conn);
  assert.equal(fake.count('ListClusters'), 1);
  assert.equal(fake.count('DescribeTaskDefinition'), 2);
  now += 61_000;
  await cache.compute('file:///a.json', text('web'), conn);
  assert.equal(fake.count('ListClusters'), 2);
  await cache.compute('file:///a.json', text('web'), conn, true);
  assert.equal(fake.count('ListClusters'), 3);
});

test('the call budget bounds a computation; the service list says it is partial (unit)', async () => {
  const { fake } = account();
  const r = fake.region(REGION);
  for (let i = 0; i < 30; i++)
    r.clusters.push({ clusterArn: `arn:aws:ecs:${REGION}:123456789012:cluster/c${i}`, clusterName: `c${i}` });
  const cache = new DriftCache(fake.factory, () => ({ ...DEFAULT_DRIFT_OPTIONS, callBudget: 6 }));
  const res = await cache.compute('file:///a.json', text('web'), conn);
  assert.equal(fake.calls.length, 6);
  assert.equal(res.families[0].partial, true);
  assert.match(driftTitle(res.families[0], REGION), /services: partial list \(call budget\)/);
});

test('AWS errors show in the lens, redacted, and do not throw (unit)', async () => {
  const { fake } = account();
  fake.fail(
    REGION,
    '*',
    Object.assign(new Error('User is not authorized to perform: ecs:DescribeTaskDefinition'), {
      name: 'AccessDeniedException',
    }),
  );
  const cache = new DriftCache(fake.factory, () => DEFAULT_DRIFT_OPTIONS);
  const res = await cache.compute('file:///a.json', text('web'), conn);
  assert.match(driftTitle(res.families[0], REGION), /^web: .*not authorized/i);
});
