/**
 * When the explorer shows its welcome view instead of a tree. VS Code shows a view's `viewsWelcome`
 * content only while the tree has no root items, and the explorer always has a connection per
 * region, so the welcome never showed. Now the root first probes each connection (the Clusters and
 * Task definitions folders, loaded as their nodes would be, so the calls are cached for the tree):
 * when EVERY connection has no usable credentials, cannot reach AWS, or holds no cluster and no task
 * definition, the root is empty and the `fargateLens.explorer.welcome` context key picks the welcome
 * content and the view's description names the connections (a view message would hide the welcome).
 */
import { describeAwsError } from '../aws/errors';
import { connectionLabel } from '../aws/profiles';
import type { ExplorerNode } from './nodes';

export type WelcomeState = 'noCredentials' | 'unreachable' | 'empty';

export interface WelcomeProbe {
  getChildren(node?: ExplorerNode): Promise<ExplorerNode[]>;
  /** The connection-level failure of a connection, if any. */
  connectionError(conn: ExplorerNode['conn']): unknown;
}

export interface Welcome {
  state: WelcomeState;
  /** The connections (and endpoint) it is about, for the view's description beside its title. */
  where: string;
  /** One line saying what happened, with the error when there is one. */
  message: string;
}

const CREDENTIALS = new Set(['no-credentials', 'sso-expired', 'expired-token']);

/** Whether a folder's children are only its "No ..." message (and, for task definitions, the Inactive folder). */
const isEmpty = (children: ExplorerNode[]): boolean =>
  children.every((n) => n.kind === 'inactiveFamilies' || (n.kind === 'message' && n.severity === 'info'));

async function probe(model: WelcomeProbe, root: ExplorerNode): Promise<{ state?: WelcomeState; error?: string }> {
  const folders = await model.getChildren(root);
  const clusters = folders.find((n) => n.kind === 'clusters');
  const taskDefinitions = folders.find((n) => n.kind === 'taskDefinitions');
  if (!clusters || !taskDefinitions) return {};
  const clusterChildren = await model.getChildren(clusters);
  const failed = model.connectionError(root.conn);
  if (failed !== undefined) {
    const info = describeAwsError(failed, root.conn.profile);
    return {
      state: CREDENTIALS.has(info.kind) ? 'noCredentials' : info.kind === 'network' ? 'unreachable' : undefined,
      error: info.message,
    };
  }
  if (!isEmpty(clusterChildren)) return {};
  return isEmpty(await model.getChildren(taskDefinitions)) ? { state: 'empty' } : {};
}

/** The welcome to show for these roots, or undefined to show the tree. */
export async function welcomeFor(
  model: WelcomeProbe,
  roots: ExplorerNode[],
  endpoint: string | undefined,
): Promise<Welcome | undefined> {
  if (roots.length === 0) return undefined;
  const results = await Promise.all(roots.map((r) => probe(model, r)));
  const state = results[0].state;
  if (!state || results.some((r) => r.state !== state)) return undefined;
  const where = roots.map((r) => connectionLabel(r.conn)).join(', ');
  const via = endpoint ? ` via ${endpoint}` : '';
  const message =
    state === 'empty'
      ? `No ECS clusters or task definitions in ${where}${via}.`
      : `${where}${via}: ${results[0].error ?? ''}`;
  return { state, where: `${where}${via}`, message };
}
