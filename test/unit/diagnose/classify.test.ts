/**
 * (unit) The stopped-task classifier on the texts ECS really writes (the failures behind the live/ ids of
 * docs/rules.md; variable parts as ECS fills them), near-misses that must not match, tasks
 * stopped on purpose, and unclassified failures that keep their evidence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyStoppedTask, type StoppedTaskEvidence } from '../../../client/src/diagnose/classify';
import { LIVE_FAILURE_RULE_IDS } from '../../../client/src/diagnose/catalogue';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c';
const task = (t: Partial<StoppedTaskEvidence>): StoppedTaskEvidence => ({
  taskArn: ARN,
  containers: [{ name: 'web', essential: true }],
  ...t,
});
const rule = (t: Partial<StoppedTaskEvidence>) => classifyStoppedTask(task(t)).ruleId;

test('the catalogue has the 15 rule ids of the reference, each once (unit)', () => {
  assert.deepEqual([...LIVE_FAILURE_RULE_IDS].sort(), [
    'live/arch-mismatch',
    'live/cannot-start',
    'live/container-health',
    'live/efs-mount',
    'live/elb-health',
    'live/essential-exit',
    'live/exec-agent',
    'live/image-pull',
    'live/init-network',
    'live/logger',
    'live/oom',
    'live/pull-rate-limit',
    'live/registry-unreachable',
    'live/secret-fetch',
    'live/spot-interruption',
  ]);
});

test('image pull failures: unreachable registry, missing image, rate limit (unit)', () => {
  const base = { stopCode: 'TaskFailedToStart' };
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:1.27: failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1.27": dial tcp 54.236.113.205:443: i/o timeout',
    }),
    'live/registry-unreachable',
  );
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.4.1: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.4.1: not found',
    }),
    'live/image-pull',
  );
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        "CannotPullContainerError: Error response from daemon: pull access denied for acme/api, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    }),
    'live/image-pull',
  );
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref docker.io/library/redis:7: unexpected status from HEAD request: 429 Too Many Requests: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading',
    }),
    'live/pull-rate-limit',
  );
});

test('ResourceInitializationError: network, secrets, logger, EFS (unit)', () => {
  const base = { stopCode: 'TaskFailedToStart' };
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.eu-west-1.amazonaws.com/": dial tcp 10.0.1.23:443: i/o timeout',
    }),
    'live/init-network',
  );
  const secret = classifyStoppedTask(
    task({
      ...base,
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: secretsmanager:GetSecretValue',
    }),
  );
  assert.equal(secret.ruleId, 'live/secret-fetch');
  assert.equal(secret.quoted, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf');
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): ParameterNotFound',
    }),
    'live/secret-fetch',
  );
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
    }),
    'live/logger',
  );
  assert.equal(
    rule({ ...base, stoppedReason: 'ResourceInitializationError: failed to validate logger args: : signal: killed' }),
    'live/logger',
  );
  assert.equal(
    rule({
      ...base,
      stoppedReason:
        "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: Connection reset by peer' : unsuccessful EFS utils command execution; code: 32",
    }),
    'live/efs-mount',
  );
});

test('container exits: OOM, exec format error in the logs, cannot start, plain crash (unit)', () => {
  const oom = classifyStoppedTask(
    task({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [
        { name: 'log_router', essential: false, exitCode: 0 },
        {
          name: 'web',
          essential: true,
          exitCode: 137,
          reason: 'OutOfMemoryError: Container killed due to memory usage',
        },
      ],
    }),
  );
  assert.equal(oom.ruleId, 'live/oom');
  assert.equal(oom.container, 'web');
  assert.equal(oom.exitCode, 137);
  const arch = classifyStoppedTask(
    task({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'web', essential: true, exitCode: 255 }],
      logLines: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
    }),
  );
  assert.equal(arch.ruleId, 'live/arch-mismatch');
  assert.equal(
    rule({
      stopCode: 'TaskFailedToStart',
      stoppedReason:
        'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": permission denied: unknown',
    }),
    'live/cannot-start',
  );
  const crash = classifyStoppedTask(
    task({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'web', essential: true, exitCode: 1 }],
      logLines: ['Error: Cannot find module "/app/server.js"'],
    }),
  );
  assert.equal(crash.ruleId, 'live/essential-exit');
  assert.match(crash.exitCodeMeaning ?? '', /exit code 1/);
  const notFound = classifyStoppedTask(
    task({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      containers: [{ name: 'web', essential: true, exitCode: 127 }],
    }),
  );
  assert.equal(notFound.ruleId, 'live/essential-exit');
  assert.match(notFound.exitCodeMeaning ?? '', /not found/);
});

test('health checks, Spot, ECS Exec (unit)', () => {
  assert.equal(
    rule({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason:
        'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067)',
    }),
    'live/elb-health',
  );
  const health = classifyStoppedTask(
    task({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task failed container health checks',
      containers: [
        { name: 'web', essential: true, exitCode: 137, healthStatus: 'UNHEALTHY' },
        { name: 'sidecar', essential: true, exitCode: 143, healthStatus: 'HEALTHY' },
      ],
    }),
  );
  assert.equal(health.ruleId, 'live/container-health');
  assert.equal(health.container, 'web');
  assert.equal(
    rule({ stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' }),
    'live/spot-interruption',
  );
  assert.equal(
    rule({
      stoppedReason:
        'An error occurred (TargetNotConnectedException) when calling the ExecuteCommand operation: The execute command failed due to an internal error.',
    }),
    'live/exec-agent',
  );
  // A health-check failure named only in the service events.
  assert.equal(
    rule({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task stopped by service scheduler',
      events: ['(service web) (task 0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c) failed container health checks.'],
    }),
    'live/container-health',
  );
});

test('tasks stopped on purpose are not failures; near-misses stay unclassified (unit)', () => {
  const scaled = classifyStoppedTask(
    task({
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1234567890123456789)',
      containers: [{ name: 'web', essential: true, exitCode: 143 }],
    }),
  );
  assert.equal(scaled.failed, false);
  assert.equal(scaled.ruleId, null);
  const user = classifyStoppedTask(task({ stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }));
  assert.equal(user.failed, false);
  // Words that look like a catalogue row but are not ECS's texts.
  const odd = classifyStoppedTask(
    task({
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Timeout waiting for network interface provisioning to complete.',
    }),
  );
  assert.equal(odd.failed, true);
  assert.equal(odd.ruleId, null, 'unclassified, not a guess');
  assert.ok(odd.evidence.some((e) => e.source === 'stopped reason' && /network interface/.test(e.text)));
  assert.equal(rule({ stoppedReason: 'The image could not be found in the cache' }), null);
  // The whole reason is kept, never truncated.
  const long = 'ResourceInitializationError: '.padEnd(2000, 'x');
  assert.equal(
    classifyStoppedTask(task({ stopCode: 'TaskFailedToStart', stoppedReason: long })).evidence[1].text.length,
    2000,
  );
});
