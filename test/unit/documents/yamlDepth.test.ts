import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../server/src/service/documents/yaml';
import { YAML_MAX_PARSE_DEPTH, yamlNestingDepth } from '../../../server/src/service/documents/yamlDepth';
import { CORPUS } from '../../corpusPath';

const deep: Record<string, (n: number) => string> = {
  'flow sequences': (n) => '['.repeat(n) + '1' + ']'.repeat(n),
  'flow mappings': (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n),
  'block sequences on one line': (n) => '- '.repeat(n) + '1\n',
  'block mappings by indentation': (n) =>
    Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + `\n${' '.repeat(n)}v\n`,
  'mixed block and flow': (n) => `a:\n  - b: ${'['.repeat(n)}x${']'.repeat(n)}\n`,
};

test('YAML nesting beyond the limit is reported and not parsed, in every form, without aborting the process (unit)', () => {
  // 5,000 flow levels made V8 abort the process ("RegExpCompiler Allocation failed") inside the yaml library.
  for (const [name, make] of Object.entries(deep)) {
    for (const n of [1000, 5000, 20000]) {
      const text = make(n);
      if (text.length > 3_000_000) continue;
      const parsed = parseYaml(text);
      assert.equal(parsed.root, undefined, `${name} x${n}`);
      assert.equal(parsed.findings.length, 1, `${name} x${n}`);
      assert.match(
        parsed.findings[0].message,
        /^Not checked: the YAML nests about \d+ levels deep \(the limit is 400\)/,
      );
    }
  }
});

test('YAML just inside the parse limit is parsed repeatedly without aborting; the conversion cap reports it (unit)', () => {
  for (const [name, make] of Object.entries(deep)) {
    const text = make(YAML_MAX_PARSE_DEPTH - 5);
    assert.ok(yamlNestingDepth(text) <= YAML_MAX_PARSE_DEPTH, name);
    for (let r = 0; r < 3; r++) {
      const parsed = parseYaml(text);
      assert.ok(
        parsed.findings.some((f) => /Nesting deeper than 200 levels/.test(f.message)),
        `${name}: ${parsed.findings.map((f) => f.message).join('; ')}`,
      );
    }
  }
});

test('the depth estimate ignores brackets in quoted scalars and comments, and is exact on ordinary nesting (unit)', () => {
  assert.equal(yamlNestingDepth('a: 1\n'), 1);
  assert.equal(yamlNestingDepth('a:\n  b:\n    c: [1, [2]]\n'), 5);
  assert.equal(yamlNestingDepth('a:\n  - - x\n'), 4);
  assert.equal(
    yamlNestingDepth(
      `a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'' x'\n# ${'['.repeat(1000)}\nc: d # ${'['.repeat(1000)}\n`,
    ),
    1,
  );
  assert.equal(yamlNestingDepth('Command: ["sh", "-c", "echo [ok] {x}"]\n'), 2);
});

test('real templates and fixtures are far below the limit (unit)', (t) => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|template)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(__dirname, '../../fixtures'));
  if (existsSync(CORPUS)) walk(CORPUS);
  else t.diagnostic(`corpus not found at ${CORPUS}: fixtures only`);
  assert.ok(files.length > 5);
  for (const f of files) assert.ok(yamlNestingDepth(readFileSync(f, 'utf8')) < 30, f);
});
