import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstNode } from '../../../server/src/service/documents/ast';
import { parseYaml } from '../../../server/src/service/documents/yaml';
import { yamlCursor } from '../../../server/src/service/editing/yamlPath';

/** The cursor at `‸` in `text` (the marker removed). */
function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('‸');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const c = yamlCursor(text, offset);
  return (
    c && {
      kind: c.kind,
      path: c.path,
      siblings: c.siblings,
      typed: c.typed,
      replaced: text.slice(c.replace.offset, c.replace.offset + c.replace.length),
      col: c.col,
      unit: c.unit,
      item: c.item,
      keyOnly: c.keyOnly,
      needsSpace: c.needsSpace,
      inFlow: c.inFlow,
      tag: c.tag,
    }
  );
}

test('key position: the path from indentation, siblings above and below (unit)', () => {
  const c = at('A:\n  B: 1\n  Fa‸\n  D: 2\nE: 3\n');
  assert.deepEqual(c && [c.kind, c.path, c.siblings, c.typed, c.replaced, c.col], [
    'key',
    ['A'],
    ['B', 'D'],
    'Fa',
    'Fa',
    2,
  ]);
  // editing the middle of an existing key: the whole key is replaced and only the key is inserted
  const mid = at('A:\n  Netw‸ork: awsvpc\n');
  assert.deepEqual(mid && [mid.replaced, mid.keyOnly], ['Network', true]);
  assert.equal(at('A:\r\n  B: 1\r\n  C‸\r\n  D: 2\r\n')?.siblings.join(), 'B,D');
  assert.equal(at('A:\n    B:\n        C‸')?.unit, 4);
});

test('items: dashes on the cursor line and above, nested and unindented sequences (unit)', () => {
  assert.deepEqual(at('A:\n  - Name: a\n    Image: x\n  - ‸')?.path, ['A', 1]);
  assert.deepEqual(at('A:\n  - Name: a\n  - Name: b\n    Im‸')?.path, ['A', 1]);
  assert.deepEqual(at('A:\n  - Name: b\n    Im‸')?.siblings, ['Name']);
  assert.deepEqual(at('A:\n- x: 1\n- y: 2\n  z‸')?.path, ['A', 1]);
  assert.deepEqual(at('A:\n  - - a\n  - - b\n    - ‸')?.path, ['A', 1, 1]);
  assert.deepEqual(at('A:\n  B:\n  - C: 1\n    ‸')?.path, ['A', 'B', 0]);
  const scalar = at('A:\n  - FAR‸');
  assert.deepEqual(scalar && [scalar.kind, scalar.item, scalar.typed, scalar.col], ['key', true, 'FAR', 4]);
});

test('value position: plain, quoted, right after the colon, tags, flow sequences (unit)', () => {
  const v = at('A:\n  B: 25‸ # note');
  assert.deepEqual(v && [v.kind, v.path, v.typed, v.replaced], ['value', ['A', 'B'], '25', '25']);
  assert.deepEqual(at('A:\n  B: "25‸')?.typed, '"25');
  assert.equal(at('A:\n  B:‸')?.needsSpace, true);
  assert.equal(at('A:\n  B: !Ref ‸')?.tag, '!Ref');
  const flow = at('A:\n  B: [EC2, FA‸]');
  assert.deepEqual(flow && [flow.path, flow.typed, flow.replaced, flow.inFlow], [['A', 'B', 1], 'FA', 'FA', true]);
  assert.deepEqual(at('A:\n  - Name: we‸')?.path, ['A', 0, 'Name']);
});

test('no cursor where the text says nothing can go: comments, block scalars, multi-line flow, over-indented lines (unit)', () => {
  assert.equal(at('A:\n  # B‸'), undefined);
  assert.equal(at('A:\n  B: 1 # x‸'), undefined);
  assert.equal(at('A:\n  B: |\n    text: x\n    mo‸'), undefined);
  assert.equal(at('A:\n  B: [a,\n    b‸'), undefined);
  assert.equal(at('A:\n  B: x\n    ‸'), undefined);
  assert.equal(at('A:\n  B: {a: ‸'), undefined);
  assert.equal(at('A:\n  -‸'), undefined);
  assert.deepEqual(at('A: &anchor\n  B‸')?.path, ['A']);
  assert.deepEqual(at('---\nA:\n  ‸')?.path, ['A']);
});

/** YAML files of the repository's fixtures and examples, and the real corpus when present. */
function yamlFiles(): string[] {
  const roots = [join(__dirname, '../../fixtures'), join(__dirname, '../../../examples')];
  const out: string[] = [];
  for (const r of roots) {
    let names: string[];
    try {
      names = readdirSync(r, { recursive: true }) as string[];
    } catch {
      continue;
    }
    // The real-world sample holds whole workspaces (workflows, API Gateway bodies): the cursor's contract
    // is ECS files and templates, which the corpus (fixtures/corpus-real) covers.
    for (const n of names) if (/\.ya?ml$/.test(n) && !/^real-world[\\/]/.test(n)) out.push(join(r, n));
  }
  return out;
}

test('agrees with the YAML parser on every block key and one-line scalar value of the fixtures (unit)', () => {
  let checked = 0;
  for (const file of yamlFiles()) {
    const text = readFileSync(file, 'utf8');
    const walk = (n: AstNode, path: (string | number)[]) => {
      if (n.type === 'array' && text[n.offset] !== '[') n.items.forEach((it, i) => walk(it, [...path, i]));
      if (n.type !== 'object' || text[n.offset] === '{' || n.properties.some((p) => p.rawKey.startsWith('!'))) return;
      for (const p of n.properties) {
        if (!/["']/.test(text[p.keySpan.offset])) {
          const k = yamlCursor(text, p.keySpan.offset + 1);
          assert.deepEqual(k && [k.kind, k.path], ['key', path], `${file}: key ${p.key}`);
          const v = p.value;
          const oneLine =
            (v.type === 'string' || v.type === 'number' || v.type === 'boolean') &&
            !text.slice(p.keySpan.offset, v.offset + v.length).includes('\n');
          if (oneLine && !/['"|>]/.test(text[v.offset])) {
            const c = yamlCursor(text, v.offset + v.length);
            assert.deepEqual(
              c && [c.kind, c.path, c.replace],
              ['value', [...path, p.key], { offset: v.offset, length: v.length }],
              `${file}: value of ${p.key}`,
            );
          }
          checked++;
        }
        walk(p.value, [...path, p.key]);
      }
    };
    const root = parseYaml(text).root;
    if (root) walk(root, []);
  }
  assert.ok(checked > 300, `checked ${checked}`);
});
