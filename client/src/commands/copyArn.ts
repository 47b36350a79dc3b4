/** Copy ARN (or id, for EFS) of the selected node. */
import { arnOf, isNode } from '../explorer/nodes';
import type { CommandDeps } from './types';

export async function copyArn(deps: CommandDeps, arg?: unknown): Promise<void> {
  const arn = isNode(arg) ? arnOf(arg) : undefined;
  if (!arn) {
    deps.ui.error('This item has no ARN.');
    return;
  }
  await deps.ui.copy(arn);
  deps.ui.info(`Copied ${arn}`);
}
