/**
 * Our view of CloudWatch Logs: the calls the log viewer and the stopped-task diagnosis make. One method
 * is one API call, except `startLiveTail`, which is one streaming call yielding the session's updates.
 */

/** One log event as FilterLogEvents / GetLogEvents / Live Tail return it. */
export interface LogEvent {
  /** FilterLogEvents' unique id; GetLogEvents and Live Tail have none. */
  eventId?: string;
  logStreamName: string;
  /** Milliseconds since the epoch (the time the line was written, as the driver stamped it). */
  timestamp: number;
  ingestionTime?: number;
  message: string;
}

export interface FilterLogEventsInput {
  logGroupName: string;
  /** At most 100 (API limit). */
  logStreamNames?: string[];
  /** Inclusive, ms. */
  startTime?: number;
  /** Inclusive, ms. */
  endTime?: number;
  filterPattern?: string;
  nextToken?: string;
  /** At most 10,000 (API limit). */
  limit?: number;
}

export interface LogGroup {
  logGroupName: string;
  /** The ARN without the trailing `:*` (what StartLiveTail takes). */
  logGroupArn?: string;
}

export interface LogStream {
  logStreamName: string;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
}

export interface LiveTailInput {
  /** ARNs (StartLiveTail takes ARNs), at most 10. */
  logGroupArns: string[];
  /** At most 100, only with a single log group. */
  logStreamNames?: string[];
  filterPattern?: string;
  signal: AbortSignal;
}

/**
 * What a Live Tail session yields. `sampled`: more than 500 matching events per second, so the update
 * holds only a sample of them (StartLiveTail API reference, LiveTailSessionMetadata.sampled).
 */
export type LiveTailUpdate = { kind: 'start' } | { kind: 'update'; sampled: boolean; events: LogEvent[] };

export interface LogsApi {
  /** One FilterLogEvents page. */
  filterLogEvents(input: FilterLogEventsInput): Promise<{ events: LogEvent[]; nextToken?: string }>;
  /** The most recent `limit` events of one stream (GetLogEvents, startFromHead false), oldest first. */
  getLastEvents(logGroupName: string, logStreamName: string, limit: number): Promise<LogEvent[]>;
  /** The group with exactly this name, or undefined (DescribeLogGroups by prefix, one page). */
  describeLogGroup(logGroupName: string): Promise<LogGroup | undefined>;
  /** Streams whose names start with `prefix` (DescribeLogStreams, one page of up to 50). */
  describeLogStreams(logGroupName: string, prefix: string): Promise<LogStream[]>;
  /** A Live Tail session; ends when `signal` aborts. Errors (including a 3-hour session timeout) are thrown. */
  startLiveTail(input: LiveTailInput): AsyncIterable<LiveTailUpdate>;
}

export const LOGS_LIMITS = {
  filterStreams: 100,
  filterPage: 10_000,
  liveTailGroups: 10,
  liveTailStreams: 100,
} as const;
