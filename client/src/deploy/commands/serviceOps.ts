/**
 * Service operations from the explorer (a service node) or the command palette (pick a service):
 * Update Service to a revision, Force New Deployment, Set Desired Count, Roll Back, the deployment
 * circuit breaker, Watch Rollout and Show Service Events. Each reads the service fresh (one
 * DescribeServices), confirms what it will do and cost (operations.ts), sends only the chosen
 * members, and watches the deployment it starts. These act on the account, not on workspace files.
 */
import type { Connection, Service, TaskDefinition } from '../../aws/types';
import { pickConnection, type CommandDeps } from '../../commands/types';
import { nodeOfKind, parseTaskDefinitionArn } from '../../explorer/nodes';
import {
  breakerUnsupported,
  circuitBreaker,
  forceNewDeployment,
  setDesiredCount,
  updateRevision,
  validateDesiredCount,
  type BreakerChoice,
} from '../operations';
import { previousRevision } from '../rollback';
import { CallBudget, scanServices } from '../services';
import { confirmRunAndWatch, showEvents, watchService } from './watch';

interface Target {
  conn: Connection;
  service: Service;
}

/** The service a command acts on, read fresh: the node's, or one the user picks. */
export async function targetService(deps: CommandDeps, arg: unknown): Promise<Target | undefined> {
  const node = nodeOfKind(arg, 'service');
  const conn = node ? node.conn : await pickConnection(deps);
  if (!conn) return undefined;
  const apis = await deps.apis(conn);
  let cluster: string;
  let arn: string;
  if (node) {
    cluster = node.clusterArn;
    arn = node.service.serviceArn;
  } else {
    const scan = await deps.ui.withProgress('Listing services…', () => scanServices(apis.ecs, new CallBudget(30)));
    const picked = await deps.ui.pick(
      scan.services.map((s) => ({
        label: s.serviceName,
        description: `${(s.clusterArn ?? '').split('/').pop()} · ${s.taskDefinition ? shortRev(s.taskDefinition) : ''}`,
        value: s,
      })),
      {
        title: `Service (${conn.region})`,
        placeholder: scan.partial ? 'Partial list (call budget reached)' : undefined,
      },
    );
    if (!picked) return undefined;
    cluster = picked.clusterArn ?? '';
    arn = picked.serviceArn;
  }
  const [service] = await apis.ecs.describeServices(cluster, [arn]);
  if (!service) {
    deps.ui.error(`The service ${arn.split('/').pop()} no longer exists.`);
    return undefined;
  }
  return { conn, service };
}

const shortRev = (arn: string): string => {
  const r = parseTaskDefinitionArn(arn);
  return `${r.family}:${r.revision}`;
};

async function taskDefOf(deps: CommandDeps, conn: Connection, arn?: string): Promise<TaskDefinition | undefined> {
  if (!arn) return undefined;
  try {
    return (await (await deps.apis(conn)).ecs.describeTaskDefinition(arn)).taskDefinition;
  } catch {
    return undefined; // only for the cost line of the confirmation
  }
}

export async function updateServiceRevision(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  const family = t.service.taskDefinition ? parseTaskDefinitionArn(t.service.taskDefinition).family : undefined;
  if (!family) return deps.ui.error(`${t.service.serviceName} has no task definition to start from.`);
  const page = await (await deps.apis(t.conn)).ecs.listTaskDefinitions(family, 'ACTIVE');
  const arn = await deps.ui.pick(
    page.items.map((a, i) => ({
      label: shortRev(a),
      description: [i === 0 && 'latest', a === t.service.taskDefinition && 'running now'].filter(Boolean).join(' · '),
      value: a,
    })),
    { title: `Update ${t.service.serviceName} to revision` },
  );
  if (!arn) return;
  if (arn === t.service.taskDefinition)
    return deps.ui.info(
      `${t.service.serviceName} already runs ${shortRev(arn)}; use Force New Deployment to restart its tasks.`,
    );
  await confirmRunAndWatch(deps, t.conn, t.service, updateRevision(t.service, arn, await taskDefOf(deps, t.conn, arn)));
}

export async function forceDeployment(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  const td = await taskDefOf(deps, t.conn, t.service.taskDefinition);
  await confirmRunAndWatch(deps, t.conn, t.service, forceNewDeployment(t.service, td));
}

