/** LogsApi over @aws-sdk/client-cloudwatch-logs: one method = one API call (Live Tail: one streaming call). */
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  StartLiveTailCommand,
  type LiveTailSessionLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { LOGS_LIMITS, type LiveTailUpdate, type LogEvent, type LogsApi } from '../types';

export function createLogsApi(client: CloudWatchLogsClient): LogsApi {
  return {
    async filterLogEvents(input) {
      if (input.logStreamNames && input.logStreamNames.length > LOGS_LIMITS.filterStreams)
        throw new RangeError(`FilterLogEvents accepts at most ${LOGS_LIMITS.filterStreams} stream names`);
      const out = await client.send(
        new FilterLogEventsCommand({
          logGroupName: input.logGroupName,
          logStreamNames: input.logStreamNames?.length ? input.logStreamNames : undefined,
          startTime: input.startTime,
          endTime: input.endTime,
          filterPattern: input.filterPattern || undefined,
          nextToken: input.nextToken,
          limit: input.limit,
        }),
      );
      const events: LogEvent[] = (out.events ?? []).map((e) => ({
        eventId: e.eventId,
        logStreamName: e.logStreamName ?? '',
        timestamp: e.timestamp ?? 0,
        ingestionTime: e.ingestionTime,
        message: e.message ?? '',
      }));
      return { events, nextToken: out.nextToken || undefined };
    },
    async getLastEvents(logGroupName, logStreamName, limit) {
      const out = await client.send(
        new GetLogEventsCommand({ logGroupName, logStreamName, limit, startFromHead: false }),
      );
      return (out.events ?? []).map((e) => ({
        logStreamName,
        timestamp: e.timestamp ?? 0,
        ingestionTime: e.ingestionTime,
        message: e.message ?? '',
      }));
    },
    async describeLogGroup(logGroupName) {
      const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName, limit: 50 }));
      const g = out.logGroups?.find((x) => x.logGroupName === logGroupName);
      if (!g) return undefined;
      return { logGroupName, logGroupArn: g.logGroupArn ?? g.arn?.replace(/:\*$/, '') };
    },
    async describeLogStreams(logGroupName, prefix) {
      const out = await client.send(
        new DescribeLogStreamsCommand({ logGroupName, logStreamNamePrefix: prefix || undefined, limit: 50 }),
      );
      return (out.logStreams ?? []).map((s) => ({
        logStreamName: s.logStreamName ?? '',
        firstEventTimestamp: s.firstEventTimestamp,
        lastEventTimestamp: s.lastEventTimestamp,
      }));
    },
    startLiveTail: (input) => liveTail(client, input),
  };
}

async function* liveTail(client: CloudWatchLogsClient, input: Parameters<LogsApi['startLiveTail']>[0]) {
  const out = await client.send(
    new StartLiveTailCommand({
      logGroupIdentifiers: input.logGroupArns,
      logStreamNames: input.logStreamNames?.length ? input.logStreamNames : undefined,
      logEventFilterPattern: input.filterPattern || undefined,
    }),
    { abortSignal: input.signal },
  );
  if (!out.responseStream) throw new Error('StartLiveTail returned no response stream');
  for await (const item of out.responseStream) {
    if (input.signal.aborted) return;
    if (item.sessionStart) yield { kind: 'start' } satisfies LiveTailUpdate;
    else if (item.sessionUpdate)
      yield {
        kind: 'update',
        sampled: item.sessionUpdate.sessionMetadata?.sampled === true,
        events: (item.sessionUpdate.sessionResults ?? []).map(toEvent),
      } satisfies LiveTailUpdate;
    else if (item.SessionTimeoutException) throw item.SessionTimeoutException;
    else if (item.SessionStreamingException) throw item.SessionStreamingException;
  }
}

function toEvent(e: LiveTailSessionLogEvent): LogEvent {
  return {
    logStreamName: e.logStreamName ?? '',
    timestamp: e.timestamp ?? 0,
    ingestionTime: e.ingestionTime,
    message: e.message ?? '',
  };
}
