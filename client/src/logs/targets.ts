/**
 * From what the user picked (a container, a task, a service, a service's previous task) to the log
 * streams to read: the tasks, their task definitions, and each container's LogSource.
 */
import type { EcsApi, LogsApi, Task, TaskDefinition } from '../aws/types';
import { resolveSource, taskIdOf, type LogSource } from './source';

export type LogTarget =
  | { kind: 'task'; cluster: string; task: string; container?: string }
  | { kind: 'service'; cluster: string; service: string; previous?: boolean; container?: string };

/** What the log functions need: ECS in the connection's region, CloudWatch Logs in any region. */
export interface LogsAccess {
  readonly region: string;
  readonly ecs: EcsApi;
  logs(region: string): Promise<LogsApi>;
}

/** One container of one task and where its logs are. */
export interface LogStreamPlan {
  task: Task;
  taskId: string;
  container: string;
  source: LogSource;
}

export interface LogPlan {
  streams: LogStreamPlan[];
  /** The earliest start of the tasks (for "since task start"). */
  startedAt?: number;
  /** Sentences for the user (region notes, containers whose logs are elsewhere). */
  notes: string[];
  /** Container name → its definition's `essential` (true unless false). */
  essential?: Record<string, boolean>;
}

export class LogTargetError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'LogTargetError';
  }
}

const shortName = (arnOrName: string): string => arnOrName.split('/').pop() ?? arnOrName;

const PREVIOUS_HINT = 'Use "previous" for the most recently stopped task.';

function noTask(target: Extract<LogTarget, { kind: 'service' }>): string {
  return target.previous
    ? `Service ${shortName(target.service)} has no stopped task (ECS keeps stopped tasks for about an hour).`
    : `Service ${shortName(target.service)} has no running task.`;
}

async function tasksOf(ecs: EcsApi, target: LogTarget): Promise<Task[]> {
  if (target.kind === 'task') {
    const tasks = await ecs.describeTasks(target.cluster, [target.task]);
    if (tasks.length === 0)
      throw new LogTargetError(
        `Task ${shortName(target.task)} was not found in cluster ${shortName(target.cluster)}.`,
        'Stopped tasks stay visible for about an hour; check the cluster and the task id.',
      );
    return tasks;
  }
  const status = target.previous ? 'STOPPED' : 'RUNNING';
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.listTasks(target.cluster, {
      desiredStatus: status,
      serviceName: shortName(target.service),
      nextToken,
    });
    arns.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && arns.length < 1000);
  if (arns.length === 0) throw new LogTargetError(noTask(target), target.previous ? undefined : PREVIOUS_HINT);
  const described: Task[] = [];
  for (let i = 0; i < arns.length; i += 100)
    described.push(...(await ecs.describeTasks(target.cluster, arns.slice(i, i + 100))));
  // A service's tasks carry group "service:<name>"; keep only those (some emulators ignore serviceName).
  const group = `service:${shortName(target.service)}`;
  const tasks = described.filter((t) => t.group === undefined || t.group === group);
  if (tasks.length === 0) throw new LogTargetError(noTask(target), target.previous ? undefined : PREVIOUS_HINT);
  if (!target.previous) return tasks;
  const when = (t: Task): number => new Date(t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0).getTime();
  return [tasks.reduce((a, b) => (when(b) > when(a) ? b : a))];
}

/** Resolves a target to its streams. Throws LogTargetError when nothing can be read, with the reason. */
export async function planLogs(access: LogsAccess, target: LogTarget): Promise<LogPlan> {
  const tasks = await tasksOf(access.ecs, target);
  const definitions = new Map<string, Promise<TaskDefinition>>();
  const definition = (arn: string): Promise<TaskDefinition> => {
    let p = definitions.get(arn);
    if (!p) {
      p = access.ecs.describeTaskDefinition(arn).then((r) => r.taskDefinition);
      definitions.set(arn, p);
    }
    return p;
  };
  const streams: LogStreamPlan[] = [];
  const notes = new Set<string>();
  const essential: Record<string, boolean> = {};
  for (const task of tasks) {
    if (!task.taskDefinitionArn) continue;
    const td = await definition(task.taskDefinitionArn);
    const names = (td.containerDefinitions ?? []).map((c) => String(c.name ?? ''));
    for (const c of td.containerDefinitions ?? []) essential[String(c.name ?? '')] = c.essential !== false;
    const wanted = target.container ? [target.container] : names;
    for (const name of wanted) {
      const runtimeId = task.containers?.find((c) => c.name === name)?.runtimeId;
      const source = resolveSource(td, name, { region: access.region, taskArn: task.taskArn, runtimeId });
      if (!source)
        throw new LogTargetError(
          `Task definition ${shortName(task.taskDefinitionArn)} has no container "${name}" (containers: ${names.join(', ')}).`,
        );
      if (source.kind === 'cloudwatch' && source.regionNote) notes.add(source.regionNote);
      if (source.kind === 'cloudwatch' && source.unnamed) notes.add(source.unnamed);
      if (source.kind === 'elsewhere') notes.add(source.reason);
      streams.push({ task, taskId: taskIdOf(task.taskArn), container: name, source });
    }
  }
  const readable = streams.filter((s) => s.source.kind === 'cloudwatch' && s.source.stream);
  if (readable.length === 0) {
    const reasons = [...notes].join(' ');
    throw new LogTargetError(reasons || 'No container of this target logs to CloudWatch Logs.');
  }
  const starts = tasks
    .map((t) => new Date(t.startedAt ?? t.createdAt ?? NaN).getTime())
    .filter((n) => !Number.isNaN(n));
  return { streams, startedAt: starts.length ? Math.min(...starts) : undefined, notes: [...notes], essential };
}
