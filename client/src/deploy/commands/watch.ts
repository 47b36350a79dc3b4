/**
 * After an operation: the UpdateService call, then the rollout watch with a cancellable progress
 * notification and the service node showing each snapshot, then one message with what to do next
 * (on failure: the stopped-task diagnosis when the extension has it, else the service events).
 */
import type { Connection, Service, ServiceEvent } from '../../aws/types';
import type { CommandDeps } from '../../commands/types';
import { nodes, parseTaskDefinitionArn } from '../../explorer/nodes';
import type { Operation } from '../operations';
import { PHASE_TEXT, rolloutLine, watchRollout, type RolloutSnapshot } from '../rollout';
import { DIAGNOSE_COMMAND } from './deps';

const eventId = (e: ServiceEvent): string => e.id ?? `${e.createdAt?.toString()}|${e.message}`;
const label = (s: Service): string => `${(s.clusterArn ?? '').split('/').pop()}/${s.serviceName}`;
const rev = (arn?: string): string => {
  if (!arn) return '?';
  const r = parseTaskDefinitionArn(arn);
  return `${r.family}:${r.revision}`;
};

/** Confirms, sends the operation's UpdateService input, and watches the deployment it starts. */
export async function confirmRunAndWatch(
  deps: CommandDeps,
  conn: Connection,
  s: Service,
  op: Operation,
): Promise<void> {
  const { ui } = deps;
  if (!(await ui.confirm(op.confirm.message, op.confirm.detail, op.confirm.action))) return;
  const apis = await deps.apis(conn);
  const known = new Set((s.events ?? []).map(eventId));
  const updated = await ui.withProgress(`${op.confirm.action}: ${label(s)}…`, () => apis.ecs.updateService(op.input));
  deps.deploy?.drift.clear();
  refreshServices(deps, conn, s);
  if (!op.deploys) {
    ui.info(`${label(s)} updated.`);
    return;
  }
  const deploymentId = updated.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  await watchService(deps, conn, updated, deploymentId, known);
}

/** Watches a service's PRIMARY deployment (or `deploymentId`) until steady, failed, cancelled or timed out. */
export async function watchService(
  deps: CommandDeps,
  conn: Connection,
  s: Service,
  deploymentId: string | undefined,
  known: ReadonlySet<string>,
): Promise<RolloutSnapshot | undefined> {
  const d = deps.deploy;
  if (!d) return undefined;
  const { ui } = deps;
  const apis = await deps.apis(conn);
  const primary = s.deployments?.find((x) => x.id === deploymentId || (!deploymentId && x.status === 'PRIMARY'));
  const title = `${label(s)}: rolling out ${rev(primary?.status === 'PRIMARY' ? (s.taskDefinition ?? primary.taskDefinition) : (primary?.taskDefinition ?? s.taskDefinition))}`;
  const final = await ui.withReportedProgress(title, (report, signal) =>
    watchRollout(
      apis.ecs,
      { cluster: s.clusterArn ?? '', service: s.serviceArn, deploymentId, knownEventIds: known },
      {
        signal,
        sleep: d.sleep,
        now: d.now,
        ...d.watch,
        onUpdate: (snap) => {
          const latest = snap.newEvents.at(-1)?.message;
          report(`${rolloutLine(snap)}${latest ? ` — ${latest}` : ''}`);
          d.rollouts.set(s.serviceArn, snap);
        },
      },
    ),
  );
  refreshServices(deps, conn, s);
  await outcome(deps, conn, s, final);
  return final;
}

async function outcome(deps: CommandDeps, conn: Connection, s: Service, snap: RolloutSnapshot): Promise<void> {
  const { ui } = deps;
  const what = `${label(s)} (${rev(snap.taskDefinition)}): ${PHASE_TEXT[snap.phase]}`;
  if (snap.phase === 'steady') {
    await ui.notify('info', `${what} — ${rolloutLine(snap)}.`, []);
    return;
  }
  if (snap.phase === 'cancelled' || snap.phase === 'timeout') {
    await ui.notify('info', `${what}. Watch it again with "Watch Service Rollout" on the service.`, []);
    return;
  }
  const failed = snap.phase === 'failed' || snap.phase === 'rolled-back';
  const diagnose = failed && (await ui.hasCommand(DIAGNOSE_COMMAND));
  const actions = [diagnose ? 'Why Did It Fail?' : 'Show Service Events'];
  const reason = snap.reason ? ` ${snap.reason}` : '';
  const pressed = await ui.notify(failed ? 'error' : 'warning', `${what}.${reason}`, actions);
  if (pressed === 'Why Did It Fail?') {
    const parent = { id: `deploy:${conn.region}`, conn };
    await ui.runCommand(DIAGNOSE_COMMAND, nodes.service(parent as never, s.clusterArn ?? '', s));
  } else if (pressed === 'Show Service Events') await showEvents(deps, conn, s, snap.events);
}

/** Opens the service's events (newest first) as a read-only document. */
export async function showEvents(
  deps: CommandDeps,
  conn: Connection,
  s: Service,
  events?: ServiceEvent[],
): Promise<void> {
  let list = events;
  if (!list || list.length === 0) {
    const apis = await deps.apis(conn);
    const [fresh] = await apis.ecs.describeServices(s.clusterArn ?? '', [s.serviceArn]);
    list = fresh?.events ?? [];
  }
  const lines = list.map((e) => `${e.createdAt ? new Date(e.createdAt).toISOString() : ''}  ${e.message ?? ''}`);
  const uri = deps.documents.put(conn.region, 'service-events', label(s), lines);
  await deps.ui.openReadOnly(uri);
}

function refreshServices(deps: CommandDeps, conn: Connection, s: Service): void {
  for (const root of deps.model.roots()) {
    if (root.conn.region !== conn.region || root.conn.profile !== conn.profile) continue;
    const id = `${root.id}/clusters/cluster:${s.clusterArn}/services`;
    const folder = deps.model.getNode(id);
    if (folder) deps.model.refresh(folder);
  }
}
