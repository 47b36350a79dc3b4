/**
 * Watches one service deployment until it reaches a steady state, fails, is replaced, or the watch is
 * cancelled: DescribeServices polled with a growing interval (one call per poll), each new service
 * event reported once, in order. Facts it relies on (ECS API reference, DescribeServices / Deployment):
 * the deployment a change started is the PRIMARY one; `rolloutState` is IN_PROGRESS, COMPLETED or
 * FAILED (COMPLETED "when the service reaches a steady state"); `failedTasks` counts tasks that failed
 * to reach RUNNING; the circuit breaker sets FAILED and, with rollback, starts a new deployment with the
 * last completed revision. Services whose controller sets no rolloutState reach steady state when one
 * deployment is left with running = desired and nothing pending.
 * Timers and the clock are injected: tests drive it without waiting.
 */
import type { Deployment, EcsApi, Service, ServiceEvent } from '../aws/types';

export type RolloutPhase = 'in-progress' | 'steady' | 'failed' | 'rolled-back' | 'replaced' | 'cancelled' | 'timeout';

export interface RolloutSnapshot {
  phase: RolloutPhase;
  serviceName: string;
  deploymentId?: string;
  taskDefinition?: string;
  desired: number;
  running: number;
  pending: number;
  failed: number;
  /** Older deployments still running tasks. */
  draining: number;
  rolloutState?: string;
  reason?: string;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  /** Events that arrived since the previous snapshot, oldest first. */
  newEvents: ServiceEvent[];
  /** All events seen during the watch, newest first (at most 50). */
  events: ServiceEvent[];
}

export interface WatchTarget {
  cluster: string;
  service: string;
  /** The deployment to follow; default: the PRIMARY one at the first poll. */
  deploymentId?: string;
  /** Events already known before the operation (not reported again). */
  knownEventIds?: ReadonlySet<string>;
}

export interface WatchOptions {
  signal?: AbortSignal;
  /** Waits `ms` or until the signal aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  onUpdate?: (s: RolloutSnapshot) => void;
  /** Poll interval: starts here, grows by half each poll without change, up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** The watch gives up (phase 'timeout') after this long; the deployment itself goes on. */
  timeoutMs?: number;
}

export async function watchRollout(ecs: EcsApi, target: WatchTarget, opts: WatchOptions): Promise<RolloutSnapshot> {
  const start = opts.now();
  const minInterval = opts.intervalMs ?? 5_000;
  const maxInterval = opts.maxIntervalMs ?? 30_000;
  const timeout = opts.timeoutMs ?? 30 * 60_000;
  const seen = new Set(target.knownEventIds ?? []);
  const events: ServiceEvent[] = [];
  let deploymentId = target.deploymentId;
  let interval = minInterval;
  let last = '';
  let snap: RolloutSnapshot | undefined;
  for (;;) {
    if (opts.signal?.aborted) return finish(snap, 'cancelled', target, opts);
    const [service] = await ecs.describeServices(target.cluster, [target.service]);
    if (!service) throw new Error(`Service ${target.service} was not found in ${target.cluster}`);
    const fresh = newEvents(service, seen);
    events.unshift(...[...fresh].reverse());
    events.splice(50);
    deploymentId ??= primary(service)?.id;
    snap = assess(service, deploymentId, fresh, events);
    opts.onUpdate?.(snap);
    if (snap.phase !== 'in-progress') return snap;
    const key = JSON.stringify([snap.running, snap.pending, snap.failed, snap.draining, snap.rolloutState]);
    interval = key !== last || fresh.length ? minInterval : Math.min(maxInterval, Math.round(interval * 1.5));
    last = key;
    if (opts.now() - start >= timeout) return finish(snap, 'timeout', target, opts);
    await opts.sleep(interval, opts.signal);
  }
}

function finish(
  snap: RolloutSnapshot | undefined,
  phase: RolloutPhase,
  target: WatchTarget,
  opts: WatchOptions,
): RolloutSnapshot {
  const out: RolloutSnapshot = snap
    ? { ...snap, phase, newEvents: [] }
    : {
        phase,
        serviceName: target.service.split('/').pop() ?? target.service,
        desired: 0,
        running: 0,
        pending: 0,
        failed: 0,
        draining: 0,
        newEvents: [],
        events: [],
      };
  opts.onUpdate?.(out);
  return out;
}

