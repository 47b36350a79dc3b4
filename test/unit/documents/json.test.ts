import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import { at, str } from '../../../server/src/service/documents/ast';
import { isTemplatedString } from '../../../server/src/service/documents/templates';
import { applyEdits, jsonEditBuilder } from '../../../server/src/service/documents/edits';
import { fargateTaskDef, ids, json, lint, only, textAt } from '../helpers';

test('comments and trailing commas are json/syntax warnings, and the rest is still checked (unit)', () => {
  const text = `{
  // our web task
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc", "cpu": "256", "memory": "512",
  "containerDefinitions": [
    { "name": "app", "image": "nginx", "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } }, },
  ],
}`;
  const diags = lint(text);
  const syntax = only(diags, 'json/syntax');
  assert.equal(syntax.length, 4, JSON.stringify(syntax.map((d) => textAt(text, d))));
  assert.ok(syntax.every((d) => d.severity === 'warning'));
  assert.equal(textAt(text, syntax[0]), '// our web task');
  assert.ok(ids(diags).includes('fargate/cap-add'), 'rules still run on a file with comments');
});

test('syntax errors are reported at their position and what parses is still checked (unit)', () => {
  const text = `{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"]
  "containerDefinitions": [ { "name": "app", "image": "nginx", "linuxParameters": { "capabilities": { "add": ["NET_ADMIN"] } } } ]
}`;
  const diags = lint(text);
  const err = only(diags, 'json/syntax').find((d) => d.severity === 'error');
  assert.ok(err);
  assert.equal(text.slice(0, err.span.offset).split('\n').length, 4, 'error on line 4');
  assert.ok(ids(diags).includes('fargate/cap-add'));
});

test('truncated and empty input never throws (unit)', () => {
  const full = json(fargateTaskDef());
  for (let i = 0; i < full.length; i += 7) assert.doesNotThrow(() => lint(full.slice(0, i)));
  assert.deepEqual(lint(''), []);
});

test('template tokens are unknown values: never judged, one note for a file valid only after templating (unit)', () => {
  const text = `{
  "family": "{{ecs_family}}",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "{{network_mode}}",
  "cpu": \${CPU}, "memory": \${MEMORY},
  "containerDefinitions": {{ containers | tojson }}
}`;
  const diags = lint(text);
  const problems = diags.filter((d) => d.severity === 'error' || d.severity === 'warning');
  assert.deepEqual(problems, [], JSON.stringify(problems.map((d) => d.message)));
  const note = only(diags, 'file/templated');
  assert.equal(note.length, 1);
  assert.match(note[0].message, /3 template expressions/);
});

test('template detection in strings (unit)', () => {
  for (const s of [
    '{{ .Env.IMAGE }}',
    '${IMAGE}',
    '$IMAGE_URI',
    '<IMAGE1_NAME>',
    'REPLACE_ME',
    'arn:aws:iam::${ACCOUNT}:role/x',
    'acct.dkr.ecr.<region>.amazonaws.com/app',
    '%DOCKER_IMAGE_URL%/%REPO_NAME%:%BUILD_TAG%',
    'FUND-%API_ENV%-svc',
    '%env.DB_HOST%',
  ]) {
    assert.ok(isTemplatedString(s), s);
  }
  for (const s of [
    'nginx:1.27',
    'arn:aws:iam::123456789012:role/x',
    'echo $$ > /tmp/pid',
    'a < b',
    '%Y%m%d',
    '%Y-%m-%d %H:%M:%S',
    'printf %s%s',
    '100%',
  ])
    assert.ok(!isTemplatedString(s), s);
});

test('the tree keeps exact spans of keys and values (unit)', () => {
  const text = '{ "a": { "b": [1, "x"] } }';
  const { root } = parseJson(text);
  const x = at(root, 'a', 'b', 1)!;
  assert.equal(text.slice(x.offset, x.offset + x.length), '"x"');
  assert.equal(str(x), 'x');
});

test('JSON edit builder keeps the document valid (unit)', () => {
  const text = json({ a: { b: 1, c: [1, 2] }, d: {} });
  const { root } = parseJson(text);
  const e = jsonEditBuilder(text);
  const a = at(root, 'a') as never;
  const out1 = applyEdits(text, [e.addProperty(a, 'z', { y: true })]);
  assert.deepEqual(JSON.parse(out1).a.z, { y: true });
  const out2 = applyEdits(text, [e.removeProperty(a, (a as { properties: never[] }).properties[0])]);
  assert.deepEqual(JSON.parse(out2).a, { c: [1, 2] });
  const out3 = applyEdits(text, [e.addProperty(at(root, 'd') as never, 'k', 'v')]);
  assert.deepEqual(JSON.parse(out3).d, { k: 'v' });
  const out4 = applyEdits(text, [e.removeItem(at(root, 'a', 'c') as never, 1)]);
  assert.deepEqual(JSON.parse(out4).a.c, [1]);
});

test('lineAt agrees with the line index for LF, CRLF and CR texts (unit)', async () => {
  const { lineAt, LineIndex } = await import('../../../server/src/service/documents/lineIndex');
  for (const text of ['a\nb\n\nc', 'a\r\nb\r\n\r\nc', 'a\rb\r\rc', '', 'x']) {
    for (let o = 0; o <= text.length; o++)
      assert.equal(lineAt({ text }, o), new LineIndex(text).positionAt(o).line, JSON.stringify([text, o]));
  }
});

test('a bare template token glued to a literal makes the whole literal unknown, not a different number (unit)', () => {
  const text =
    '{"family":"a","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory": 1024${MEM},"containerDefinitions":[{"name":"a","image":"nginx","essential":true}]}';
  const parsed = parseJson(text);
  const memory =
    parsed.root?.type === 'object' ? parsed.root.properties.find((p) => p.key === 'memory')?.value : undefined;
  assert.equal(memory?.unknown, 'template');
  // Before: the offset-preserving neutralisation turned `1024${MEM}` into 10240, an invalid Fargate pair.
  assert.deepEqual(
    lint(text).filter((d) => d.ruleId === 'fargate/cpu-memory-combo'),
    [],
  );
});
