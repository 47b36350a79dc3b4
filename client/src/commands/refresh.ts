/** Refresh the whole view or one node, and "load more". */
import { isNode, nodeOfKind } from '../explorer/nodes';
import type { CommandDeps } from './types';

export function refreshAll(deps: CommandDeps): Promise<void> {
  deps.resetClients();
  deps.model.refresh();
  return Promise.resolve();
}

/** Refresh one node; on an error message, its parent (Retry); on a connection, retries the connection. */
export function refreshNode(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = isNode(arg) ? arg : undefined;
  if (node?.kind === 'connection') deps.resetClients();
  deps.model.refresh(node);
  return Promise.resolve();
}

export async function loadMore(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'loadMore');
  if (node) await deps.model.loadMore(node);
}
