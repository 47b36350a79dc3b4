/**
 * Tree items of a service's rollout: each deployment (rollout state, counts, circuit breaker, the whole
 * rolloutStateReason) and the "Service events" folder with its (de-duplicated) events. Pure, like
 * treeItems.ts, which delegates these kinds here.
 */
import type { NodeOf } from './nodes';
import { parseTaskDefinitionArn } from './nodes';
import { formatAge, formatTime } from './format';
import { join, md, row, table } from './markdown';
import type { TreeItemData } from './treeItems';

const STATE_CONTEXT: Record<string, string> = { FAILED: 'failed', IN_PROGRESS: 'inProgress', COMPLETED: 'completed' };

const ago = (t: Date | string | undefined, now: number): string | undefined => {
  const a = formatAge(t, now);
  return a && (a === 'just now' ? a : `${a} ago`);
};

export function deploymentItem(node: NodeOf<'deployment'>, now: number): TreeItemData {
  const d = node.deployment;
  const td = d.taskDefinition ? parseTaskDefinitionArn(d.taskDefinition) : undefined;
  const rev = td && `${td.family}:${td.revision}`;
  const state = d.rolloutState;
  const cb = node.circuitBreaker;
  const breaker = cb
    ? cb.enable
      ? `circuit breaker on${cb.rollback ? ' (rollback)' : ''}`
      : 'circuit breaker off'
    : undefined;
  return {
    id: node.id,
    contextValue: `fargateLens.deployment.${STATE_CONTEXT[state ?? ''] ?? 'unknown'}`,
    label: join([d.status ?? 'Deployment', rev]) ?? 'Deployment',
    collapsible: 'none',
    icon:
      state === 'FAILED'
        ? { id: 'error', color: 'charts.red' }
        : state === 'IN_PROGRESS'
          ? { id: 'sync~spin', color: 'charts.yellow' }
          : { id: 'rocket', color: state === 'COMPLETED' ? 'charts.green' : undefined },
    description: join([
      state,
      `${d.runningCount ?? 0}/${d.desiredCount ?? 0} running`,
      (d.pendingCount ?? 0) > 0 && `${d.pendingCount} pending`,
      (d.failedTasks ?? 0) > 0 && `${d.failedTasks} failed`,
      breaker,
      state !== 'COMPLETED' && d.rolloutStateReason,
    ]),
    tooltip: table(`Deployment ${d.id ?? ''}`.trim(), [
      row('Status', d.status),
      row('Rollout state', state),
      row('Reason', d.rolloutStateReason),
      row('Task definition', rev),
      row('Desired', d.desiredCount),
      row('Running', d.runningCount),
      row('Pending', d.pendingCount),
      row('Failed tasks', d.failedTasks),
      row('Circuit breaker', breaker?.replace(/^circuit breaker /, '') ?? 'not configured'),
      row('Created', d.createdAt && `${formatTime(d.createdAt)} (${ago(d.createdAt, now)})`),
      row('Updated', d.updatedAt && `${formatTime(d.updatedAt)} (${ago(d.updatedAt, now)})`),
    ]),
    accessibilityLabel: `Deployment ${d.status ?? ''} ${state ?? ''}`.trim(),
  };
}

export function serviceEventsItem(node: NodeOf<'serviceEvents'>, now: number): TreeItemData {
  const newest = node.events[0]?.createdAt;
  return {
    id: node.id,
    contextValue: 'fargateLens.serviceEvents',
    label: 'Service events',
    description: join([`${node.events.length}`, newest && `latest ${ago(newest, now)}`]),
    tooltip: 'The events ECS wrote for this service (newest first, at most 100); repeats of one text are shown once.',
    icon: { id: 'list-unordered' },
    collapsible: 'collapsed',
  };
}

/** Events that tell of trouble (the service-events texts of the failure catalogue). */
const TROUBLE =
  /unable to place|failed container health checks|is unhealthy in|failed ELB health checks|deployment failed|circuit breaker|rolling back|unable to|error/i;

export function serviceEventItem(node: NodeOf<'serviceEvent'>, now: number): TreeItemData {
  const e = node.event;
  const message = e.message ?? '';
  const repeated = node.count > 1 ? `×${node.count}` : undefined;
  return {
    id: node.id,
    contextValue: 'fargateLens.serviceEvent',
    label: message,
    description: join([repeated, ago(e.createdAt, now), formatTime(e.createdAt)]),
    tooltip:
      `${md(message)}\n\n${md(formatTime(e.createdAt))}` +
      (repeated && node.firstAt ? `\n\nRepeated ${node.count} times since ${md(formatTime(node.firstAt))}` : ''),
    icon: TROUBLE.test(message)
      ? { id: 'warning', color: 'list.warningForeground' }
      : /steady state/.test(message)
        ? { id: 'pass', color: 'charts.green' }
        : { id: 'circle-small' },
    collapsible: 'none',
  };
}
