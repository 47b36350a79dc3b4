/** Enable/disable ECS Exec on a service: UpdateService(enableExecuteCommand, forceNewDeployment) after a confirmation that says so. */
import { formatAwsError } from '../aws/errors';
import { nameFromArn, nodeOfKind } from '../explorer/nodes';
import { plural } from '../explorer/format';
import type { CommandDeps } from './types';

/** "its 1 running task", "all 3 running tasks", "its running tasks (none now)". */
function runningTasks(n: number): string {
  if (n === 0) return 'any running tasks (none now)';
  return n === 1 ? 'the 1 running task' : `all ${plural(n, 'running task')}`;
}

export async function setServiceExec(deps: CommandDeps, enable: boolean, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, 'service');
  if (!node) {
    deps.ui.error('This command works on a service in the Fargate Lens explorer.');
    return;
  }
  const s = node.service;
  const verb = enable ? 'Enable' : 'Disable';
  const detail =
    `This calls UpdateService with enableExecuteCommand=${enable} and forces a new deployment: ` +
    `${runningTasks(s.runningCount ?? 0)} of ${s.serviceName} in cluster ${nameFromArn(node.clusterArn)} (${node.conn.region}) ${(s.runningCount ?? 0) === 1 ? 'is' : 'are'} replaced by new ones.` +
    (enable ? ' The task role needs ssmmessages permissions.' : '');
  if (!(await deps.ui.confirm(`${verb} ECS Exec on service ${s.serviceName}?`, detail, `${verb} and redeploy`))) return;
  try {
    const apis = await deps.apis(node.conn);
    await deps.ui.withProgress(`${verb === 'Enable' ? 'Enabling' : 'Disabling'} ECS Exec…`, () =>
      apis.ecs.setServiceExec(node.clusterArn, s.serviceArn, enable),
    );
  } catch (err) {
    deps.ui.error(`UpdateService failed: ${formatAwsError(err, node.conn.profile)}`);
    return;
  }
  deps.ui.info(`ECS Exec ${enable ? 'enabled' : 'disabled'} on ${s.serviceName}; a new deployment is rolling out.`);
  deps.model.refresh(deps.model.getParent(node) ?? node);
}

export const enableExec = (deps: CommandDeps, arg?: unknown): Promise<void> => setServiceExec(deps, true, arg);
export const disableExec = (deps: CommandDeps, arg?: unknown): Promise<void> => setServiceExec(deps, false, arg);
