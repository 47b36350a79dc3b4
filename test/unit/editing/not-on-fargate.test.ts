import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { parseJson } from '../../../server/src/service/documents/json';
import { complete } from '../../../server/src/service/editing/completion';
import { completeDocument } from '../../../server/src/service/editing/documentCompletion';
import { FIELD_FACTS } from '../../../server/src/service/editing/facts';
import { FARGATE_UNSUPPORTED } from '../../../server/src/service/facts/fargateUnsupported';
import { getLanguageService } from '../../../server/src/service/languageService';
import { ALL_RULES } from '../../../server/src/service/rules';

const ls = getLanguageService();

/** JSON completion with the cursor at `|` (the marker removed). */
function json(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return complete(text, parseJson(text).root, offset, 'register').items;
}
/** Completion in any document (templates) with the cursor at `‸`. */
function doc(textWithCursor: string, uri: string) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return completeDocument(ls.parse(uri, text), offset, {}).items;
}
const find = (items: CompletionItem[], label: string) => {
  const i = items.find((x) => x.label === label);
  assert.ok(i, `no ${label} in ${items.map((x) => x.label).join(', ')}`);
  return i;
};
const marked = (i: CompletionItem) => i.labelDetails?.description === 'not on Fargate';
const docText = (i: CompletionItem) =>
  typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? '');
/** Items in VS Code's order with an empty prefix: sortText compared as strings when both have one, else the label. */
const order = (items: CompletionItem[]) =>
  [...items]
    .sort((a, b) => {
      const [x, y] =
        a.sortText !== undefined && b.sortText !== undefined ? [a.sortText, b.sortText] : [a.label, b.label];
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map((i) => i.label);

const FARGATE_CONTAINER = '{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"name":"a",|}]}';

test('a Fargate task definition marks container members Fargate refuses and sorts them last (unit)', () => {
  const items = json(FARGATE_CONTAINER);
  for (const name of ['privileged', 'dnsServers', 'extraHosts', 'links', 'hostname', 'dockerSecurityOptions']) {
    const i = find(items, name);
    assert.ok(marked(i), name);
    assert.match(i.detail ?? '', /^not on Fargate · /);
    assert.match(docText(i), /^\*\*Not on Fargate:\*\* .+ \(`[a-z]+\/[a-z-]+` flags it\)/);
  }
  const image = find(items, 'image');
  assert.ok(!marked(image));
  const sorted = order(items);
  const firstMarked = sorted.findIndex((l) => marked(find(items, l)));
  assert.ok(firstMarked > 0);
  assert.ok(
    sorted.slice(firstMarked).every((l) => marked(find(items, l))),
    `unmarked item after a marked one: ${sorted.slice(firstMarked).join(', ')}`,
  );
});

test('task-level, linuxParameters and volume members too; supported members stay unmarked (unit)', () => {
  const task = json('{"requiresCompatibilities":["FARGATE"],|}');
  assert.ok(marked(find(task, 'ipcMode')) && marked(find(task, 'placementConstraints')));
  assert.ok(!marked(find(task, 'pidMode')) && !marked(find(task, 'cpu')));
  const lp = json('{"requiresCompatibilities":["FARGATE"],"containerDefinitions":[{"linuxParameters":{|}}]}');
  for (const n of ['devices', 'sharedMemorySize', 'tmpfs', 'maxSwap', 'swappiness']) assert.ok(marked(find(lp, n)), n);
  assert.ok(!marked(find(lp, 'initProcessEnabled')) && !marked(find(lp, 'capabilities')));
  const vol = json('{"requiresCompatibilities":["FARGATE"],"volumes":[{"name":"v",|}]}');
  assert.ok(marked(find(vol, 'dockerVolumeConfiguration')));
  assert.ok(marked(find(vol, 'fsxWindowsFileServerVolumeConfiguration')));
  assert.ok(!marked(find(vol, 'efsVolumeConfiguration')) && !marked(find(vol, 'host')));
});

test('nothing is marked when the file is not a Fargate task definition (unit)', () => {
  for (const text of [
    '{"containerDefinitions":[{"name":"a",|}]}',
    '{"requiresCompatibilities":["EC2"],"containerDefinitions":[{"name":"a",|}]}',
  ]) {
    const items = json(text);
    assert.ok(!items.some(marked), text);
    assert.equal(find(items, 'privileged').sortText, undefined);
  }
});

test('a CloudFormation TaskDefinition with RequiresCompatibilities FARGATE, YAML and JSON (unit)', () => {
  const yaml = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      ContainerDefinitions:
        - Name: web
          ‸`;
  const items = doc(yaml, 'file:///ws/template.yaml');
  assert.ok(marked(find(items, 'Privileged')) && marked(find(items, 'DnsServers')));
  assert.ok(!marked(find(items, 'Image')));
  const ec2 = doc(yaml.replace('[FARGATE]', '[EC2]'), 'file:///ws/template.yaml');
  assert.ok(!ec2.some(marked));
  const jsonTemplate =
    '{"Resources":{"T":{"Type":"AWS::ECS::TaskDefinition","Properties":{"RequiresCompatibilities":["FARGATE"],‸}}}}';
  const items2 = doc(jsonTemplate, 'file:///ws/template.json');
  assert.ok(marked(find(items2, 'IpcMode')) && !marked(find(items2, 'Cpu')));
});

test('one list: every unsupported member is checked by the rule it names, and hover says so (unit)', () => {
  const rules = new Map(ALL_RULES.map((r) => [r.id, r]));
  for (const [key, m] of Object.entries(FARGATE_UNSUPPORTED)) {
    const rule = rules.get(m.rule);
    assert.ok(rule, `${key}: no rule ${m.rule}`);
    const member = key.split('.')[1];
    const needs = Object.values((rule as { needs?: Record<string, string[]> }).needs ?? {}).flat();
    // linuxParameters members are read through their parent.
    const read = key.startsWith('LinuxParameters.') ? 'linuxParameters' : member;
    assert.ok(needs.includes(read), `${m.rule} does not read ${read}`);
    assert.match(FIELD_FACTS[key]?.fargate ?? '', /^Not supported on Fargate: /, key);
  }
});
