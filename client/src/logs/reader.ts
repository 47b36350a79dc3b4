/**
 * Reading a time range of a plan's streams with FilterLogEvents: streams grouped per log group (one
 * call covers up to 100 streams), every page followed through `nextToken`, throttling answered with
 * back-off, and the newest `limit` lines kept (older ones counted, not held).
 */
import { describeAwsError } from '../aws/errors';
import { explainLogsError, LogsReadError } from './errors';
import { LOGS_LIMITS, type LogEvent, type LogsApi } from '../aws/types';
import { RingBuffer } from './ring';
import type { CloudWatchSource } from './source';
import type { LogPlan, LogStreamPlan, LogsAccess } from './targets';

/** A log event with the container and task it belongs to. */
export interface LogLine {
  timestamp: number;
  container: string;
  taskId: string;
  stream: string;
  message: string;
  eventId?: string;
}

/** The streams of one log group in one region. */
export interface StreamGroup {
  region: string;
  group: string;
  source: CloudWatchSource;
  byStream: Map<string, LogStreamPlan>;
}

export function groupStreams(plan: LogPlan): StreamGroup[] {
  const groups = new Map<string, StreamGroup>();
  for (const s of plan.streams) {
    if (s.source.kind !== 'cloudwatch' || !s.source.stream) continue;
    const key = `${s.source.region}\u0000${s.source.group}`;
    let g = groups.get(key);
    if (!g)
      groups.set(key, (g = { region: s.source.region, group: s.source.group, source: s.source, byStream: new Map() }));
    g.byStream.set(s.source.stream, s);
  }
  return [...groups.values()];
}

export function toLine(g: StreamGroup, e: LogEvent): LogLine {
  const s = g.byStream.get(e.logStreamName);
  return {
    timestamp: e.timestamp,
    container: s?.container ?? e.logStreamName,
    taskId: s?.taskId ?? '',
    stream: e.logStreamName,
    message: e.message,
    eventId: e.eventId,
  };
}

export const byTime = (a: LogLine, b: LogLine): number => a.timestamp - b.timestamp;

export interface Waiter {
  /** Resolves after `ms`, or at once when `signal` aborts. */
  (ms: number, signal?: AbortSignal): Promise<void>;
}

export const realWait: Waiter = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export interface RangeOptions {
  startTime?: number;
  endTime?: number;
  filterPattern?: string;
  signal?: AbortSignal;
  wait?: Waiter;
  /** Throttling retries of one page before giving up (after the SDK's own retries). */
  maxThrottleRetries?: number;
}

/**
 * Every event of one group in the range, page by page, through `onPage`. Stream names go in batches
 * of 100 (the API limit); a throttled page is retried with doubling waits.
 */
export async function filterGroup(
  logs: LogsApi,
  g: StreamGroup,
  opts: RangeOptions,
  onPage: (events: LogEvent[]) => void,
): Promise<void> {
  const names = [...g.byStream.keys()];
  const wait = opts.wait ?? realWait;
  for (let i = 0; i < names.length; i += LOGS_LIMITS.filterStreams) {
    const batch = names.slice(i, i + LOGS_LIMITS.filterStreams);
    let nextToken: string | undefined;
    let throttled = 0;
    for (;;) {
      if (opts.signal?.aborted) return;
      let page: { events: LogEvent[]; nextToken?: string };
      try {
        page = await logs.filterLogEvents({
          logGroupName: g.group,
          logStreamNames: batch,
          startTime: opts.startTime,
          endTime: opts.endTime,
          filterPattern: opts.filterPattern,
          nextToken,
        });
      } catch (e) {
        if (describeAwsError(e).kind !== 'throttled' || throttled >= (opts.maxThrottleRetries ?? 5)) throw e;
        await wait(Math.min(30_000, 1000 * 2 ** throttled++), opts.signal);
        continue;
      }
      throttled = 0;
      onPage(page.events);
      nextToken = page.nextToken;
      if (!nextToken) break;
    }
  }
}

export interface ReadResult {
  /** Oldest first, at most `limit`. */
  lines: LogLine[];
  /** Lines read but not kept (older than the newest `limit`). */
  dropped: number;
}

/** The newest `limit` lines of the plan's streams in a time range, interleaved by time. */
export async function readRange(
  access: LogsAccess,
  plan: LogPlan,
  opts: RangeOptions & { limit: number },
): Promise<ReadResult> {
  const kept: LogLine[] = [];
  let total = 0;
  for (const g of groupStreams(plan)) {
    const logs = await access.logs(g.region);
    const ring = new RingBuffer<LogLine>(opts.limit);
    try {
      await filterGroup(logs, g, opts, (events) => {
        for (const e of events) ring.push(toLine(g, e));
      });
    } catch (e) {
      throw new LogsReadError(explainLogsError(e, g, 'logs:FilterLogEvents', access.region), e);
    }
    total += ring.length + ring.dropped;
    kept.push(...ring.toArray());
  }
  kept.sort(byTime);
  const lines = kept.length > opts.limit ? kept.slice(kept.length - opts.limit) : kept;
  return { lines, dropped: total - lines.length };
}
