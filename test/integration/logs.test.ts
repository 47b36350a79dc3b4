/**
 * Container logs against moto_server: the demo account's streams are named as ECS names them, so
 * `fargate-lens logs` finds them from the task definition; show, follow by polling (moto has no Live
 * Tail) with lines arriving during the follow, the exit-2 reasons, lastLines for the diagnosis, and the
 * Live Tail path through a stub that speaks the real event-stream framing in front of moto.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { createApiFactory } from '../../client/src/aws/factory';
import { run } from '../../client/src/cli/index';
import type { CliIo } from '../../client/src/cli/types';
import { followLogs, lastLines, logsAccess, planLogs, type LogLine } from '../../client/src/logs';
import { LiveTailStub } from '../fakes/liveTailStub';
import { motoEnv, seedDemoAccount, startMoto, type DemoAccount, type MotoServer } from './moto';
import { appendLogLines, DEMO_LOG_LINES } from './seedLogs';

/** Runs the CLI in-process; `until` (checked on every write) lets a --follow run be interrupted on an event. */
function cli(argv: string[], env: Record<string, string>, until?: (out: string) => boolean) {
  let out = '';
  let err = '';
  const controller = new AbortController();
  let wake = (): void => undefined;
  const io: CliIo = {
    out: (t) => {
      out += t;
      wake();
    },
    err: (t) => void (err += t),
    env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
  const done = run(['logs', ...argv], io).then((code) => ({ code, out, err }));
  const waitFor = (check: (o: string) => boolean, what: string, ms = 15_000): Promise<void> =>
    new Promise((resolve, reject) => {
      if (check(out)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; out:\n${out}\nerr:\n${err}`)),
        ms,
      );
      wake = () => {
        if (check(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
  void until;
  return { done, waitFor, stop: () => controller.abort(), output: () => out };
}

const id = (arn: string): string => arn.split('/').pop()!;

describe('container logs against moto_server (integration)', () => {
  let moto: MotoServer;
  let env: Record<string, string>;
  let demo: DemoAccount;

  before(async () => {
    moto = await startMoto();
    env = motoEnv(moto.endpoint);
    Object.assign(process.env, env);
    delete process.env.AWS_PROFILE;
    demo = await seedDemoAccount(moto.endpoint);
  });
  after(async () => {
    await moto?.stop();
  });

  it('shows a service: both running tasks, interleaved by time, as JSON lines', async () => {
    const r = await cli(['--cluster', 'prod', '--service', 'web', '--format', 'json', '--since', '10m'], env).done;
    assert.equal(r.code, 0, r.err);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    assert.equal(lines.length, 24);
    assert.deepEqual(new Set(lines.map((l) => l.task)), new Set(demo.tasks.web.map(id)));
    assert.deepEqual(Object.keys(lines[0]), ['timestamp', 'container', 'task', 'message']);
    assert.equal(lines[0].container, 'app');
    const times = lines.map((l) => Date.parse(l.timestamp));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => a - b),
    );
  });

  it('shows one container of a task as text: "<ISO timestamp> <container> <message>"', async () => {
    const task = id(demo.tasks.standalone[0]);
    const r = await cli(['--cluster', 'prod', '--task', task, '--container', 'app', '--filter', 'ERROR'], env).done;
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z app \u001b\[31mERROR\u001b\[0m payment provider timeout/,
    );
    assert.equal(r.out.trim().split('\n').length, 1);
  });

  it('follows by polling: the seeded lines, then a line written during the follow, once', async () => {
    const task = demo.tasks.web[0];
    const f = cli(['--cluster', 'prod', '--task', id(task), '--follow', '--since', '10m'], env);
    await f.waitFor((o) => o.includes('cache refreshed'), 'the seeded lines');
    await appendLogLines(moto.endpoint, 'us-east-1', '/ecs/web', `ecs/app/${id(task)}`, ['written while following']);
    await f.waitFor((o) => o.includes('written while following'), 'the new line');
    f.stop();
    const r = await f.done;
    assert.equal(r.code, 0);
    assert.equal(r.out.split('written while following').length, 2, 'shown once');
    assert.equal(r.out.split('cache refreshed').length, 2, 'seeded line shown once');
    assert.match(r.err, /Live Tail is not available here.*polling FilterLogEvents instead/);
  });

  it('exit 2 with the reason: no such service task, a log group that does not exist', async () => {
    const none = await cli(['--cluster', 'prod', '--service', 'ghost'], env).done;
    assert.equal(none.code, 2);
    assert.match(none.err, /Service ghost has no running task/);
    const ecs = new ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    try {
      const td = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: 'nolog',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [
            {
              name: 'app',
              image: 'busybox',
              memory: 512,
              logConfiguration: {
                logDriver: 'awslogs',
                options: {
                  'awslogs-group': '/ecs/missing',
                  'awslogs-region': 'us-east-1',
                  'awslogs-stream-prefix': 'ecs',
                },
              },
            },
          ],
        }),
      );
      const t = await ecs.send(
        new RunTaskCommand({
          cluster: 'prod',
          taskDefinition: td.taskDefinition!.taskDefinitionArn,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: demo.subnets, securityGroups: [demo.securityGroup] },
          },
        }),
      );
      const r = await cli(['--cluster', 'prod', '--task', id(t.tasks![0].taskArn!)], env).done;
      assert.equal(r.code, 2);
      assert.match(
        r.err,
        /Log group "\/ecs\/missing" does not exist in us-east-1 \(containerDefinitions\[0\]\.logConfiguration\.options\["awslogs-group"\]\)\. Create it \(aws logs create-log-group --log-group-name \/ecs\/missing --region us-east-1\) or set "awslogs-create-group": "true"/,
      );
    } finally {
      ecs.destroy();
    }
  });

  it("lastLines: the last 50 lines of a stopped task's container, for the diagnosis", async () => {
    const factory = createApiFactory(() => ({ endpoint: moto.endpoint }));
    const ecs = new ECSClient({ endpoint: moto.endpoint, region: 'us-east-1' });
    try {
      const task = demo.tasks.api[0];
      await ecs.send(new StopTaskCommand({ cluster: 'prod', task, reason: 'test' }));
      const apis = await factory.get({ profile: undefined, region: 'us-east-1' });
      const r = await lastLines(logsAccess(apis, factory.get), { kind: 'task', cluster: 'prod', task }, { limit: 5 });
      assert.equal(r.ok, true, r.ok ? '' : r.reason);
      if (!r.ok) return;
      assert.equal(r.stream, `ecs/app/${id(task)}`);
      assert.deepEqual(
        r.lines.map((l) => l.message),
        DEMO_LOG_LINES.slice(-5),
      );
    } finally {
      ecs.destroy();
      factory.dispose();
    }
  });

  it('follows with Live Tail through the SDK (stub with event-stream framing in front of moto): backfill, live lines, no doubles', async () => {
    // Empty updates every 50 ms (the service sends one a second) so that several arrive during the test.
    const stub = await LiveTailStub.start(moto.endpoint, { heartbeatMs: 50 });
    const factory = createApiFactory(() => ({ endpoint: stub.endpoint }));
    try {
      const apis = await factory.get({ profile: undefined, region: 'us-east-1' });
      const access = logsAccess(apis, factory.get);
      const task = demo.tasks.web[1];
      const plan = await planLogs(access, { kind: 'task', cluster: 'prod', task, container: 'app' });
      const lines: LogLine[] = [];
      const status: string[] = [];
      let wake = (): void => undefined;
      const controller = new AbortController();
      const opened = stub.nextSession();
      const following = followLogs(access, plan, {
        startTime: Date.now() - 600_000,
        signal: controller.signal,
        onLines: (l) => {
          lines.push(...l);
          wake();
        },
        onStatus: (s) => status.push(s),
      });
      const until = (check: () => boolean, what: string) =>
        new Promise<void>((resolve, reject) => {
          if (check()) return resolve();
          const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}: ${status.join(' | ')}`)), 15_000);
          wake = () => check() && (clearTimeout(t), resolve());
        });
      const session = await opened;
      assert.deepEqual(session.request.logStreamNames, [`ecs/app/${id(task)}`]);
      assert.match(
        String((session.request.logGroupIdentifiers as string[])[0]),
        /^arn:aws:logs:us-east-1:\d{12}:log-group:\/ecs\/web$/,
      );
      await until(() => lines.length === 12, 'the backfill');
      const last = lines[11];
      session.update([
        { logStreamName: last.stream, timestamp: last.timestamp, message: last.message }, // already shown
        { logStreamName: last.stream, timestamp: Date.now(), message: 'live line 1' },
      ]);
      session.update([{ logStreamName: last.stream, timestamp: Date.now() + 1, message: 'live line 2' }]);
      await until(() => lines.some((l) => l.message === 'live line 2'), 'the live lines');
      controller.abort();
      await following;
      await session.closed;
      assert.deepEqual(
        lines.slice(11).map((l) => l.message),
        [last.message, 'live line 1', 'live line 2'],
      );
      assert.deepEqual(status, []);
    } finally {
      factory.dispose();
      await stub.stop();
    }
  });
});
