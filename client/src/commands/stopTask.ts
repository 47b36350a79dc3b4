/** Stop task: asks for a reason, confirms saying what happens, calls StopTask, refreshes the task's parent. */
import { formatAwsError } from '../aws/errors';
import { nodeOfKind, shortId, nameFromArn } from '../explorer/nodes';
import { isServiceTask } from '../explorer/loaders';
import type { CommandDeps } from './types';

export async function stopTask(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'task');
  if (!node) {
    deps.ui.error('Stop task works on a task in the Fargate Lens explorer.');
    return;
  }
  const { task, clusterArn, conn } = node;
  const reason = await deps.ui.input({
    title: `Stop task ${shortId(task.taskArn)}`,
    prompt: 'Reason (shown as the stopped reason)',
    value: 'Stopped from Fargate Lens',
  });
  if (reason === undefined) return;
  const byService = isServiceTask(task);
  const detail = `The containers get SIGTERM, then SIGKILL after their stop timeout. ${byService ? `Service ${task.group?.slice('service:'.length)} will start a replacement task.` : 'This standalone task will not be replaced.'} Region ${conn.region}, cluster ${nameFromArn(clusterArn)}.`;
  if (!(await deps.ui.confirm(`Stop task ${shortId(task.taskArn)}?`, detail, 'Stop task'))) return;
  try {
    const apis = await deps.apis(conn);
    await deps.ui.withProgress('Stopping task…', () =>
      apis.ecs.stopTask(clusterArn, task.taskArn, reason || 'Stopped from Fargate Lens'),
    );
  } catch (err) {
    deps.ui.error(`Stop task failed: ${formatAwsError(err, conn.profile)}`);
    return;
  }
  deps.ui.info(`Stopping task ${shortId(task.taskArn)}.`);
  const parent = deps.model.getParent(node);
  deps.model.refresh(parent ?? node);
}
