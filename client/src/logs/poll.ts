/**
 * Following one log group by polling FilterLogEvents. Each poll reads from `overlapMs` before the newest
 * event already shown (lines written in the same millisecond or ingested a little late are not lost at
 * the boundary) and drops repeats by event id. The interval starts at `minIntervalMs`, grows by half
 * on every empty poll up to `maxIntervalMs`, returns to the minimum as soon as lines arrive, and doubles
 * (up to 30 s) while CloudWatch throttles. A missing group or stream is waited for, not fatal.
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
  /** Use Live Tail first (default true). */
  liveTail?: boolean;
  wait?: Waiter;
  /** Called after every completed poll (tests and the bench wait on it instead of on time). */
  onPoll?(info: { group: string; fresh: number; intervalMs: number }): void;
}

export const FOLLOW_DEFAULTS = { minIntervalMs: 1000, maxIntervalMs: 10_000, overlapMs: 3000 } as const;

/** Polls one group until the signal aborts; throws only for what waiting cannot fix (access denied). */
export async function pollGroup(
  access: LogsAccess,
  g: StreamGroup,
  opts: FollowOptions,
  from: { startTime: number; seen?: RecentEvents },
): Promise<void> {
  const min = opts.minIntervalMs ?? FOLLOW_DEFAULTS.minIntervalMs;
  const max = opts.maxIntervalMs ?? FOLLOW_DEFAULTS.maxIntervalMs;
  const overlap = opts.overlapMs ?? FOLLOW_DEFAULTS.overlapMs;
  const wait = opts.wait ?? realWait;
  const seen = from.seen ?? new RecentEvents(overlap * 2);
  const logs = await access.logs(g.region);
  let interval = min;
  let waitingFor: string | undefined;
  while (!opts.signal.aborted) {
    const startTime = seen.newestTimestamp ? Math.max(from.startTime, seen.newestTimestamp - overlap) : from.startTime;
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
    seen.prune();
    if (fresh.length) {
      fresh.sort(byTime);
      opts.onLines(fresh);
      interval = min;
    } else interval = Math.min(max, Math.round(interval * 1.5));
    opts.onPoll?.({ group: g.group, fresh: fresh.length, intervalMs: interval });
    await wait(interval, opts.signal);
  }
}
