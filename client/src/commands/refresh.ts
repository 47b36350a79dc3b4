/** Refresh the whole view or one node, and "load more". */
import { isNode, nodeOfKind } from '../explorer/nodes';
import type { CommandDeps } from './types';

export async function refreshAll(deps: CommandDeps): Promise<void> {
  deps.resetClients();
  deps.model.refresh();
}

export async function refreshNode(deps: CommandDeps, arg?: unknown): Promise<void> {
  deps.model.refresh(isNode(arg) ? arg : undefined);
}

export async function loadMore(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'loadMore');
  if (node) await deps.model.loadMore(node);
}
