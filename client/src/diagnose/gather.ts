/**
 * Gathers the evidence of stopped tasks from ECS (and the failed containers' last log lines from
 * CloudWatch Logs) and classifies each: the AWS side of the diagnosis, shared by the CLI's `diagnose`
 * and the editor. Calls are the minimum the API allows: ListTasks (desiredStatus STOPPED) per service or
 * cluster, DescribeTasks in batches of 100, DescribeServices once for the events, DescribeTaskDefinition
 * once per revision (for which containers are essential), and logs only for tasks whose cause the logs
 * can show, at most MAX_LOG_READS per run. Nothing from the workspace is sent to AWS.
 */
import { chunk } from '../aws/batch';
import type { AwsApis, ApiFactory, Service, Task, TaskDefinition } from '../aws/types';
import { lastLines, logsAccess } from '../logs';
import { classifyStoppedTask, type Diagnosis, type StoppedTaskEvidence } from './classify';
import { FAILURES } from './catalogue';
import { taskEvidence } from './findings';

/** ECS keeps stopped tasks for about an hour; the newest this many are diagnosed. */
export const MAX_STOPPED = 100;
/** Log reads per run (each is a few CloudWatch Logs calls). */
export const MAX_LOG_READS = 10;

export interface StoppedTaskReport {
  readonly task: Task;
  readonly evidence: StoppedTaskEvidence;
  readonly diagnosis: Diagnosis;
  /** Why the logs were not read or could not be (shown with the report). */
  readonly logNote?: string;
}

export type StoppedScope =
  | { readonly kind: 'service'; readonly cluster: string; readonly service: string }
  | { readonly kind: 'tasks'; readonly cluster: string; readonly tasks: readonly string[] }
  | { readonly kind: 'cluster'; readonly cluster: string };

type ServiceWithEvents = Service & { events?: Array<{ id?: string; createdAt?: Date; message?: string }> };

export const taskIdOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

async function stoppedArns(apis: AwsApis, scope: StoppedScope): Promise<string[]> {
  if (scope.kind === 'tasks') return [...scope.tasks];
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await apis.ecs.listTasks(scope.cluster, {
      desiredStatus: 'STOPPED',
      serviceName: scope.kind === 'service' ? scope.service : undefined,
      nextToken,
    });
    arns.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && arns.length < MAX_STOPPED);
  return arns.slice(0, MAX_STOPPED);
}

async function describe(apis: AwsApis, cluster: string, arns: string[]): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const batch of chunk(arns, 100)) tasks.push(...(await apis.ecs.describeTasks(cluster, batch)));
  const when = (t: Task): number => new Date(t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0).getTime();
  return tasks.sort((a, b) => when(b) - when(a));
}

/** Service events that name the task (by id), newest first, each text once. */
function eventsAbout(service: ServiceWithEvents | undefined, taskArn: string): string[] {
  const id = taskIdOf(taskArn);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of service?.events ?? []) {
    const m = e.message ?? '';
    if (!m.includes(id) || seen.has(m)) continue;
    seen.add(m);
    out.push(m);
  }
  return out;
}

/** Whether the failed container's logs can say more than ECS did. */
function logsMayHelp(d: Diagnosis): boolean {
  if (!d.failed) return false;
  return (
    d.ruleId === null ||
    d.kind === FAILURES.essentialExit ||
    d.kind === FAILURES.containerHealth ||
    d.kind === FAILURES.cannotStart ||
    d.kind === FAILURES.elbHealth
  );
}

export interface GatherOptions {
  /** Other regions (awslogs-region) through the factory. */
  readonly apisFor?: ApiFactory;
  /** Read the failed containers' last log lines (default true). */
  readonly logs?: boolean;
  readonly logLines?: number;
}

/** The stopped tasks of the scope, newest first, each with its evidence and diagnosis. */
export async function diagnoseStopped(
  apis: AwsApis,
  scope: StoppedScope,
  opts: GatherOptions = {},
): Promise<StoppedTaskReport[]> {
  const arns = await stoppedArns(apis, scope);
  if (arns.length === 0) return [];
  const tasks = (await describe(apis, scope.cluster, arns)).filter((t) => t.lastStatus === 'STOPPED');
  const service =
    scope.kind === 'service'
      ? ((await apis.ecs.describeServices(scope.cluster, [scope.service]))[0] as ServiceWithEvents | undefined)
      : undefined;
  const defs = new Map<string, Promise<TaskDefinition | undefined>>();
  const defOf = (arn: string | undefined): Promise<TaskDefinition | undefined> => {
    if (!arn) return Promise.resolve(undefined);
    let p = defs.get(arn);
    if (!p) {
      p = apis.ecs.describeTaskDefinition(arn).then(
        (r) => r.taskDefinition,
        () => undefined, // deregistered or not allowed: containers count as essential (the default)
      );
      defs.set(arn, p);
    }
    return p;
  };
  const access = logsAccess(apis, opts.apisFor);
  let logReads = 0;
  const reports: StoppedTaskReport[] = [];
  for (const task of tasks) {
    const def = await defOf(task.taskDefinitionArn);
    const essential = new Map(
      (def?.containerDefinitions ?? []).map((c) => [String(c.name), (c as { essential?: boolean }).essential]),
    );
    let evidence: StoppedTaskEvidence = {
      ...taskEvidence(task, (name) => essential.get(name) ?? true),
      events: eventsAbout(service, task.taskArn),
    };
    let diagnosis = classifyStoppedTask(evidence);
    let logNote: string | undefined;
    if (opts.logs !== false && logsMayHelp(diagnosis)) {
      if (logReads >= MAX_LOG_READS) logNote = `logs not read (only the newest ${MAX_LOG_READS} failures get theirs)`;
      else {
        logReads++;
        const lines = await lastLines(
          access,
          { kind: 'task', cluster: scope.cluster, task: task.taskArn, container: diagnosis.container },
          { limit: opts.logLines ?? 50 },
        ).catch((e: unknown) => ({
          // e.g. the task definition was deregistered and deleted: its log configuration is gone, the
          // diagnosis is not (the error's name and message are ECS's, no credential in them)
          ok: false as const,
          reason: `could not be located (${e instanceof Error ? `${e.name}: ${e.message}` : String(e)})`,
          fix: undefined,
        }));
        if (lines.ok) {
          evidence = { ...evidence, logLines: lines.lines.map((l) => l.message) };
          diagnosis = classifyStoppedTask(evidence);
          if (lines.lines.length === 0) logNote = `container ${lines.container} wrote no log lines`;
        } else logNote = `logs: ${lines.reason}${lines.fix ? ` ${lines.fix}` : ''}`;
      }
    }
    reports.push({ task, evidence, diagnosis, logNote });
  }
  return reports;
}
