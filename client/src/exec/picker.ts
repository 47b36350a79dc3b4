/**
 * Turns a command argument into a container target: a container node is used as is, a task node asks
 * for the container, and no argument walks cluster → task → container with quick picks.
 */
import type { ApiTarget, ExecApiFactory, ExecUi } from './ports';
import { clusterNameOf, narrowTarget, taskIdFromArn, type ContainerTarget } from './target';

export async function resolveContainer(
  arg: unknown,
  apiFor: ExecApiFactory,
  ui: ExecUi,
  defaultTarget: () => ApiTarget,
): Promise<ContainerTarget | undefined> {
  const narrowed = narrowTarget(arg);
  if (narrowed?.kind === 'container') return narrowed;
  const where = narrowed ? { region: narrowed.region, profile: narrowed.profile } : defaultTarget();
  const api = apiFor(where);
  let clusterArn = narrowed?.clusterArn;
  let taskArn = narrowed?.taskArn;
  if (!clusterArn) {
    const clusters = await api.listClusters();
    clusterArn = await ui.pick(
      clusters.map((c) => ({ label: clusterNameOf(c), description: c, value: c })),
      'Select a cluster',
    );
    if (!clusterArn) return undefined;
  }
  if (!taskArn) {
    const tasks = await api.listRunningTasks(clusterArn);
    if (!tasks.length) {
      ui.showInfo(`Cluster ${clusterNameOf(clusterArn)} has no running tasks.`);
      return undefined;
    }
    taskArn = await ui.pick(
      tasks.map((t) => ({ label: taskIdFromArn(t), description: t, value: t })),
      'Select a task',
    );
    if (!taskArn) return undefined;
  }
  const task = await api.describeTask(clusterArn, taskArn);
  const containers = task?.containers ?? [];
  if (!containers.length) {
    ui.showError(`Task ${taskIdFromArn(taskArn)} has no containers to open a shell in.`);
    return undefined;
  }
  const container =
    containers.length === 1
      ? containers[0]
      : await ui.pick(
          containers.map((c) => ({ label: c.name, description: c.lastStatus, value: c })),
          'Select a container',
        );
  if (!container) return undefined;
  return {
    kind: 'container',
    clusterArn,
    taskArn,
    containerName: container.name,
    runtimeId: container.runtimeId,
    ...where,
  };
}
