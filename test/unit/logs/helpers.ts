/** A small ECS for the log tests (DescribeTasks, ListTasks, DescribeTaskDefinition) and a LogsAccess over FakeLogs. */
import type { EcsApi, Task, TaskDefinition } from '../../../client/src/aws/types';
import { followLogs, planLogs, type LogLine } from '../../../client/src/logs';
import type { LogsAccess } from '../../../client/src/logs/targets';
import { FakeLogs } from '../../fakes/fakeLogs';

export const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod';
export const taskArn = (id: string): string => `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`;

export const WEB_TD: TaskDefinition = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
  family: 'web',
  containerDefinitions: [
    {
      name: 'app',
      essential: true,
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
      },
    },
    {
      name: 'proxy',
      essential: false,
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
      },
    },
  ],
};

export function fakeEcs(tasks: Array<Task & { service?: string }>, defs: TaskDefinition[] = [WEB_TD]): EcsApi {
  const no = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    listClusters: no,
    describeClusters: no,
    listServices: no,
    describeServices: no,
    listTaskDefinitionFamilies: no,
    listTaskDefinitions: no,
    registerTaskDefinition: no,
    runTask: no,
    stopTask: no,
    setServiceExec: no,
    updateService: no,
    listServiceDeployments: no,
    describeServiceRevisions: no,
    async listTasks(_cluster, opts) {
      const items = tasks
        .filter(
          (t) => t.service === opts.serviceName && (opts.desiredStatus ?? 'RUNNING') === (t.desiredStatus ?? 'RUNNING'),
        )
        .map((t) => t.taskArn);
      return { items };
    },
    async describeTasks(_cluster, arns) {
      return tasks.filter((t) => arns.includes(t.taskArn));
    },
    async describeTaskDefinition(arn) {
      const td = defs.find((d) => d.taskDefinitionArn === arn);
      if (!td) throw Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' });
      return { taskDefinition: td };
    },
  };
}

export function access(ecs: EcsApi, logs: FakeLogs, byRegion: Record<string, FakeLogs> = {}): LogsAccess {
  return { region: 'us-east-1', ecs, logs: async (r) => byRegion[r] ?? logs };
}

/** Resolves when `predicate` holds after some event; rejects after `ms` with `what`. */
export function until(
  check: () => boolean,
  subscribe: (wake: () => void) => void,
  what: string,
  ms = 5000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    subscribe(() => {
      if (check()) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** A Waiter that yields to the event loop instead of waiting (the tests drive time by adding events). */
export const yieldWait = (_ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => (signal?.aborted ? resolve() : setImmediate(() => resolve())));

export const T0 = 1_700_000_000_000;
export const running = (id: string, service = 'web') => ({
  taskArn: taskArn(id),
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  startedAt: new Date(T0),
  service,
  containers: [{ name: 'app' }, { name: 'proxy' }],
});

export function follower(
  logs: FakeLogs,
  tasks: ReturnType<typeof running>[],
  extra: { liveTail?: boolean; filterPattern?: string } = {},
) {
  const lines: LogLine[] = [];
  const status: string[] = [];
  const polls: Array<{ fresh: number; intervalMs: number }> = [];
  let wake = (): void => undefined;
  const controller = new AbortController();
  const a = access(fakeEcs(tasks), logs);
  const done = planLogs(a, { kind: 'service', cluster: CLUSTER, service: 'web' }).then((plan) =>
    followLogs(a, plan, {
      startTime: T0,
      signal: controller.signal,
      liveTail: extra.liveTail ?? false,
      filterPattern: extra.filterPattern,
      wait: yieldWait,
      onLines: (l) => {
        lines.push(...l);
        wake();
      },
      onStatus: (s) => {
        status.push(s);
        wake();
      },
      onPoll: (p) => {
        polls.push({ fresh: p.fresh, intervalMs: p.intervalMs });
        wake();
      },
    }),
  );
  // A failed wait stops the follower too, so a failing test ends instead of polling forever.
  const waitFor = (check: () => boolean, what: string) =>
    until(check, (w) => (wake = w), what).catch((e: unknown) => {
      controller.abort();
      throw e;
    });
  return { lines, status, polls, controller, done, waitFor };
}
