/**
 * (unit) Stopped-task findings (producer `diagnose`) anchored by family: at the member the locator finds
 * (JSON and CloudFormation), with related information (task, time, account/region) at the finding, the
 * image condition (gone once the file names another image), and the OOM fix that doubles the memory
 * the file sets, in the file's own syntax.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import type { LiveFinding } from '../../../server/src/service/liveFindings';
import { fargateTaskDef, lint, textAt } from '../helpers';

const URI = 'file:///ws/web.json';
const RELATED =
  'task arn:aws:ecs:eu-west-1:123456789012:task/prod/0abc (web:7) stopped 2026-12-04T21:48:00.000Z in account 123456789012, eu-west-1';
const oom: LiveFinding = {
  ruleId: 'live/oom',
  severity: 'warning',
  message: 'stopped 12 min ago in prod/web: OutOfMemoryError: Container killed due to memory usage (exit 137).',
  anchor: { family: 'web', members: ['memory'], container: 'app' },
  related: [{ message: RELATED }],
  fixes: [{ title: 'Double the memory the container was killed for', scale: 2 }],
};

test('an OOM finding by family sits on the memory with its related information and a doubling fix (unit)', () => {
  const text = JSON.stringify(fargateTaskDef(), null, 2);
  const d = lint(text, URI, { liveFindings: [oom] }).find((x) => x.ruleId === 'live/oom');
  assert.ok(d, 'the finding is shown');
  assert.equal(d.severity, 'warning');
  assert.equal(textAt(text, d), '"512"', 'the task memory (the container sets none)');
  assert.deepEqual(
    d.related?.map((r) => [r.uri, r.message]),
    [[URI, RELATED]],
  );
  const fix = d.fixes?.[0];
  assert.ok(fix, 'a fix');
  assert.equal(fix.title, 'Double the memory the container was killed for (512 → 1024)');
  assert.equal(
    (JSON.parse(applyEdits(text, fix.edits)) as { memory: unknown }).memory,
    '1024',
    'a string stays a string',
  );
});

test('with a container memory limit the finding and its fix are on the container (a number stays a number) (unit)', () => {
  const text = JSON.stringify(fargateTaskDef({}, { memory: 256 }), null, 2);
  const d = lint(text, URI, { liveFindings: [oom] }).find((x) => x.ruleId === 'live/oom');
  assert.ok(d);
  assert.equal(textAt(text, d), '256');
  const fixed = JSON.parse(applyEdits(text, d.fixes![0].edits)) as { containerDefinitions: { memory: unknown }[] };
  assert.equal(fixed.containerDefinitions[0].memory, 512);
});

test('an image-pull finding holds only while the file names the image the task failed to pull (unit)', () => {
  const text = JSON.stringify(fargateTaskDef(), null, 2);
  const image = 'public.ecr.aws/nginx/nginx:1.27';
  const pull = (value: string): LiveFinding => ({
    ruleId: 'live/image-pull',
    message: 'stopped 3 min ago in prod/web: CannotPullContainerError: … not found',
    anchor: { family: 'web', members: ['image', 'repositoryCredentials'], value },
  });
  const count = (f: LiveFinding, id: string): number =>
    lint(text, URI, { liveFindings: [f] }).filter((x) => x.ruleId === id).length;
  assert.equal(count(pull(image), 'live/image-pull'), 1);
  assert.equal(count(pull(`${image}-old`), 'live/image-pull'), 0);
  assert.equal(count({ ...oom, anchor: { ...oom.anchor, family: 'other' } }, 'live/oom'), 0, 'another family: nothing');
});

test('a missing log group: the finding on awslogs-group, its fix adds awslogs-create-group next to it (unit)', () => {
  const text = JSON.stringify(fargateTaskDef(), null, 2);
  const logger: LiveFinding = {
    ruleId: 'live/logger',
    message: 'stopped 8 min ago in prod/web: ResourceInitializationError: … The specified log group does not exist.',
    anchor: { family: 'web', members: ['logGroup', 'executionRoleArn'], container: 'app' },
    fixes: [
      {
        title: 'Let the awslogs driver create the log group',
        addSibling: { key: 'awslogs-create-group', value: 'true' },
      },
    ],
  };
  const d = lint(text, URI, { liveFindings: [logger] }).find((x) => x.ruleId === 'live/logger');
  assert.ok(d);
  assert.equal(textAt(text, d), '"/ecs/web"');
  const fixed = JSON.parse(applyEdits(text, d.fixes![0].edits)) as {
    containerDefinitions: { logConfiguration: { options: Record<string, string> } }[];
  };
  assert.equal(fixed.containerDefinitions[0].logConfiguration.options['awslogs-create-group'], 'true');
});

test('anchors by family stay off the read-only views of AWS data (scheme fargate-lens:) (unit)', () => {
  const text = JSON.stringify(fargateTaskDef(), null, 2);
  const view = 'fargate-lens:/us-east-1/registered/web-2.json';
  assert.equal(lint(text, view, { liveFindings: [oom] }).filter((x) => x.ruleId === 'live/oom').length, 0);
});