export async function desiredCount(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  const text = await deps.ui.input({
    title: `Desired count of ${t.service.serviceName}`,
    prompt: `Now ${t.service.desiredCount ?? 0} (${t.service.runningCount ?? 0} running)`,
    value: String(t.service.desiredCount ?? 0),
    validate: validateDesiredCount,
  });
  if (text === undefined) return;
  const count = Number(text.trim());
  if (count === (t.service.desiredCount ?? 0))
    return deps.ui.info(`${t.service.serviceName} already wants ${count} tasks.`);
  const td = await taskDefOf(deps, t.conn, t.service.taskDefinition);
  await confirmRunAndWatch(deps, t.conn, t.service, setDesiredCount(t.service, count, td));
}

export async function rollBack(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  const apis = await deps.apis(t.conn);
  const prev = await deps.ui.withProgress('Finding the previous revision…', () =>
    previousRevision(apis.ecs, t.service),
  );
  let target = prev.taskDefinition;
  let why =
    prev.via === 'active-deployment'
      ? 'The previous revision is the one the old deployment still runs. '
      : "The previous revision comes from the service's deployment history. ";
  if (!target) {
    // No history to go by: the user picks among the family's older ACTIVE revisions, told why.
    const family = t.service.taskDefinition ? parseTaskDefinitionArn(t.service.taskDefinition) : undefined;
    if (!family) return deps.ui.error(`${t.service.serviceName} has no task definition to roll back from.`);
    const page = await apis.ecs.listTaskDefinitions(family.family, 'ACTIVE');
    const older = page.items.filter((a) => parseTaskDefinitionArn(a).revision < family.revision);
    if (older.length === 0)
      return deps.ui.error(
        `Cannot roll back ${t.service.serviceName}: ${prev.unknownBecause}, and no older ACTIVE revision of ${family.family} exists.`,
      );
    target = await deps.ui.pick(
      older.map((a) => ({ label: shortRev(a), value: a })),
      {
        title: `Roll back ${t.service.serviceName} to`,
        placeholder: `Which revision ran before is not known: ${prev.unknownBecause}`,
      },
    );
    if (!target) return;
    why = 'You picked the revision to roll back to. ';
  }
  const op = updateRevision(t.service, target, await taskDefOf(deps, t.conn, target), why);
  op.confirm.message = `Roll back ${t.service.serviceName} from ${shortRev(t.service.taskDefinition ?? '')} to ${shortRev(target)}?`;
  op.confirm.action = 'Roll Back';
  await confirmRunAndWatch(deps, t.conn, t.service, op);
}

export async function setCircuitBreaker(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  const unsupported = breakerUnsupported(t.service);
  if (unsupported) return deps.ui.error(unsupported);
  const cb = t.service.deploymentConfiguration?.deploymentCircuitBreaker;
  const now = cb?.enable ? (cb.rollback ? 'enable-rollback' : 'enable') : 'disable';
  const choice = await deps.ui.pick<BreakerChoice>(
    (
      [
        {
          label: 'Enable with rollback',
          detail: 'Stop a failing deployment and return to the last completed one',
          value: 'enable-rollback',
        },
        {
          label: 'Enable without rollback',
          detail: 'Stop a failing deployment; stay on it until you act',
          value: 'enable',
        },
        { label: 'Disable', detail: 'A failing deployment keeps retrying', value: 'disable' },
      ] as Array<{ label: string; detail: string; value: BreakerChoice }>
    ).map((i) => ({ ...i, description: i.value === now ? 'current' : undefined })),
    { title: `Deployment circuit breaker of ${t.service.serviceName}` },
  );
  if (!choice) return;
  if (choice === now) return deps.ui.info('That is the current setting; nothing to change.');
  await confirmRunAndWatch(deps, t.conn, t.service, circuitBreaker(t.service, choice));
}

export async function watchRolloutCommand(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  await watchService(deps, t.conn, t.service, undefined, new Set((t.service.events ?? []).map((e) => e.id ?? '')));
}

export async function showServiceEvents(deps: CommandDeps, arg?: unknown): Promise<void> {
  const t = await targetService(deps, arg);
  if (!t) return;
  await showEvents(deps, t.conn, t.service, t.service.events);
}
