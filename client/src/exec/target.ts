/**
 * Exec command arguments: tree nodes arrive as plain data and are narrowed here before use
 * (`{ kind: 'container', ... }` or `{ kind: 'task', ... }`); anything else means "ask the user".
 */
export interface ContainerTarget {
  kind: 'container';
  clusterArn: string;
  taskArn: string;
  containerName: string;
  runtimeId?: string;
  region: string;
  profile?: string;
}

export interface TaskTarget {
  kind: 'task';
  clusterArn: string;
  taskArn: string;
  region: string;
  profile?: string;
}

function str(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function optStr(v: unknown): string | undefined {
  return str(v) ? v : undefined;
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

/**
 * Explorer tree nodes (client/src/explorer/nodes.ts) nest what the flat shape carries: region and profile
 * in `conn`, the task ARN in `task`, the container's name and runtime id in `container`.
 */
function flatten(a: Record<string, unknown>): Record<string, unknown> {
  const conn = record(a.conn);
  const task = record(a.task);
  const container = record(a.container);
  return {
    ...a,
    region: a.region ?? conn?.region,
    profile: a.profile ?? conn?.profile,
    taskArn: a.taskArn ?? task?.taskArn,
    containerName: a.containerName ?? container?.name,
    runtimeId: a.runtimeId ?? container?.runtimeId,
  };
}

export function narrowTarget(arg: unknown): ContainerTarget | TaskTarget | undefined {
  const given = record(arg);
  if (!given) return undefined;
  const a = flatten(given);
  if (!str(a.clusterArn) || !str(a.taskArn) || !str(a.region)) return undefined;
  const base = { clusterArn: a.clusterArn, taskArn: a.taskArn, region: a.region, profile: optStr(a.profile) };
  if (a.kind === 'container' && str(a.containerName)) {
    return { kind: 'container', ...base, containerName: a.containerName, runtimeId: optStr(a.runtimeId) };
  }
  if (a.kind === 'task') return { kind: 'task', ...base };
  return undefined;
}

export function clusterNameOf(clusterArn: string): string {
  return clusterArn.slice(clusterArn.lastIndexOf('/') + 1);
}

export function taskIdFromArn(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/** The SSM target id of an ECS Exec session: `ecs:<cluster>_<taskId>_<runtimeId>`. */
export function ssmTargetId(t: { clusterArn: string; taskArn: string; runtimeId?: string }): string {
  return `ecs:${clusterNameOf(t.clusterArn)}_${taskIdFromArn(t.taskArn)}_${t.runtimeId ?? ''}`;
}

export function terminalName(t: { containerName: string; taskArn: string }): string {
  return `${t.containerName} @ ${taskIdFromArn(t.taskArn).slice(0, 8)} (ECS Exec)`;
}

/** `arn:aws:sts::1:assumed-role/Role/session` → `arn:aws:iam::1:role/Role`, for IAM simulation. */
export function simulatablePrincipal(callerArn: string): string | undefined {
  const m = /^arn:([^:]+):sts::(\d+):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  if (m) return `arn:${m[1]}:iam::${m[2]}:role/${m[3]}`;
  return /^arn:[^:]+:iam::\d+:(user|role)\//.test(callerArn) ? callerArn : undefined;
}
