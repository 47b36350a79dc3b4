/**
 * Turns a command argument into a container target: a container node is used as is, a task node asks
 * for the container, and no argument walks cluster → task → container with quick picks.
 */
import type { ApiTarget, ExecApiFactory, ExecUi } from './ports';
import type { TaskInfo } from './preflight';
import { clusterNameOf, narrowTarget, taskIdFromArn, type ContainerTarget } from './target';

/** `purpose` titles the pickers: "Run command: task". */
export async function resolveContainer(
  arg: unknown,
  apiFor: ExecApiFactory,
  ui: ExecUi,
  defaultTarget: () => ApiTarget,
  purpose = 'Open shell',
): Promise<ContainerTarget | undefined> {
  const narrowed = narrowTarget(arg);
  if (narrowed?.kind === 'container') return narrowed;
  const where = narrowed ? { region: narrowed.region, profile: narrowed.profile } : defaultTarget();
  const api = apiFor(where);
  let clusterArn = narrowed?.clusterArn;
  let taskArn = narrowed?.taskArn;
  if (!clusterArn) {
    const clusters = await api.listClusters();
    if (clusters.length === 0) {
      ui.showInfo(`There is no ECS cluster in ${where.region}.`);
      return undefined;
    }
    clusterArn =
      clusters.length === 1
        ? clusters[0]
        : await ui.pick(
            clusters.map((c) => ({ label: clusterNameOf(c), description: c, value: c })),
            { title: `${purpose}: cluster`, placeholder: `Clusters in ${where.region}` },
          );
    if (!clusterArn) return undefined;
  }
  if (!taskArn) {
    const tasks = await api.listRunningTasks(clusterArn);
    if (!tasks.length) {
      ui.showInfo(`Cluster ${clusterNameOf(clusterArn)} has no running tasks.`);
      return undefined;
    }
    const cluster = clusterArn;
    const described = await api.describeTasks(cluster, tasks.slice(0, 100));
    taskArn = await ui.pick(
      (described.length
        ? described
        : tasks.map((t): TaskInfo => ({ taskArn: t, clusterArn: cluster, containers: [] }))
      ).map(taskItem),
      {
        title: `${purpose}: task`,
        placeholder: `Running tasks in ${clusterNameOf(cluster)}${tasks.length > 100 ? ' (first 100)' : ''}`,
      },
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
          { title: `${purpose}: container`, placeholder: `Containers of task ${taskIdFromArn(taskArn).slice(0, 8)}` },
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

/** A task as people recognise it: what runs (family:revision), who started it, which containers. */
function taskItem(t: TaskInfo): { label: string; description?: string; detail?: string; value: string } {
  const id = taskIdFromArn(t.taskArn);
  const td = t.taskDefinitionArn?.split('/').pop();
  const service = t.group?.startsWith('service:') ? t.group.slice('service:'.length) : undefined;
  return {
    label: td ? `${td} · ${id.slice(0, 8)}` : id,
    description: service ? `service ${service}` : t.group ? t.group : 'standalone',
    detail: [t.containers.map((c) => c.name).join(', '), id].filter(Boolean).join(' · '),
    value: t.taskArn,
  };
}
