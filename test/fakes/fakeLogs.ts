/**
 * In-memory CloudWatch Logs behind our LogsApi, following the service's documented behaviour
 * (CloudWatch Logs API Reference: FilterLogEvents, GetLogEvents, DescribeLogGroups, DescribeLogStreams,
 * StartLiveTail):
 * - FilterLogEvents: startTime/endTime inclusive, events of the named streams ordered by timestamp,
 *   pages of `limit` (default and maximum 10,000) with an opaque nextToken, unique eventIds; a missing
 *   group is ResourceNotFoundException "The specified log group does not exist."; more than 100
 *   stream names is InvalidParameterException.
 * - GetLogEvents with startFromHead=false: the newest `limit` events, oldest first; a missing stream is
 *   ResourceNotFoundException "The specified log stream does not exist."
 * - Live Tail: scripted by the test (`liveTail`), since its timing is the test's to decide.
 * Faults: `throttleNext(n)` answers the next n calls with ThrottlingException; `deny(op)` with
 * AccessDeniedException.
 */
import type {
  FilterLogEventsInput,
  LiveTailInput,
  LiveTailUpdate,
  LogEvent,
  LogsApi,
} from '../../client/src/aws/types';

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

export class FakeLogs implements LogsApi {
  readonly groups = new Map<string, Map<string, LogEvent[]>>();
  readonly calls: Array<{ op: string; input?: unknown }> = [];
  pageSize = 10_000;
  private seq = 0;
  private throttles = 0;
  private readonly denied = new Set<string>();
  /** Live Tail sessions: the test supplies each session's updates; undefined = not available. */
  liveTail?: (input: LiveTailInput) => AsyncIterable<LiveTailUpdate>;

  constructor(
    readonly account = '123456789012',
    readonly region = 'us-east-1',
  ) {}

  createGroup(name: string): void {
    if (!this.groups.has(name)) this.groups.set(name, new Map());
  }

  /**
   * Appends lines to a stream (creating group and stream); returns the events. `ingestionTime` (default:
   * the timestamp) is when CloudWatch received the line: a log driver sends in batches, so a line can be
   * ingested after lines of other streams stamped later than it (FilterLogEvents still filters and
   * orders by timestamp).
   */
  put(
    group: string,
    stream: string,
    lines: Array<{ timestamp: number; message: string; ingestionTime?: number }>,
  ): LogEvent[] {
    this.createGroup(group);
    const streams = this.groups.get(group)!;
    if (!streams.has(stream)) streams.set(stream, []);
    const events = lines.map((l) => ({
      eventId: String(++this.seq).padStart(20, '0'),
      logStreamName: stream,
      timestamp: l.timestamp,
      ingestionTime: l.ingestionTime ?? l.timestamp,
      message: l.message,
    }));
    streams.get(stream)!.push(...events);
    return events;
  }

  throttleNext(n: number): void {
    this.throttles = n;
  }

  deny(op: string): void {
    this.denied.add(op);
  }

  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  private enter(op: string, input?: unknown): void {
    this.calls.push({ op, input });
    if (this.denied.has(op))
      throw awsError('AccessDeniedException', `User is not authorized to perform: logs:${op}`, 400);
    if (this.throttles > 0) {
      this.throttles--;
      throw awsError('ThrottlingException', 'Rate exceeded');
    }
  }

  async filterLogEvents(input: FilterLogEventsInput): Promise<{ events: LogEvent[]; nextToken?: string }> {
    this.enter('FilterLogEvents', input);
    if ((input.logStreamNames?.length ?? 0) > 100) throw awsError('InvalidParameterException', 'too many stream names');
    const streams = this.groups.get(input.logGroupName);
    if (!streams) throw awsError('ResourceNotFoundException', 'The specified log group does not exist.');
    const names = input.logStreamNames ?? [...streams.keys()];
    const all = names
      .flatMap((n) => streams.get(n) ?? [])
      .filter(
        (e) =>
          (input.startTime === undefined || e.timestamp >= input.startTime) &&
          (input.endTime === undefined || e.timestamp <= input.endTime),
      )
      .filter((e) => !input.filterPattern || e.message.includes(input.filterPattern.replace(/^"|"$/g, '')))
      .sort((a, b) => a.timestamp - b.timestamp || Number(a.eventId) - Number(b.eventId));
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const size = Math.min(input.limit ?? this.pageSize, this.pageSize);
    const page = all.slice(start, start + size);
    return {
      events: page.map((e) => ({ ...e })),
      nextToken: start + size < all.length ? String(start + size) : undefined,
    };
  }

  async getLastEvents(group: string, stream: string, limit: number): Promise<LogEvent[]> {
    this.enter('GetLogEvents', { group, stream, limit });
    const streams = this.groups.get(group);
    if (!streams) throw awsError('ResourceNotFoundException', 'The specified log group does not exist.');
    const events = streams.get(stream);
    if (!events) throw awsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    return events.slice(-limit).map(({ eventId: _drop, ...e }) => e);
  }

  async describeLogGroup(name: string) {
    this.enter('DescribeLogGroups', name);
    return this.groups.has(name)
      ? { logGroupName: name, logGroupArn: `arn:aws:logs:${this.region}:${this.account}:log-group:${name}` }
      : undefined;
  }

  async describeLogStreams(group: string, prefix: string) {
    this.enter('DescribeLogStreams', { group, prefix });
    const streams = this.groups.get(group);
    if (!streams) throw awsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return [...streams.keys()].filter((n) => n.startsWith(prefix)).map((logStreamName) => ({ logStreamName }));
  }

  startLiveTail(input: LiveTailInput): AsyncIterable<LiveTailUpdate> {
    this.calls.push({ op: 'StartLiveTail', input });
    if (this.denied.has('StartLiveTail'))
      // eslint-disable-next-line require-yield -- fails on the first next(), as the SDK's stream does
      return (async function* () {
        throw awsError('AccessDeniedException', 'User is not authorized to perform: logs:StartLiveTail');
      })();
    if (!this.liveTail)
      // eslint-disable-next-line require-yield -- fails on the first next(), as the SDK's stream does
      return (async function* () {
        throw awsError('UnknownOperationException', 'StartLiveTail is not supported', 400);
      })();
    return this.liveTail(input);
  }
}
