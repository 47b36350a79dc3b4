/**
 * Following one log group with CloudWatch Logs Live Tail (StartLiveTail), falling back to polling.
 * The session is opened first; once it has started, the range from `startTime` is read with
 * FilterLogEvents (backfill), then the session's updates are shown, repeats dropped by content, so
 * nothing is lost or doubled at the hand-over. Falls back to polling (and says so) when Live Tail is
 * not offered (emulators, some partitions), denied (logs:StartLiveTail), or sampled: above 500 matching
 * events per second a session update holds a sample only (API reference, LiveTailSessionMetadata), and
 * a follow must not silently skip lines. A session ends after 3 hours (SessionTimeoutException): it is
 * reopened.
 */
import { describeAwsError } from '../aws/errors';
import { RecentEvents } from './dedup';
import { explainLogsError } from './errors';
import { FOLLOW_DEFAULTS, pollGroup, windowStart, type FollowOptions } from './poll';
import { byTime, filterGroup, toLine, type LogLine, type StreamGroup } from './reader';
import type { LogsAccess } from './targets';

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null ? String((e as { name?: string }).name ?? '') : '';
}

/** Follows one group: Live Tail when allowed and available, polling otherwise. Returns when the signal aborts. */
export async function followGroup(access: LogsAccess, g: StreamGroup, opts: FollowOptions): Promise<void> {
  const overlap = opts.overlapMs ?? FOLLOW_DEFAULTS.overlapMs;
  const seen = new RecentEvents(Math.max(overlap * 2, 60_000));
  if (opts.liveTail !== false && g.byStream.size <= 100) {
    const reason = await liveTail(access, g, opts, seen);
    if (opts.signal.aborted) return;
    opts.onStatus(`${reason} Following by polling FilterLogEvents instead.`);
  }
  await pollGroup(access, g, opts, { startTime: opts.startTime, seen });
}

/** Runs Live Tail until the signal aborts (returns '') or it cannot continue (returns why). */
async function liveTail(access: LogsAccess, g: StreamGroup, opts: FollowOptions, seen: RecentEvents): Promise<string> {
  const logs = await access.logs(g.region);
  let arn: string | undefined;
  try {
    arn = (await logs.describeLogGroup(g.group))?.logGroupArn;
  } catch (e) {
    return `Live Tail not started (${explainLogsError(e, g, 'logs:DescribeLogGroups', access.region).message}).`;
  }
  if (!arn) return `Live Tail not started: log group "${g.group}" does not exist in ${g.region} yet.`;
  for (;;) {
    let backfilled = false;
    try {
      for await (const update of logs.startLiveTail({
        logGroupArns: [arn],
        logStreamNames: [...g.byStream.keys()],
        filterPattern: opts.filterPattern,
        signal: opts.signal,
      })) {
        if (opts.signal.aborted) return '';
        if (update.kind === 'start') {
          if (!backfilled) {
            const failed = await backfill(logs, g, opts, seen, windowStart(seen, opts, opts.startTime)).then(
              () => undefined,
              (e: unknown) => explainLogsError(e, g, 'logs:FilterLogEvents', access.region).message,
            );
            if (failed) return `Reading the earlier lines failed (${failed}).`;
          }
          backfilled = true;
          continue;
        }
        if (update.sampled) return 'Live Tail is sampling (more than 500 lines per second).';
        const fresh: LogLine[] = [];
        for (const e of update.events) if (seen.accept(e)) fresh.push(toLine(g, e));
        seen.prune();
        if (fresh.length) opts.onLines(fresh.sort(byTime));
      }
      if (opts.signal.aborted) return '';
      return 'The Live Tail session ended.';
    } catch (e) {
      if (opts.signal.aborted) return '';
      if (errorName(e) === 'SessionTimeoutException') continue; // 3-hour limit: reopen, the backfill covers the gap
      const kind = describeAwsError(e).kind;
      if (kind === 'access-denied') return `Live Tail is not allowed (logs:StartLiveTail denied on "${g.group}").`;
      return `Live Tail is not available here (${describeAwsError(e).message}).`;
    }
  }
}

async function backfill(
  logs: Awaited<ReturnType<LogsAccess['logs']>>,
  g: StreamGroup,
  opts: FollowOptions,
  seen: RecentEvents,
  startTime: number,
): Promise<void> {
  const fresh: LogLine[] = [];
  await filterGroup(
    logs,
    g,
    { startTime, filterPattern: opts.filterPattern, signal: opts.signal, wait: opts.wait },
    (events) => {
      for (const e of events) if (seen.accept(e)) fresh.push(toLine(g, e));
    },
  );
  if (fresh.length) opts.onLines(fresh.sort(byTime));
}
