import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import type { LiveFinding } from '../../../server/src/service/liveFindings';
import { parsePath } from '../../../server/src/service/liveFindings';
import { fargateTaskDef, lint, textAt } from '../helpers';

const URI = 'file:///ws/task-def.json';
const text = JSON.stringify(fargateTaskDef(), null, 2);

const imageFinding = (extra: Partial<LiveFinding> = {}): LiveFinding => ({
  ruleId: 'live/image-not-found',
  message: 'image not found in us-east-1',
  anchor: { uri: URI, path: 'containerDefinitions[name=app].image', value: 'public.ecr.aws/nginx/nginx:1.27' },
  ...extra,
});

test('a live finding anchored by path shows at the member, with the rule settings applied (unit)', () => {
  const d = lint(text, URI, { liveFindings: [imageFinding()] }).find((x) => x.ruleId === 'live/image-not-found');
  assert.ok(d);
  assert.equal(textAt(text, d), '"public.ecr.aws/nginx/nginx:1.27"');
  assert.equal(d.message, 'image not found in us-east-1');
  const off = lint(text, URI, { liveFindings: [imageFinding()], rules: { 'live/image-not-found': 'off' } });
  assert.equal(off.filter((x) => x.ruleId === 'live/image-not-found').length, 0);
  const info = lint(text, URI, { liveFindings: [imageFinding()], rules: { 'live/image-not-found': 'info' } });
  assert.equal(info.find((x) => x.ruleId === 'live/image-not-found')?.severity, 'info');
});

test('a live finding disappears when its member no longer has the value it was made for (unit)', () => {
  const edited = text.replace('nginx:1.27', 'nginx:1.28');
  assert.equal(
    lint(edited, URI, { liveFindings: [imageFinding()] }).filter((x) => x.ruleId.startsWith('live/')).length,
    0,
  );
  // Another file: not anchored there.
  assert.equal(
    lint(text, 'file:///ws/other.json', { liveFindings: [imageFinding()] }).filter((x) => x.ruleId.startsWith('live/'))
      .length,
    0,
  );
});

test('suppression comments apply to live findings (unit)', () => {
  const jsonc = text.replace('"image"', '// fargate-lens-disable-next-line live/image-not-found\n      "image"');
  const uri = 'file:///ws/task-def.jsonc';
  const f = imageFinding({ anchor: { uri, path: 'containerDefinitions[name=app].image' } });
  assert.equal(lint(text, uri, { liveFindings: [f] }).filter((x) => x.ruleId === 'live/image-not-found').length, 1);
  assert.equal(lint(jsonc, uri, { liveFindings: [f] }).filter((x) => x.ruleId === 'live/image-not-found').length, 0);
});

test('anchors by family use the member locator; fixes become edits in the file syntax (unit)', () => {
  const byFamily: LiveFinding = {
    ruleId: 'live/log-group-missing',
    message: 'log group /ecs/web does not exist',
    anchor: { family: 'web', members: ['logGroup'], container: 'app' },
  };
  const d = lint(text, URI, { liveFindings: [byFamily] }).find((x) => x.ruleId === 'live/log-group-missing');
  assert.ok(d);
  assert.equal(textAt(text, d), '"/ecs/web"');
  const withFix: LiveFinding = {
    ...byFamily,
    anchor: { uri: URI, path: 'containerDefinitions[name=app].logConfiguration.options.awslogs-group' },
    fixes: [{ title: 'Add awslogs-create-group', addSibling: { key: 'awslogs-create-group', value: 'true' } }],
  };
  const fixed = lint(text, URI, { liveFindings: [withFix] }).find((x) => x.ruleId === 'live/log-group-missing');
  assert.ok(fixed?.fixes?.length);
  const after = JSON.parse(applyEdits(text, fixed.fixes[0].edits)) as {
    containerDefinitions: { logConfiguration: { options: Record<string, string> } }[];
  };
  assert.equal(after.containerDefinitions[0].logConfiguration.options['awslogs-create-group'], 'true');
  const tag = lint(text, URI, {
    liveFindings: [imageFinding({ fixes: [{ title: 'Use tag 1.26', setValue: 'public.ecr.aws/nginx/nginx:1.26' }] })],
  }).find((x) => x.ruleId === 'live/image-not-found');
  assert.match(applyEdits(text, tag!.fixes![0].edits), /nginx:1\.26"/);
});

test('member paths: keys, indexes and name selectors; malformed paths resolve to nothing (unit)', () => {
  assert.deepEqual(parsePath('containerDefinitions[name=web].secrets[2].valueFrom'), [
    { key: 'containerDefinitions', index: undefined, name: 'web' },
    { key: 'secrets', index: 2, name: undefined },
    { key: 'valueFrom', index: undefined, name: undefined },
  ]);
  assert.equal(parsePath('a..b'), undefined);
  const bad = imageFinding({ anchor: { uri: URI, path: 'containerDefinitions[[x' } });
  assert.equal(lint(text, URI, { liveFindings: [bad] }).filter((x) => x.ruleId.startsWith('live/')).length, 0);
});
