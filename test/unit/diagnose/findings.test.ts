/**
 * (unit) Stopped tasks as live findings (producer `diagnose`): one per family, rule and container, the
 * newest task named, "stopped N min ago in cluster/service: <ECS's text>", anchored at the catalogue's
 * members with the value the task ran with, related information with task ARN, time, account and
 * region; a quick fix for an OOM kill; nothing for stops on purpose, Spot interruptions or unclassified
 * failures. Task shapes as DescribeTasks returns them (ECS API reference: Task, Container).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Task } from '../../../client/src/aws/types';
import { classifyTask, diagnoseFindings, type StoppedTaskSeen } from '../../../client/src/diagnose/findings';

const NOW = Date.parse('2026-12-04T22:00:00Z');
const ARN = 'arn:aws:ecs:eu-west-1:123456789012';
let n = 0;
function stopped(minutesAgo: number, extra: Partial<Task>): StoppedTaskSeen {
  const task: Task = {
    taskArn: `${ARN}:task/prod/${(++n).toString(16).padStart(32, '0')}`,
    taskDefinitionArn: `${ARN}:task-definition/web:7`,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stoppedAt: new Date(NOW - minutesAgo * 60_000),
    ...extra,
  };
  return { task, diagnosis: classifyTask(task), where: 'prod/web', region: 'eu-west-1' };
}
const oom = (minutesAgo: number): StoppedTaskSeen =>
  stopped(minutesAgo, {
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: [
      {
        name: 'app',
        lastStatus: 'STOPPED',
        exitCode: 137,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
        memory: '512',
        image: 'nginx:1.27',
      },
      { name: 'log-router', lastStatus: 'STOPPED', exitCode: 0 },
    ],
  });

test('OOM kills of one family make one finding at the memory, with a fix that doubles it (unit)', () => {
  const [f, ...rest] = diagnoseFindings([oom(30), oom(12)], NOW);
  assert.equal(rest.length, 0);
  assert.equal(f.ruleId, 'live/oom');
  assert.equal(f.severity, 'warning');
  assert.match(
    f.message,
    /^stopped 12 min ago in prod\/web: OutOfMemoryError: Container killed due to memory usage \(exit 137\) \(2 tasks stopped for this\)\./,
  );
  assert.deepEqual(f.anchor, { family: 'web', members: ['memory'], container: 'app' });
  assert.equal(f.related.length, 2);
  assert.match(
    f.related[0].message,
    /^task arn:aws:ecs:eu-west-1:123456789012:task\/prod\/0+2 \(web:7\) stopped 2026-12-04T21:48:00.000Z in account 123456789012, eu-west-1$/,
  );
  assert.deepEqual(f.fixes, [{ title: 'Double the memory the container was killed for', scale: 2 }]);
});

test('an image pull failure points at the image the task tried to pull (unit)', () => {
  const [f] = diagnoseFindings(
    [
      stopped(3, {
        stopCode: 'TaskFailedToStart',
        stoppedReason:
          'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.4.9: not found',
        containers: [
          { name: 'api', lastStatus: 'STOPPED', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.4.9' },
        ],
      }),
    ],
    NOW,
  );
  assert.equal(f.ruleId, 'live/image-pull');
  assert.equal(f.anchor.members[0], 'image');
  assert.equal(f.anchor.value, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.4.9');
  assert.match(f.message, /^stopped 3 min ago in prod\/web: CannotPullContainerError: /);
});

test('no finding for a stop on purpose, a Spot interruption, an unclassified failure or an unknown family (unit)', () => {
  const found = diagnoseFindings(
    [
      stopped(1, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }),
      stopped(2, { stopCode: 'SpotInterruption', stoppedReason: 'SpotInterruption: Your Spot Task was interrupted.' }),
      stopped(3, { stopCode: 'TaskFailedToStart', stoppedReason: 'Something nobody has seen before' }),
      { ...oom(4), task: { ...oom(4).task, taskDefinitionArn: undefined } },
    ],
    NOW,
  );
  assert.deepEqual(found, []);
});

test('a missing log group points at awslogs-group with a fix that lets the driver create it (unit)', () => {
  const [f] = diagnoseFindings(
    [
      stopped(8, {
        stopCode: 'TaskFailedToStart',
        stoppedReason:
          'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1',
        containers: [{ name: 'app', lastStatus: 'STOPPED' }],
      }),
    ],
    NOW,
  );
  assert.equal(f.ruleId, 'live/logger');
  assert.deepEqual(f.anchor.members, ['logGroup', 'executionRoleArn']);
  assert.deepEqual(
    f.fixes?.map((x) => ('addSibling' in x ? x.addSibling : x)),
    [{ key: 'awslogs-create-group', value: 'true' }],
  );
});
