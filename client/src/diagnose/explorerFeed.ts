/**
 * Feeds the stopped tasks the explorer loads (a "Recently stopped" folder opened) to the findings store,
 * with where they ran ("prod/web", or "prod" for a standalone task). No call of its own.
 */
import type { ExplorerModel } from '../explorer/model';
import { nameFromArn } from '../explorer/nodes';
import type { DiagnoseFindingsStore } from './findingsStore';

export function feedFromExplorer(
  model: ExplorerModel,
  store: Pick<DiagnoseFindingsStore, 'seen'>,
): { dispose(): void } {
  return model.onDidLoad((node, children) => {
    if (node.kind !== 'stoppedTasks') return;
    const cluster = nameFromArn(node.clusterArn);
    const where = node.serviceName ? `${cluster}/${node.serviceName}` : cluster;
    store.seen(children.flatMap((c) => (c.kind === 'task' ? [{ task: c.task, where, region: c.conn.region }] : [])));
  });
}
