/**
 * CloudWatch Logs for the demo account: one stream per task and container, named as the awslogs driver
 * names them (`<awslogs-stream-prefix>/<container>/<task id>`), with a few minutes of plausible lines
 * (one of them coloured with ANSI escapes, as apps writing to a TTY do). Also used by the sandbox and
 * the e2e tier to append a line while a view follows.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

export interface DemoLogs {
  groups: string[];
  /** group → stream names. */
  streams: Record<string, string[]>;
}

/** The lines every seeded stream holds, oldest first. */
export const DEMO_LOG_LINES = [
  'Starting server (NODE_ENV=production)',
  'Connected to database primary (pool size 10)',
  'Listening on 0.0.0.0:80',
  'GET /health 200 1.2ms',
  'GET /api/orders 200 14.8ms',
  '\u001b[33mWARN\u001b[0m slow query on orders (412 ms)',
  'POST /api/orders 201 22.1ms',
  'GET /health 200 0.9ms',
  '\u001b[31mERROR\u001b[0m payment provider timeout (retrying in 2s)',
  'POST /api/orders 201 19.4ms',
  'GET /health 200 1.0ms',
  'cache refreshed (842 keys)',
];

function client(endpoint: string, region: string): CloudWatchLogsClient {
  return new CloudWatchLogsClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
}

export async function seedDemoLogs(
  endpoint: string,
  region: string,
  targets: Array<{ group: string; container: string; tasks: string[]; prefix?: string }>,
  now = Date.now(),
): Promise<DemoLogs> {
  const logs = client(endpoint, region);
  const out: DemoLogs = { groups: [], streams: {} };
  try {
    for (const t of targets) {
      await logs.send(new CreateLogGroupCommand({ logGroupName: t.group }));
      out.groups.push(t.group);
      for (const taskArn of t.tasks) {
        const stream = `${t.prefix ?? 'ecs'}/${t.container}/${taskArn.split('/').pop()}`;
        await logs.send(new CreateLogStreamCommand({ logGroupName: t.group, logStreamName: stream }));
        await logs.send(
          new PutLogEventsCommand({
            logGroupName: t.group,
            logStreamName: stream,
            logEvents: DEMO_LOG_LINES.map((message, i) => ({
              timestamp: now - (DEMO_LOG_LINES.length - i) * 10_000,
              message,
            })),
          }),
        );
        (out.streams[t.group] ??= []).push(stream);
      }
    }
    return out;
  } finally {
    logs.destroy();
  }
}

/** Appends lines to a stream now (what a running container does). */
export async function appendLogLines(
  endpoint: string,
  region: string,
  group: string,
  stream: string,
  messages: string[],
): Promise<void> {
  const logs = client(endpoint, region);
  try {
    const now = Date.now();
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: group,
        logStreamName: stream,
        logEvents: messages.map((message, i) => ({ timestamp: now + i, message })),
      }),
    );
  } finally {
    logs.destroy();
  }
}
