/**
 * Rollout states moto does not simulate, applied to a FakeAws service the way ECS reports them in
 * DescribeServices (ECS API reference: Deployment.status PRIMARY/ACTIVE, rolloutState IN_PROGRESS /
 * COMPLETED / FAILED, failedTasks; Developer Guide "Deployment circuit breaker": the failed deployment
 * is marked FAILED and, with rollback, a new deployment of the last completed revision becomes
 * PRIMARY; service event texts as in "Amazon ECS service event messages").
 */
import type { Service } from '../../../client/src/aws/types';
import type { FakeAws } from '../explorer/fakeAws';

let eventSeq = 0;

export function serviceOf(fake: FakeAws, region: string, name: string): Service {
  for (const list of fake.region(region).services.values()) {
    const s = list.find((x) => x.serviceName === name);
    if (s) return s;
  }
  throw new Error(`no service ${name}`);
}

export function addEvent(s: Service, message: string): void {
  eventSeq++;
  s.events = [
    {
      id: `evt-${eventSeq}`,
      createdAt: new Date(Date.UTC(2026, 0, 1, 1, 0, eventSeq)),
      message: `(service ${s.serviceName}) ${message}`,
    },
    ...(s.events ?? []),
  ].slice(0, 100);
}

/** `n` more tasks of the PRIMARY deployment reach RUNNING. */
export function tasksRunning(s: Service, n: number): void {
  const p = s.deployments!.find((d) => d.status === 'PRIMARY')!;
  p.runningCount = (p.runningCount ?? 0) + n;
  s.runningCount = (s.runningCount ?? 0) + n;
  addEvent(s, `has started ${n} tasks: (task ${'0'.repeat(32)}).`);
}

/** Old deployments drained, the PRIMARY COMPLETED: "has reached a steady state." */
export function steady(s: Service, fake?: FakeAws): void {
  const p = s.deployments!.find((d) => d.status === 'PRIMARY')!;
  p.rolloutState = 'COMPLETED';
  p.rolloutStateReason = `ECS deployment ${p.id} completed.`;
  s.deployments = [p];
  s.runningCount = p.runningCount;
  addEvent(s, 'has reached a steady state.');
  const h = fake?.serviceHistory.get(s.serviceArn)?.[0];
  if (h) h.status = 'SUCCESSFUL';
}

/** `n` tasks of the PRIMARY deployment failed to start. */
export function tasksFailed(s: Service, n: number): void {
  const p = s.deployments!.find((d) => d.status === 'PRIMARY')!;
  p.failedTasks = (p.failedTasks ?? 0) + n;
  addEvent(s, `(task ${'f'.repeat(32)}) failed container health checks.`);
}

/** The circuit breaker trips: FAILED, and with rollback a new PRIMARY of the previous revision. */
export function circuitBreakerTrips(s: Service, rollbackTo?: string): void {
  const p = s.deployments!.find((d) => d.status === 'PRIMARY')!;
  p.rolloutState = 'FAILED';
  p.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  addEvent(s, `deployment ${p.id} deployment failed: tasks failed to start.`);
  if (!rollbackTo) return;
  p.status = 'ACTIVE';
  const back = {
    id: `ecs-svc/9${eventSeq.toString().padStart(18, '0')}`,
    status: 'PRIMARY',
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment in progress.',
    taskDefinition: rollbackTo,
    desiredCount: s.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
  };
  s.deployments = [back, ...s.deployments!];
  s.taskDefinition = rollbackTo;
  addEvent(s, `rolling back to deployment ${back.id}.`);
}
