/**
 * CloudWatch Logs failures in words a user can act on: which group, which region, which permission,
 * which task-definition member. Built on the redacting describeAwsError, so no secret reaches a message.
 */
import { describeAwsError } from '../aws/errors';
import type { StreamGroup } from './reader';

export type LogsProblem = 'group-missing' | 'stream-missing' | 'access-denied' | 'throttled' | 'other';

export interface LogsErrorInfo {
  problem: LogsProblem;
  message: string;
  fix?: string;
}

function field(err: unknown, key: string): unknown {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>)[key] : undefined;
}

/**
 * @param operation the IAM action that failed (`logs:FilterLogEvents`, `logs:StartLiveTail`, ...).
 * @param connectionRegion the explorer's / CLI's region, to point out a different awslogs-region.
 */
export function explainLogsError(
  err: unknown,
  g: Pick<StreamGroup, 'group' | 'region' | 'source'>,
  operation: string,
  connectionRegion: string,
): LogsErrorInfo {
  const base = describeAwsError(err);
  const name = String(field(err, 'name') ?? '');
  const raw = err instanceof Error ? err.message : String(err);
  const elsewhere =
    g.region !== connectionRegion
      ? ` The task definition names region ${g.region}; the connection uses ${connectionRegion}.`
      : '';
  if (name === 'ResourceNotFoundException' && /log stream/i.test(raw))
    return {
      problem: 'stream-missing',
      message: `The log stream does not exist yet in group "${g.group}" (${g.region}).`,
      fix: 'The container has not written yet (task still pending or starting): follow to see its first lines.',
    };
  if (name === 'ResourceNotFoundException' || /log group does not exist/i.test(raw))
    return {
      problem: 'group-missing',
      message: `Log group "${g.group}" does not exist in ${g.region} (${g.source.member}).${elsewhere}`,
      fix: g.source.createGroup
        ? 'The log driver creates it on the first line the container writes; it appears once the task runs.'
        : `Create it (aws logs create-log-group --log-group-name ${g.group} --region ${g.region}) or set ` +
          (g.source.driver === 'awslogs' ? '"awslogs-create-group": "true"' : '"auto_create_group": "true"') +
          ' (the execution role then needs logs:CreateLogGroup). Until then tasks fail to start with a logger error.',
    };
  if (base.kind === 'access-denied')
    return {
      problem: 'access-denied',
      message: `Access denied: ${operation} on log group "${g.group}" in ${g.region}.${elsewhere}`,
      fix: `Allow ${operation} on arn:aws:logs:${g.region}:<account>:log-group:${g.group}:* for the selected profile.`,
    };
  if (base.kind === 'throttled')
    return { problem: 'throttled', message: `CloudWatch Logs is throttling ${operation}.`, fix: base.fix };
  return {
    problem: 'other',
    message: `${operation} on "${g.group}" (${g.region}): ${base.message}${elsewhere}`,
    fix: base.fix,
  };
}

export function formatLogsError(info: LogsErrorInfo): string {
  return info.fix ? `${info.message} ${info.fix}` : info.message;
}

/** A read that failed for a reason the user must fix (the message says how); `info` keeps the parts. */
export class LogsReadError extends Error {
  constructor(
    readonly info: LogsErrorInfo,
    cause?: unknown,
  ) {
    super(formatLogsError(info), { cause });
    this.name = 'LogsReadError';
  }
}
