/**
 * Edit task definition as new revision: opens the revision in register shape (read-only fields
 * stripped) as an untitled JSON document, which the language server validates; "Register task
 * definition" then registers it.
 */
import { nodeOfKind } from '../explorer/nodes';
import { toRegisterShape } from './registerShape';
import type { CommandDeps } from './types';

/** The palette title of fargateLens.registerTaskDefinition (category: title in package.json; a unit test checks it). */
export const REGISTER_COMMAND_TITLE = 'Fargate Lens: Register Task Definition from Editor';

export async function editTaskDefinition(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'revision', 'family');
  if (!node) {
    deps.ui.error('Edit as new revision works on a task definition in the explorer.');
    return;
  }
  const apis = await deps.apis(node.conn);
  const ref = node.kind === 'revision' ? node.taskDefinitionArn : node.family;
  const { taskDefinition, tags } = await apis.ecs.describeTaskDefinition(ref);
  await deps.ui.openUntitled(`${JSON.stringify(toRegisterShape(taskDefinition, tags), null, 2)}\n`, 'json');
  deps.ui.info(
    `Edit, then run "${REGISTER_COMMAND_TITLE}" (or the editor title button) to register a new revision of ${taskDefinition.family} in ${node.conn.region}.`,
  );
}
