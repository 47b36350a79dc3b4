/**
 * Fetches what the pre-flight checks need (task, task definition, cluster, and the IAM simulations
 * when the caller may run them) and runs the checks. A failed simulation is skipped, not fatal:
 * many users may exec but not simulate.
 */
import type { ExecApi } from './ports';
import {
  serviceOf,
  requiredCallerActions,
  requiredTaskRoleActions,
  runPreflight,
  taskRoleOf,
  type Finding,
  type PreflightInput,
} from './preflight';
import { simulatablePrincipal, taskIdFromArn, type ContainerTarget } from './target';

export interface Gathered {
  input?: PreflightInput;
  findings: Finding[];
  runtimeId?: string;
  kmsKeyId?: string;
}

async function tryOr<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch {
    return undefined;
  }
}

/** `callerActions`: what the caller needs instead of ECS Exec's actions (a port session: ssm:StartSession). */
export async function gatherPreflight(
  api: ExecApi,
  target: ContainerTarget,
  simulateIam: boolean,
  callerActions?: string[],
): Promise<Gathered> {
  const task = await api.describeTask(target.clusterArn, target.taskArn);
  if (!task) {
    return {
      findings: [
        {
          id: 'exec/task-running',
          severity: 'error',
          message: `Task ${taskIdFromArn(target.taskArn)} was not found; it may have stopped.`,
        },
      ],
    };
  }
  const [def, cluster] = await Promise.all([
    task.taskDefinitionArn ? api.describeTaskDefinition(task.taskDefinitionArn) : Promise.resolve(undefined),
    api.describeCluster(target.clusterArn),
  ]);
  const input: PreflightInput = {
    task,
    containerName: target.containerName,
    taskDefinition: def?.info,
    cluster,
    callerActions,
  };
  const service = serviceOf(task);
  // Only when it decides the fix: a task without ECS Exec whose service may already have it on.
  if (service && task.enableExecuteCommand !== true)
    input.serviceExecEnabled = await tryOr(api.describeServiceExec(target.clusterArn, service));
  if (simulateIam) {
    const role = taskRoleOf(input);
    const caller = await tryOr(api.callerArn());
    const principal = caller ? simulatablePrincipal(caller) : undefined;
    const [roleSim, callerSim] = await Promise.all([
      role ? tryOr(api.simulatePrincipalPolicy(role, requiredTaskRoleActions(cluster))) : undefined,
      principal
        ? tryOr(api.simulatePrincipalPolicy(principal, callerActions ?? requiredCallerActions(cluster)))
        : undefined,
    ]);
    input.taskRoleSimulation = roleSim;
    input.callerSimulation = callerSim;
  }
  const container = task.containers.find((c) => c.name === target.containerName);
  return {
    input,
    findings: runPreflight(input),
    runtimeId: container?.runtimeId ?? target.runtimeId,
    kmsKeyId: cluster?.executeCommandConfiguration?.kmsKeyId,
  };
}
