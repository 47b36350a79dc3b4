/**
 * Runtime checks on the task and its container (DescribeTasks side of amazon-ecs-exec-checker):
 * status, `enableExecuteCommand`, Fargate platform version, the ExecuteCommandAgent and runtime id.
 */
import type { ContainerInfo, Finding, FixAction, PreflightInput, TaskInfo } from './types';

export function serviceOf(task: TaskInfo): string | undefined {
  return task.group?.startsWith('service:') ? task.group.slice('service:'.length) : undefined;
}

export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

export function containerOf(input: PreflightInput): ContainerInfo | undefined {
  return input.task.containers.find((c) => c.name === input.containerName);
}

/**
 * The fix for a task started without ECS Exec. A service that already has it on only needs new tasks:
 * a forced new deployment replaces them all (or stopping this task lets the service start a new one).
 */
function enableFix(task: TaskInfo, serviceExecEnabled: boolean | undefined): { title: string } & FixAction {
  const service = serviceOf(task);
  if (service && serviceExecEnabled)
    return {
      title: `Redeploy service ${service} (force new deployment)`,
      action: 'redeployService',
      clusterArn: task.clusterArn,
      service,
    };
  return service
    ? {
        title: `Enable ECS Exec on service ${service} and redeploy`,
        action: 'enableExecOnService',
        clusterArn: task.clusterArn,
        service,
      }
    : {
        title: 'Run a new task with ECS Exec enabled',
        action: 'runNewTaskWithExec',
        clusterArn: task.clusterArn,
        taskDefinitionArn: task.taskDefinitionArn,
      };
}

export function checkTaskRunning({ task }: PreflightInput): Finding[] {
  const status = task.lastStatus ?? 'UNKNOWN';
  if (status === 'RUNNING' && task.desiredStatus !== 'STOPPED') return [];
  const id = taskIdOf(task.taskArn);
  if (status === 'PENDING' || status === 'PROVISIONING' || status === 'ACTIVATING') {
    return [
      {
        id: 'exec/task-running',
        severity: 'error',
        message: `Task ${id} is ${status}; ECS Exec needs it RUNNING.`,
        fix: { title: 'Try again', action: 'retry' },
      },
    ];
  }
  return [
    {
      id: 'exec/task-running',
      severity: 'error',
      message: `Task ${id} is ${status === 'RUNNING' ? 'stopping' : status}; ECS Exec needs a running task.`,
    },
  ];
}

export function checkExecEnabled({ task, serviceExecEnabled }: PreflightInput): Finding[] {
  if (task.enableExecuteCommand === true) return [];
  const what =
    task.enableExecuteCommand === false
      ? 'was started without ECS Exec'
      : 'does not report whether ECS Exec is enabled';
  const service = serviceOf(task);
  const why =
    service && serviceExecEnabled
      ? ` Service ${service} has ECS Exec on, but this task was started before it was turned on; a new deployment (or stopping this task) gives tasks that have it.`
      : ' It cannot be turned on for a running task; a new task is needed.';
  const finding: Finding = {
    id: 'exec/enabled',
    severity: task.enableExecuteCommand === false ? 'error' : 'warning',
    message: `Task ${taskIdOf(task.taskArn)} ${what}.${why}`,
    fix: enableFix(task, serviceExecEnabled),
  };
  // The service replaces a stopped task with one that has its current settings, ECS Exec included.
  if (service && serviceExecEnabled)
    finding.alternative = {
      title: `Stop task ${taskIdOf(task.taskArn).slice(0, 8)} (service ${service} starts a new one)`,
      action: 'stopTask',
      clusterArn: task.clusterArn,
      taskArn: task.taskArn,
      service,
    };
  return [finding];
}

/** Compares dotted versions numerically; `LATEST` or unparsable gives undefined. */
export function compareVersions(a: string, b: string): number | undefined {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if ([...pa, ...pb].some((n) => !Number.isInteger(n))) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

export function checkPlatformVersion({ task }: PreflightInput): Finding[] {
  if (task.launchType && task.launchType !== 'FARGATE') return [];
  const windows = task.platformFamily?.toUpperCase().startsWith('WINDOWS') ?? false;
  const minimum = windows ? '1.0.0' : '1.4.0';
  const pv = task.platformVersion;
  if (!pv || pv === 'LATEST') return [];
  const cmp = compareVersions(pv, minimum);
  if (cmp === undefined || cmp >= 0) return [];
  return [
    {
      id: 'exec/pv',
      severity: 'error',
      message: `Task runs on Fargate platform version ${pv}; ECS Exec needs ${minimum} or later${windows ? ' (Windows)' : ''}.`,
      fix: enableFix(task, undefined),
    },
  ];
}

export function checkExecAgent(input: PreflightInput): Finding[] {
  const c = containerOf(input);
  if (!c)
    return [
      {
        id: 'exec/container',
        severity: 'error',
        message: `Task ${taskIdOf(input.task.taskArn)} has no container named ${input.containerName}.`,
      },
    ];
  const agent = c.managedAgents?.find((a) => a.name === 'ExecuteCommandAgent');
  const findings: Finding[] = [];
  if (!agent) {
    findings.push({
      id: 'exec/agent-running',
      severity: input.task.enableExecuteCommand ? 'error' : 'warning',
      message: `Container ${c.name} reports no ExecuteCommandAgent; the task was probably started without ECS Exec.`,
      fix: enableFix(input.task, input.serviceExecEnabled),
    });
  } else if (agent.lastStatus !== 'RUNNING') {
    const reason = agent.reason ? ` (${agent.reason})` : '';
    findings.push({
      id: 'exec/agent-running',
      severity: 'error',
      message: `The ExecuteCommandAgent in container ${c.name} is ${agent.lastStatus ?? 'UNKNOWN'}${reason}.`,
      fix:
        agent.lastStatus === 'PENDING'
          ? { title: 'Try again', action: 'retry' }
          : {
              title: 'Open ECS Exec troubleshooting',
              action: 'openDocs',
              url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec-troubleshooting.html',
            },
    });
  }
  if (!c.runtimeId) {
    findings.push({
      id: 'exec/runtime-id',
      severity: 'warning',
      message: `Container ${c.name} has no runtime id yet; KMS-encrypted sessions need it.`,
    });
  }
  return findings;
}
