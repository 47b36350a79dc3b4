/**
 * Following one log group by polling FilterLogEvents. Each poll reads again from a window before the
 * newest event already shown and drops repeats by event id, so that lines are not lost at the boundary:
 * - lines written in the same millisecond as the newest one, after the previous poll;
 * - lines ingested late, stamped earlier than lines of another stream already shown: a log driver sends
 *   in batches (the awslogs driver every 5 s: moby daemon/logger/awslogs/cloudwatchlogs.go,
 *   batchPublishFrequency; FireLens at the router's Flush interval), so the window reaches back
 *   `overlapMs` (visibility of fresh events) plus the expected batching delay (`latenessMs`, default 5 s)
 *   or the largest delay actually seen (ingestionTime - timestamp of the remembered events), whichever
 *   is larger, at most 2 minutes.
 * The interval starts at `minIntervalMs`, grows by half on every empty poll up to `maxIntervalMs`,
 * returns to the minimum as soon as lines arrive, and doubles (up to 30 s) while CloudWatch throttles.
 * A missing group or stream is waited for, not fatal.
 */
import { RecentEvents } from './dedup';
import { explainLogsError, LogsReadError } from './errors';
import { byTime, filterGroup, realWait, toLine, type LogLine, type StreamGroup, type Waiter } from './reader';
import type { LogsAccess } from './targets';

export interface FollowOptions {
  /** First timestamp to show (ms). */
  startTime: number;
  filterPattern?: string;
  signal: AbortSignal;
  /** Lines in time order within one call. */
  onLines(lines: LogLine[]): void;
  /** A state change worth showing (fallbacks, waiting, throttling). */
  onStatus(message: string): void;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  overlapMs?: number;
  /** Expected delay between a line's timestamp and its ingestion (log driver batching). */
  latenessMs?: number;
  /** Use Live Tail first (default true). */
  liveTail?: boolean;
  wait?: Waiter;
  /** Called after every completed poll (tests and the bench wait on it instead of on time). */
  onPoll?(info: { group: string; fresh: number; intervalMs: number }): void;
}

export const FOLLOW_DEFAULTS = {
  minIntervalMs: 1000,
  maxIntervalMs: 10_000,
  overlapMs: 3000,
  latenessMs: 5000,
  maxLatenessMs: 120_000,
} as const;

/**
 * Where the next read starts: `from` before anything was seen, else the newest timestamp seen minus the
 * overlap and the lateness (expected or observed, whichever is larger), never before `from`.
 */
export function windowStart(
  seen: RecentEvents,
  opts: Pick<FollowOptions, 'overlapMs' | 'latenessMs'>,
  from: number,
): number {
  if (!seen.newestTimestamp) return from;
  const overlap = opts.overlapMs ?? FOLLOW_DEFAULTS.overlapMs;
  const lateness = Math.min(
    FOLLOW_DEFAULTS.maxLatenessMs,
    Math.max(opts.latenessMs ?? FOLLOW_DEFAULTS.latenessMs, seen.maxLateness),
  );
  return Math.max(from, seen.newestTimestamp - overlap - lateness);
}

/** Polls one group until the signal aborts; throws only for what waiting cannot fix (access denied). */
export async function pollGroup(
  access: LogsAccess,
  g: StreamGroup,
  opts: FollowOptions,
  from: { startTime: number; seen?: RecentEvents },
): Promise<void> {
  const min = opts.minIntervalMs ?? FOLLOW_DEFAULTS.minIntervalMs;
  const max = opts.maxIntervalMs ?? FOLLOW_DEFAULTS.maxIntervalMs;
  const wait = opts.wait ?? realWait;
  const seen = from.seen ?? new RecentEvents(2 * (opts.overlapMs ?? FOLLOW_DEFAULTS.overlapMs));
  const logs = await access.logs(g.region);
  let interval = min;
  let waitingFor: string | undefined;
  while (!opts.signal.aborted) {
    const startTime = windowStart(seen, opts, from.startTime);
    const fresh: LogLine[] = [];
    try {
      await filterGroup(
        logs,
        g,
        { startTime, filterPattern: opts.filterPattern, signal: opts.signal, wait, maxThrottleRetries: 0 },
        (events) => {
          for (const e of events) if (seen.accept(e)) fresh.push(toLine(g, e));
        },
      );
      if (waitingFor) {
        opts.onStatus(`Log group "${g.group}" is readable now.`);
        waitingFor = undefined;
      }
    } catch (e) {
      const info = explainLogsError(e, g, 'logs:FilterLogEvents', access.region);
      if (info.problem === 'access-denied' || info.problem === 'other') throw new LogsReadError(info, e);
      if (info.problem === 'throttled') {
        interval = Math.min(30_000, interval * 2);
        opts.onStatus(`CloudWatch Logs is throttling: polling every ${Math.round(interval / 1000)} s.`);
      } else if (waitingFor !== info.problem) {
        waitingFor = info.problem;
        opts.onStatus(`Waiting: ${info.message} ${info.fix ?? ''}`.trim());
      }
      if (info.problem !== 'throttled') interval = Math.min(max, interval * 1.5);
      opts.onPoll?.({ group: g.group, fresh: 0, intervalMs: interval });
      await wait(interval, opts.signal);
      continue;
    }
    seen.prune(windowStart(seen, opts, from.startTime));
    if (fresh.length) {
      fresh.sort(byTime);
      opts.onLines(fresh);
      interval = min;
    } else interval = Math.min(max, Math.round(interval * 1.5));
    opts.onPoll?.({ group: g.group, fresh: fresh.length, intervalMs: interval });
    await wait(interval, opts.signal);
  }
}
