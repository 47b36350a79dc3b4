/**
 * Diagnose: why did it stop? On a stopped task, a service (its recently stopped tasks, e.g. after a
 * failed rollout) or from the palette (a cluster picked), gathers the evidence (client/src/diagnose/gather)
 * and opens ONE read-only Markdown report; a notification then offers the task JSON and its logs.
 */
import { diagnoseStopped, type StoppedScope } from '../diagnose/gather';
import { renderReport } from '../diagnose/report';
import { nodes as NODES, nameFromArn, nodeOfKind, type ExplorerNode } from '../explorer/nodes';
import { pickConnection, type CommandDeps } from './types';

/** A stopped task; a service or one of its failed deployments (its recently stopped tasks). */
export const DIAGNOSE_KINDS = ['task', 'service', 'deployment'] as const;

async function pickCluster(deps: CommandDeps): Promise<{ conn: ExplorerNode['conn']; cluster: string } | undefined> {
  const conn = await pickConnection(deps);
  if (!conn) return undefined;
  const apis = await deps.apis(conn);
  const arns: string[] = [];
  let token: string | undefined;
  do {
    const page = await apis.ecs.listClusters(token);
    arns.push(...page.items);
    token = page.nextToken;
  } while (token && arns.length < 1000);
  if (arns.length === 0) {
    deps.ui.info(`No ECS clusters in ${conn.region}: nothing to diagnose.`);
    return undefined;
  }
  const cluster =
    arns.length === 1
      ? arns[0]
      : await deps.ui.pick(
          arns.map((a) => ({ label: nameFromArn(a), description: a, value: a })),
          { title: 'Diagnose: cluster' },
        );
  return cluster ? { conn, cluster } : undefined;
}

export async function diagnose(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, ...DIAGNOSE_KINDS);
  let scope: StoppedScope;
  let conn: ExplorerNode['conn'];
  let label: string;
  if (node?.kind === 'task') {
    scope = { kind: 'tasks', cluster: node.clusterArn, tasks: [node.task.taskArn] };
    conn = node.conn;
    label = `${nameFromArn(node.clusterArn)} task ${nameFromArn(node.task.taskArn)}`;
  } else if (node?.kind === 'service' || node?.kind === 'deployment') {
    const service = node.kind === 'service' ? node.service.serviceName : node.serviceName;
    scope = { kind: 'service', cluster: node.clusterArn, service };
    conn = node.conn;
    label = `${nameFromArn(node.clusterArn)}/${service}`;
  } else {
    const picked = await pickCluster(deps);
    if (!picked) return;
    scope = { kind: 'cluster', cluster: picked.cluster };
    conn = picked.conn;
    label = nameFromArn(picked.cluster);
  }
  const apis = await deps.apis(conn);
  const reports = await deps.ui.withProgress(`Diagnosing ${label}…`, () =>
    diagnoseStopped(apis, scope, { apisFor: deps.apis }),
  );
  if (node?.kind === 'task' && reports.length === 0) {
    deps.ui.info(
      `Task ${nameFromArn(node.task.taskArn)} has not stopped (or ECS no longer keeps it): nothing to diagnose.`,
    );
    return;
  }
  // What the report found also shows in the workspace's task definitions (trusted workspaces only: the store decides).
  const where =
    scope.kind === 'service' ? `${nameFromArn(scope.cluster)}/${scope.service}` : nameFromArn(scope.cluster);
  deps.stoppedFindings?.seen(
    reports.map((r) => ({
      task: r.task,
      diagnosis: r.diagnosis,
      region: conn.region,
      where: r.task.group?.startsWith('service:') ? `${nameFromArn(scope.cluster)}/${r.task.group.slice(8)}` : where,
    })),
  );
  const text = renderReport(reports, { scope: label, region: conn.region, profile: conn.profile, now: Date.now() });
  const uri = deps.documents.putText(conn.region, 'diagnosis', label.replace(/\s+/g, '-'), text, 'md');
  await deps.ui.openReadOnly(uri);
  const first = reports.find((r) => r.diagnosis.failed);
  if (!first) return;
  const parent = node ?? NODES.connection(conn);
  const taskNode = NODES.task(parent, scope.cluster, first.task);
  const title = first.diagnosis.ruleId ?? 'unclassified';
  const choice = await deps.ui.notify(
    first.diagnosis.ruleId ? 'warning' : 'info',
    `Task ${nameFromArn(first.task.taskArn)}: ${title}: ${first.diagnosis.summary}`,
    ['Open Task JSON', 'Open Logs'],
  );
  if (choice === 'Open Task JSON') await deps.ui.runCommand('fargateLens.openAsJson', taskNode);
  else if (choice === 'Open Logs') await deps.ui.runCommand('fargateLens.showContainerLogs', taskNode);
}
