/**
 * `fargate-lens logs --cluster NAME (--task ID | --service NAME [--previous]) [--container NAME]
 * [--since 5m|1h|ISO-8601] [--filter PATTERN] [--follow] [--region R] [--profile P] [--format text|json]`:
 * the container logs of a task, of a service's running tasks, or of its most recently stopped task,
 * found through the task definition (client/src/logs). Text lines are `<ISO timestamp> <container>
 * <message>`; json prints one object per line. --follow runs until interrupted. Exit 0, or 2 with the
 * reason when the logs cannot be found or read.
 */
import {
  explainEmpty,
  followLogs,
  logsAccess,
  LogsReadError,
  LogTargetError,
  planLogs,
  readRange,
  type LogLine,
  type LogTarget,
} from '../logs';
import { parseSince } from '../logs/time';
import { cliAws } from './connect';
import { formatOption, parseOptions, requireString } from './options';
import { CliUsageError, type CliIo } from './types';

export const LOGS_USAGE = `Usage: fargate-lens logs --cluster NAME (--task ID | --service NAME [--previous]) [--container NAME]
                         [--since 5m|1h|ISO-8601] [--filter PATTERN] [--follow]
                         [--region R] [--profile P] [--format text|json]

Prints the CloudWatch Logs lines of a task's containers, of a service's running tasks, or (--previous)
of the service's most recently stopped task. Group and streams come from the task definition (awslogs,
or FireLens to CloudWatch). --since defaults to the last hour, or the task's start if later; --filter
takes CloudWatch filter syntax. --follow keeps printing new lines (Live Tail where available, else
polling) until interrupted.

Output: text "<ISO timestamp> <container> <message>", or json: one {"timestamp", "container", "task",
"message"} object per line.

Exit status: 0 printed (or nothing to print), 2 bad usage, or the logs cannot be found or read.
`;

/** Lines kept in memory for one range read; older ones are counted on stderr. */
const MAX_LINES = 100_000;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, {
    cluster: 'string',
    task: 'string',
    service: 'string',
    previous: 'flag',
    container: 'string',
    since: 'string',
    filter: 'string',
    follow: 'flag',
    format: 'string',
  });
  if (opts.flags.has('help')) {
    io.out(LOGS_USAGE);
    return 0;
  }
  const format = formatOption(opts, ['text', 'json'] as const);
  const cluster = requireString(opts, 'cluster');
  const { task, service, container } = opts.strings;
  if ((task === undefined) === (service === undefined)) throw new CliUsageError('give either --task or --service');
  if (opts.flags.has('previous') && !service) throw new CliUsageError('--previous goes with --service');
  if (opts.positionals.length) throw new CliUsageError(`unexpected argument '${opts.positionals[0]}'`);
  const now = Date.now();
  const since = opts.strings.since === undefined ? undefined : parseSince(opts.strings.since, now);
  if (opts.strings.since !== undefined && since === undefined)
    throw new CliUsageError(
      `--since must be a duration (30s, 5m, 1h, 2d) or an ISO-8601 time, not '${opts.strings.since}'`,
    );
  const target: LogTarget = task
    ? { kind: 'task', cluster, task, container }
    : { kind: 'service', cluster, service: service, previous: opts.flags.has('previous'), container };

  const aws = await cliAws(opts, io);
  const write = (lines: LogLine[]): void =>
    io.out(lines.map((l) => (format === 'json' ? jsonLine(l) : textLine(l))).join(''));
  try {
    const access = logsAccess(aws.apis, aws.apisFor);
    const plan = await planLogs(access, target).catch((e: unknown) => {
      if (e instanceof LogTargetError) throw new CliUsageError(e.fix ? `${e.message} ${e.fix}` : e.message);
      throw e;
    });
    for (const note of plan.notes) io.err(`${note}\n`);
    const startTime = since ?? Math.max(now - 3_600_000, plan.startedAt ?? 0);
    if (opts.flags.has('follow')) {
      await followLogs(access, plan, {
        startTime,
        filterPattern: opts.strings.filter,
        signal: io.signal,
        onLines: write,
        onStatus: (s) => io.err(`${s}\n`),
      });
      return 0;
    }
    const result = await readRange(access, plan, { startTime, filterPattern: opts.strings.filter, limit: MAX_LINES });
    if (result.dropped) io.err(`${result.dropped} older lines not shown (narrow --since or --filter).\n`);
    if (result.lines.length === 0) for (const n of await explainEmpty(access, plan)) io.err(`${n}\n`);
    write(result.lines);
    return 0;
  } catch (e) {
    if (e instanceof LogsReadError) throw new CliUsageError(e.message);
    throw e;
  } finally {
    aws.dispose();
  }
}

function textLine(l: LogLine): string {
  return `${new Date(l.timestamp).toISOString()} ${l.container} ${l.message.replace(/\r?\n$/, '')}\n`;
}

function jsonLine(l: LogLine): string {
  return `${JSON.stringify({ timestamp: new Date(l.timestamp).toISOString(), container: l.container, task: l.taskId, message: l.message.replace(/\r?\n$/, '') })}\n`;
}