function primary(s: Service): Deployment | undefined {
  return s.deployments?.find((d) => d.status === 'PRIMARY');
}

/** Events not seen before, oldest first; every event is marked seen. */
function newEvents(s: Service, seen: Set<string>): ServiceEvent[] {
  const out: ServiceEvent[] = [];
  for (const e of s.events ?? []) {
    const id = e.id ?? `${e.createdAt?.toString()}|${e.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(e);
  }
  return out.reverse();
}

/** The phase of `deploymentId` in a DescribeServices result. */
export function assess(
  s: Service,
  deploymentId: string | undefined,
  fresh: ServiceEvent[],
  events: ServiceEvent[],
): RolloutSnapshot {
  const deployments = s.deployments ?? [];
  const mine = deployments.find((d) => d.id === deploymentId);
  const head = primary(s);
  const cb = s.deploymentConfiguration?.deploymentCircuitBreaker;
  const base = {
    serviceName: s.serviceName,
    deploymentId,
    circuitBreaker: cb ? { enable: cb.enable, rollback: cb.rollback } : undefined,
    newEvents: fresh,
    events: [...events],
  };
  const d = mine ?? head;
  const counts = {
    // The service's task definition is its PRIMARY deployment's (DescribeServices); emulators may not update the deployment's.
    taskDefinition: d === head && s.taskDefinition ? s.taskDefinition : d?.taskDefinition,
    desired: d?.desiredCount ?? s.desiredCount ?? 0,
    running: d?.runningCount ?? s.runningCount ?? 0,
    pending: d?.pendingCount ?? s.pendingCount ?? 0,
    failed: d?.failedTasks ?? 0,
    draining: deployments.filter((x) => x !== d && (x.runningCount ?? 0) + (x.pendingCount ?? 0) > 0).length,
    rolloutState: d?.rolloutState,
    reason: d?.rolloutStateReason,
  };
  if (!mine && deploymentId && head && head.id !== deploymentId) {
    // Our deployment is gone: a circuit breaker rollback started another one, or someone else deployed.
    const rolledBack = events.some((e) => /roll(ing|ed)? ?back|circuit breaker/i.test(e.message ?? ''));
    return {
      ...base,
      ...counts,
      phase: rolledBack ? 'rolled-back' : 'replaced',
      reason: rolledBack
        ? (counts.reason ?? 'the deployment failed and ECS rolled back')
        : `deployment ${head.id} replaced it`,
    };
  }
  if (mine && mine.status !== 'PRIMARY' && head && head.id !== mine.id) {
    const failed = mine.rolloutState === 'FAILED';
    return {
      ...base,
      ...counts,
      phase: failed ? 'rolled-back' : 'replaced',
      reason: mine.rolloutStateReason ?? counts.reason,
    };
  }
  if (counts.rolloutState === 'FAILED') return { ...base, ...counts, phase: 'failed' };
  if (counts.rolloutState === 'COMPLETED') return { ...base, ...counts, phase: 'steady' };
  const noState = counts.rolloutState === undefined;
  const settled = deployments.length <= 1 && counts.running === counts.desired && counts.pending === 0;
  if (noState && settled) return { ...base, ...counts, phase: 'steady' };
  return { ...base, ...counts, phase: 'in-progress' };
}

/** One line for a progress notification or a tree node: "2/3 running · 1 pending · 1 failed · 1 old deployment draining". */
export function rolloutLine(s: RolloutSnapshot): string {
  const parts = [`${s.running}/${s.desired} running`];
  if (s.pending) parts.push(`${s.pending} pending`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.draining) parts.push(`${s.draining} old deployment${s.draining > 1 ? 's' : ''} draining`);
  return parts.join(' · ');
}

export const PHASE_TEXT: Readonly<Record<RolloutPhase, string>> = {
  'in-progress': 'rolling out',
  steady: 'reached a steady state',
  failed: 'deployment failed',
  'rolled-back': 'deployment failed; ECS rolled back',
  replaced: 'another deployment replaced it',
  cancelled: 'stopped watching (the deployment goes on)',
  timeout: 'still rolling out; stopped watching',
};
