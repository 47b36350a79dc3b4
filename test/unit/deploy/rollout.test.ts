import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchRollout, type RolloutSnapshot } from '../../../client/src/deploy/rollout';
import { circuitBreakerTrips, steady, tasksFailed, tasksRunning } from './rolloutDriver';
import { account, conn, tdArn } from './setup';

async function started() {
  const { fake, web } = account();
  const ecs = fake.apis(conn).ecs;
  const updated = await ecs.updateService({ cluster: web.clusterArn!, service: 'web', taskDefinition: 'web:2' });
  const deploymentId = updated.deployments!.find((d) => d.status === 'PRIMARY')!.id;
  return { fake, web, ecs, deploymentId };
}

function driver(steps: Array<() => void>) {
  let clock = 0;
  const sleeps: number[] = [];
  const updates: RolloutSnapshot[] = [];
  return {
    sleeps,
    updates,
    opts: {
      sleep: async (ms: number) => {
        sleeps.push(ms);
        clock += ms;
        steps.shift()?.();
      },
      now: () => clock,
      onUpdate: (s: RolloutSnapshot) => void updates.push(s),
      intervalMs: 1000,
      maxIntervalMs: 8000,
      timeoutMs: 60_000,
    },
  };
}

test('a rollout is followed to its steady state; each event is reported once, oldest first; one DescribeServices per poll (unit)', async () => {
  const { fake, web, ecs, deploymentId } = await started();
  const d = driver([() => tasksRunning(web, 1), () => tasksRunning(web, 1), () => steady(web)]);
  const before = fake.count('DescribeServices');
  const final = await watchRollout(
    ecs,
    { cluster: web.clusterArn!, service: web.serviceArn, deploymentId, knownEventIds: new Set(['old-1']) },
    d.opts,
  );
  assert.equal(final.phase, 'steady');
  assert.equal(final.taskDefinition, tdArn(2));
  assert.deepEqual(
    d.updates.map((u) => [u.phase, u.running]),
    [
      ['in-progress', 0],
      ['in-progress', 1],
      ['in-progress', 2],
      ['steady', 2],
    ],
  );
  const messages = d.updates.flatMap((u) => u.newEvents.map((e) => e.message));
  assert.deepEqual(messages, [
    `(service web) has started 1 tasks: (task ${'0'.repeat(32)}).`,
    `(service web) has started 1 tasks: (task ${'0'.repeat(32)}).`,
    '(service web) has reached a steady state.',
  ]);
  assert.equal(fake.count('DescribeServices') - before, 4);
  // While the old deployment still runs tasks it counts as draining.
  assert.equal(d.updates[1].draining, 1);
});

test('the circuit breaker trips with rollback: the watch ends "rolled-back" with the reason; without rollback "failed" (unit)', async () => {
  {
    const { web, ecs, deploymentId } = await started();
    const d = driver([() => tasksFailed(web, 2), () => circuitBreakerTrips(web, tdArn(1))]);
    const final = await watchRollout(ecs, { cluster: web.clusterArn!, service: web.serviceArn, deploymentId }, d.opts);
    assert.equal(final.phase, 'rolled-back');
    assert.match(final.reason ?? '', /circuit breaker/);
    assert.equal(d.updates[1].failed, 2);
  }
  {
    const { web, ecs, deploymentId } = await started();
    const d = driver([() => tasksFailed(web, 3), () => circuitBreakerTrips(web)]);
    const final = await watchRollout(ecs, { cluster: web.clusterArn!, service: web.serviceArn, deploymentId }, d.opts);
    assert.equal(final.phase, 'failed');
    assert.equal(final.failed, 3);
  }
});

test('another deployment replacing ours ends the watch as "replaced" (unit)', async () => {
  const { web, ecs, deploymentId } = await started();
  const d = driver([
    () => void ecs.updateService({ cluster: web.clusterArn!, service: 'web', forceNewDeployment: true }),
  ]);
  const final = await watchRollout(ecs, { cluster: web.clusterArn!, service: web.serviceArn, deploymentId }, d.opts);
  assert.equal(final.phase, 'replaced');
});

test('cancel stops watching at once; a rollout that does not move is polled less and less often, then times out (unit)', async () => {
  {
    const { web, ecs, deploymentId } = await started();
    const controller = new AbortController();
    const d = driver([() => controller.abort()]);
    const final = await watchRollout(
      ecs,
      { cluster: web.clusterArn!, service: web.serviceArn, deploymentId },
      { ...d.opts, signal: controller.signal },
    );
    assert.equal(final.phase, 'cancelled');
    assert.equal(d.sleeps.length, 1);
  }
  {
    const { web, ecs, deploymentId } = await started();
    const d = driver([]);
    const final = await watchRollout(ecs, { cluster: web.clusterArn!, service: web.serviceArn, deploymentId }, d.opts);
    assert.equal(final.phase, 'timeout');
    assert.deepEqual(d.sleeps.slice(0, 6), [1000, 1500, 2250, 3375, 5063, 7595]);
    assert.ok(d.sleeps.every((ms) => ms <= 8000));
  }
});

test('a service without rolloutState is steady when one deployment runs the desired count (unit)', async () => {
  const { web, ecs } = await started();
  const p = web.deployments![0];
  delete p.rolloutState;
  const d = driver([
    () => {
      p.runningCount = 2;
      web.deployments = [p];
    },
  ]);
  const final = await watchRollout(ecs, { cluster: web.clusterArn!, service: web.serviceArn }, d.opts);
  assert.equal(final.phase, 'steady');
});
