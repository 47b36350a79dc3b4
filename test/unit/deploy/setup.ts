/** A FakeAws account with one Fargate service (prod/web on web:1 of 2 ACTIVE revisions) and deploy deps driven by a script of steps. */
import type { Connection, Service } from '../../../client/src/aws/types';
import { DEFAULT_DRIFT_OPTIONS, DriftCache } from '../../../client/src/deploy/drift';
import { RolloutStore } from '../../../client/src/deploy/rolloutStore';
import { addTaskDefinition } from '../explorer/fakeAccount';
import { FakeAws } from '../explorer/fakeAws';
import { ScriptedUi } from '../explorer/scriptedUi';
import { commandDeps } from '../../shared/commandDeps';

export const conn: Connection = { profile: undefined, region: 'eu-west-1' };
export const REGION = conn.region;
const ACCOUNT = '123456789012';
export const tdArn = (rev: number, family = 'web'): string =>
  `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${family}:${rev}`;

export function account(): { fake: FakeAws; web: Service } {
  const fake = new FakeAws();
  const r = fake.region(REGION);
  addTaskDefinition(r, REGION, 'web', 2);
  const clusterArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/prod`;
  r.clusters.push({ clusterArn, clusterName: 'prod', status: 'ACTIVE' });
  const web: Service = {
    serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/prod/web`,
    serviceName: 'web',
    clusterArn,
    status: 'ACTIVE',
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    taskDefinition: tdArn(1),
    deploymentController: { type: 'ECS' },
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: ['web-5xx'], enable: true, rollback: false },
    },
    deployments: [
      {
        id: 'ecs-svc/1',
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        taskDefinition: tdArn(1),
        desiredCount: 2,
        runningCount: 2,
        pendingCount: 0,
        failedTasks: 0,
      },
    ],
    events: [
      { id: 'old-1', createdAt: new Date(Date.UTC(2025, 0, 1)), message: '(service web) has reached a steady state.' },
    ],
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], assignPublicIp: 'DISABLED' } },
  };
  r.services.set(clusterArn, [web]);
  return { fake, web };
}

/**
 * Deps whose `sleep` runs the next step of `steps` (the account changing between two polls); with no
 * steps left it aborts nothing and resolves, so a watch that never ends fails on the clock instead.
 */
export function deployDeps(fake: FakeAws, ui: ScriptedUi, steps: Array<() => void> = []) {
  const sleeps: number[] = [];
  let clock = 0;
  const drift = new DriftCache(fake.factory, () => ({ ...DEFAULT_DRIFT_OPTIONS, now: () => clock }));
  const rollouts = new RolloutStore();
  const deps = commandDeps(ui, fake.factory, conn, {
    deploy: {
      drift,
      rollouts,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
        const step = steps.shift();
        if (step) step();
      },
      now: () => clock,
      watch: { intervalMs: 5000, maxIntervalMs: 30000, timeoutMs: 600_000 },
    },
  });
  return { deps, sleeps, drift, rollouts, advance: (ms: number) => (clock += ms) };
}
