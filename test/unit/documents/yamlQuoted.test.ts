/**
 * Quoted scalars continued left of YAML's indentation: accepted as CloudFormation's parser accepts them,
 * with every span still pointing into the text as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../server/src/service/documents/yaml';
import { child, type AstNode } from '../../../server/src/service/documents/ast';
import { REAL_WORLD } from '../../corpusPath';

const at = (text: string, n: { offset: number; length: number }): string => text.slice(n.offset, n.offset + n.length);

test("a single-quoted scalar continued at its key's indentation parses, folded as PyYAML/SnakeYAML fold it (unit)", () => {
  // aws-samples/ecs-refarch-mixed-mode templates/ecs-cluster.yaml, Metadata.License.
  const text = [
    'Metadata:',
    '  License:',
    "    Description: 'Copyright 2017 Amazon.com, Inc. and its affiliates. All Rights Reserved.",
    "    SPDX-License-Identifier: MIT-0'",
    'Parameters:',
    '  Env:',
    '    Type: String',
    '',
  ].join('\n');
  const r = parseYaml(text);
  assert.deepEqual(r.findings, []);
  const desc = child(child(child(r.root, 'Metadata'), 'License'), 'Description') as AstNode & { value: string };
  assert.equal(
    desc.value,
    'Copyright 2017 Amazon.com, Inc. and its affiliates. All Rights Reserved. SPDX-License-Identifier: MIT-0',
  );
  assert.match(at(text, desc), /^'Copyright[^]*MIT-0'$/, 'the span covers the scalar as written');
  const env = child(child(r.root, 'Parameters'), 'Env')!;
  assert.equal(at(text, env).trimEnd(), 'Type: String', 'nodes after it keep their offsets');
});

test('double quotes, list items and escaped quotes; well-indented and unterminated scalars are left alone (unit)', () => {
  const text = ['Items:', '  - "one \\" still', '  two"', "  - 'it''s", "  fine'", 'After: x', ''].join('\n');
  const r = parseYaml(text);
  assert.deepEqual(r.findings, []);
  const items = child(r.root, 'Items');
  assert.ok(items?.type === 'array');
  assert.deepEqual(
    items.items.map((n) => (n as { value: unknown }).value),
    ['one " still two', "it's fine"],
  );
  assert.equal(at(text, child(r.root, 'After')!), 'x');
  // Never closed: still the library's error, at its place.
  const broken = parseYaml("a:\n  b: 'never closed\n  c: 1\n");
  assert.ok(broken.findings.some((f) => f.severity === 'error'));
});

test('the real-world file that had the only open false error now parses clean (unit)', () => {
  const file = join(REAL_WORLD, 'aws-samples__ecs-refarch-mixed-mode', 'templates', 'ecs-cluster.yaml');
  assert.deepEqual(parseYaml(readFileSync(file, 'utf8')).findings, []);
});
