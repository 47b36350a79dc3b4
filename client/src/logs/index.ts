/**
 * Container logs from CloudWatch Logs, found through the task definition (see source.ts): the core
 * shared by the log view, the `fargate-lens logs` CLI and the stopped-task diagnosis. No VS Code here.
 *
 *   planLogs(access, target)            → the streams of a container / task / service / previous task
 *   readRange(access, plan, {...})      → the newest lines of a time range, interleaved
 *   followLogs(access, plan, {...})     → new lines as they arrive (Live Tail, else polling) until aborted
 *   lastLines(access, target, {limit})  → the failed container's last lines, or why they cannot be read
 */
import type { ApiFactory, AwsApis, Task } from '../aws/types';
import { explainLogsError } from './errors';
import { followGroup } from './liveTail';
import type { FollowOptions } from './poll';
import { groupStreams, type LogLine } from './reader';
import { LogTargetError, planLogs, type LogPlan, type LogTarget, type LogsAccess } from './targets';

export { resolveSource, resolveSources, taskIdOf, type CloudWatchSource, type LogSource } from './source';
export { planLogs, LogTargetError, type LogPlan, type LogTarget, type LogsAccess } from './targets';
export { readRange, groupStreams, type LogLine, type ReadResult } from './reader';
export { explainLogsError, formatLogsError, LogsReadError } from './errors';
export { RingBuffer } from './ring';
export type { FollowOptions } from './poll';

/** LogsAccess over the APIs of one connection; other regions (awslogs-region) through the factory. */
export function logsAccess(apis: AwsApis, factory?: ApiFactory): LogsAccess {
  return {
    region: apis.connection.region,
    ecs: apis.ecs,
    logs: async (region) =>
      region === apis.connection.region || !factory ? apis.logs : (await factory({ ...apis.connection, region })).logs,
  };
}

/** Follows every stream of the plan until `opts.signal` aborts; each log group on its own. */
export async function followLogs(access: LogsAccess, plan: LogPlan, opts: FollowOptions): Promise<void> {
  await Promise.all(groupStreams(plan).map((g) => followGroup(access, g, opts)));
}

export type LastLinesResult =
  | {
      ok: true;
      container: string;
      taskId: string;
      region: string;
      group: string;
      stream: string;
      /** Oldest first. Empty when the container wrote nothing. */
      lines: LogLine[];
      notes: string[];
    }
  | { ok: false; container?: string; reason: string; fix?: string };

/**
 * The last `limit` (default 50, at most 10,000) lines of one container of a task: `target.container`,
 * else the one that failed (an essential container with a non-zero exit code first, then any non-zero
 * exit code, then one with a reason, then the first essential one). Never throws for an AWS failure:
 * the reason (and fix) come back instead, ready to show.
 */
export async function lastLines(
  access: LogsAccess,
  target: Extract<LogTarget, { kind: 'task' }>,
  opts: { limit?: number } = {},
): Promise<LastLinesResult> {
  const limit = Math.min(10_000, Math.max(1, opts.limit ?? 50));
  let plan: LogPlan;
  try {
    plan = await planLogs(access, { ...target, container: undefined });
  } catch (e) {
    if (e instanceof LogTargetError) return { ok: false, container: target.container, reason: e.message, fix: e.fix };
    throw e;
  }
  const task = plan.streams[0]?.task;
  const name = target.container ?? (task ? failedContainer(task, plan) : undefined);
  const stream = plan.streams.find((s) => s.container === name);
  if (!stream) return { ok: false, container: name, reason: `Container "${name}" is not in this task.` };
  const src = stream.source;
  if (src.kind !== 'cloudwatch') return { ok: false, container: name, reason: src.reason };
  if (!src.stream)
    return {
      ok: false,
      container: name,
      reason: src.unnamed ?? `The log stream of "${name}" cannot be named from ${src.member}.`,
      fix: src.driver === 'awslogs' ? 'Set "awslogs-stream-prefix" in the log configuration.' : undefined,
    };
  const g = { group: src.group, region: src.region, source: src };
  try {
    const logs = await access.logs(src.region);
    const events = await logs.getLastEvents(src.group, src.stream, limit);
    const lines = events.map((e) => ({
      timestamp: e.timestamp,
      container: src.container,
      taskId: stream.taskId,
      stream: src.stream!,
      message: e.message,
    }));
    return {
      ok: true,
      container: name!,
      taskId: stream.taskId,
      region: src.region,
      group: src.group,
      stream: src.stream,
      lines,
      notes: plan.notes,
    };
  } catch (e) {
    let info = explainLogsError(e, g, 'logs:GetLogEvents', access.region);
    // Some emulators answer a missing stream with the group message: ask whether the group exists.
    if (info.problem === 'group-missing' && (await groupExists(access, src.region, src.group)))
      info = { ...info, problem: 'stream-missing' };
    if (info.problem === 'stream-missing')
      return {
        ok: false,
        container: name,
        reason: `Container "${name}" wrote no log line (stream ${src.stream} was never created in "${src.group}").`,
        fix: 'It stopped before writing anything: look at the stopped reason and the container exit code.',
      };
    return { ok: false, container: name, reason: info.message, fix: info.fix };
  }
}

function failedContainer(task: Task, plan: LogPlan): string | undefined {
  const containers = task.containers ?? [];
  const essential = (n: string): boolean => plan.streams.some((s) => s.container === n) && isEssential(plan, n);
  const failed = (c: { exitCode?: number }): boolean =>
    c.exitCode !== undefined && c.exitCode !== null && c.exitCode !== 0;
  return (
    containers.find((c) => failed(c) && essential(c.name))?.name ??
    containers.find(failed)?.name ??
    containers.find((c) => c.reason)?.name ??
    plan.streams.find((s) => isEssential(plan, s.container))?.container ??
    plan.streams[0]?.container
  );
}

/** Containers are essential unless their definition says `essential: false`. */
function isEssential(plan: LogPlan, name: string): boolean {
  return plan.essential?.[name] !== false;
}

async function groupExists(access: LogsAccess, region: string, group: string): Promise<boolean> {
  try {
    return (await (await access.logs(region)).describeLogGroup(group)) !== undefined;
  } catch {
    return false; // the first error is the one reported
  }
}

/**
 * Why a read found nothing, per stream that does not exist yet: the container has not written (task
 * still pending or starting) or never started. Empty when every stream exists (the range or the
 * filter simply matched nothing). DescribeLogStreams by prefix, one call per stream.
 */
export async function explainEmpty(access: LogsAccess, plan: LogPlan): Promise<string[]> {
  const out: string[] = [];
  for (const s of plan.streams) {
    const src = s.source;
    if (src.kind !== 'cloudwatch' || !src.stream) continue;
    try {
      const logs = await access.logs(src.region);
      const found = await logs.describeLogStreams(src.group, src.stream);
      if (found.some((x) => x.logStreamName === src.stream)) continue;
      const status = s.task.lastStatus ?? 'unknown';
      out.push(
        `Stream ${src.stream} does not exist yet in "${src.group}" (task ${s.taskId.slice(0, 8)} is ${status}): ` +
          (['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(status)
            ? 'it appears when the container writes its first line; Follow Container Logs waits for it.'
            : `container "${s.container}" has written nothing.`),
      );
    } catch (e) {
      out.push(
        explainLogsError(
          e,
          { group: src.group, region: src.region, source: src },
          'logs:DescribeLogStreams',
          access.region,
        ).message,
      );
    }
  }
  return out;
}
