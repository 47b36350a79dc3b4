import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, MAX_ALIAS_NODES } from '../../../server/src/service/documents/yaml';
import { at, child, type AstNode, type ObjectNode } from '../../../server/src/service/documents/ast';

const slice = (text: string, n: { offset: number; length: number }) => text.slice(n.offset, n.offset + n.length);
const fn = (n: AstNode | undefined) => (n as ObjectNode).properties[0];

test('YAML scalars, maps and sequences keep their source spans (unit)', () => {
  const text =
    'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Cpu: "256"\n      Memory: 512\n      List:\n        - a\n        - \'b c\'\n      Flow: {A: 1, B: [x, y]}\n';
  const { root, findings } = parseYaml(text);
  assert.deepEqual(findings, []);
  const props = at(root, 'Resources', 'Task', 'Properties')!;
  assert.equal(slice(text, child(props, 'Cpu')!), '"256"');
  assert.equal(child(props, 'Cpu')!.type, 'string');
  assert.equal(child(props, 'Memory')!.type, 'number');
  assert.equal(slice(text, at(props, 'List', 1)!), "'b c'");
  assert.equal(at(props, 'List', 1)!.type === 'string' && (at(props, 'List', 1) as { value: string }).value, 'b c');
  assert.equal(slice(text, at(props, 'Flow')!), '{A: 1, B: [x, y]}');
  assert.equal(slice(text, at(props, 'Flow', 'B', 1)!), 'y');
  const task = (at(root, 'Resources') as ObjectNode).properties[0];
  assert.equal(slice(text, task.keySpan), 'Task');
  assert.ok(slice(text, task.span).startsWith('Task:') && slice(text, task.span).endsWith('y]}'));
});

test('YAML short-form tags become their long-form shapes with the tag as key span (unit)', () => {
  const text = [
    'A: !Ref Param',
    'B: !GetAtt Res.Arn',
    'C: !If [IsProd, "1024", !Ref AWS::NoValue]',
    'D: !Sub "arn:${AWS::Partition}:x"',
    'E: !Join [",", [a, b]]',
    'F: !Select [0, !GetAZs ""]',
    'G: !FindInMap [M, K, V]',
    'H: !ImportValue Stack-Out',
    'I: !Split [",", "a,b"]',
    'J: !Base64 x',
    'K: !Cidr [x, 6, 5]',
    'L: !Equals [a, b]',
    'M: !Not [!Condition C]',
    'N: !And [!Condition C, !Condition D]',
    'O: !Or [!Condition C, !Condition D]',
    'P: !GetAtt [Res, Arn]',
    '',
  ].join('\n');
  const { root, findings } = parseYaml(text);
  assert.deepEqual(findings, []);
  const expect: Record<string, string> = {
    A: 'Ref',
    B: 'Fn::GetAtt',
    C: 'Fn::If',
    D: 'Fn::Sub',
    E: 'Fn::Join',
    F: 'Fn::Select',
    G: 'Fn::FindInMap',
    H: 'Fn::ImportValue',
    I: 'Fn::Split',
    J: 'Fn::Base64',
    K: 'Fn::Cidr',
    L: 'Fn::Equals',
    M: 'Fn::Not',
    N: 'Fn::And',
    O: 'Fn::Or',
    P: 'Fn::GetAtt',
  };
  for (const [k, long] of Object.entries(expect)) assert.equal(fn(child(root, k)).key, long, k);
  assert.equal(fn(child(root, 'A')).rawKey, '!Ref');
  assert.equal(slice(text, fn(child(root, 'A')).keySpan), '!Ref');
  assert.equal(slice(text, child(root, 'A')!), '!Ref Param');
  const getAtt = fn(child(root, 'B')).value;
  assert.equal(getAtt.type, 'array');
  assert.deepEqual(
    (getAtt as { items: { value: unknown }[] }).items.map((i) => i.value),
    ['Res', 'Arn'],
  );
  assert.equal(slice(text, (getAtt as { items: AstNode[] }).items[1]), 'Arn');
  assert.equal(fn(at(fn(child(root, 'F')).value, 1)).key, 'Fn::GetAZs');
  assert.equal(fn(at(fn(child(root, 'M')).value, 0)).key, 'Condition');
  assert.equal(fn(at(fn(child(root, 'C')).value, 2)).key, 'Ref');
});

test('YAML syntax errors are reported as yaml/syntax at their position (unit)', () => {
  const text = 'Resources:\n  A: [1, 2\n  B: x: y\n';
  const { findings } = parseYaml(text);
  assert.ok(findings.length > 0);
  assert.ok(findings.every((f) => f.ruleId === 'yaml/syntax' && f.severity === 'error'));
  assert.ok(findings[0].span.offset > 10);
});

test('YAML alias bombs and deep nesting are capped (unit)', () => {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9)
        .fill('*' + 'abcdefghij'[i - 1])
        .join(', ')}]`,
    );
  const started = Date.now();
  const bomb = parseYaml(lines.join('\n'));
  assert.ok(Date.now() - started < 2000);
  assert.ok(bomb.findings.some((f) => f.message.includes(String(MAX_ALIAS_NODES))));
  const deep = parseYaml('a: ' + '['.repeat(300) + ']'.repeat(300));
  assert.ok(deep.findings.some((f) => /Nesting deeper/.test(f.message)));
  const deeper = parseYaml('a: ' + '['.repeat(400) + ']'.repeat(400));
  assert.ok(deeper.findings.some((f) => /^Not checked: the YAML nests about 401 levels deep/.test(f.message)));
  const self = parseYaml('a: &x [1, *x]');
  assert.ok(self.root);
});

test('YAML aliases expand to the anchored value (unit)', () => {
  const { root } = parseYaml('base: &b {Name: app}\nuse: *b\n');
  assert.equal(at(root, 'use', 'Name')!.type, 'string');
});
