import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYaml, parseYamlLibrary } from '../../../server/src/service/documents/yaml';
import { tryParseYamlFast as parseYamlFast } from '../../../server/src/service/fastPaths/yamlFastParser';
import { CORPUS } from '../../corpusPath';
import { filesUnder } from '../../shared/filesUnder';

/** The fast path's tree where it takes the text, else undefined; fails when that tree differs from the library's. */
export function checkSame(text: string, label: string): boolean {
  const fast = parseYamlFast(text);
  const lib = parseYamlLibrary(text);
  assert.deepStrictEqual(parseYaml(text), lib, `parseYaml differs from the library path: ${label}`);
  if (!fast) return false;
  assert.deepStrictEqual(fast, lib, `fast path differs from the library: ${label}\n${JSON.stringify(text)}`);
  return true;
}

const yamlFiles = (dir: string) => filesUnder(dir, /\.(ya?ml|template)$/);

test(
  'YAML fast path: every corpus template gives the library tree, and every real YAML one takes the fast path (unit)',
  { skip: !existsSync(CORPUS) && `corpus not found at ${CORPUS}` },
  (t) => {
    const files = yamlFiles(CORPUS);
    assert.ok(files.length > 0);
    let fast = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const took = checkSame(text, f);
      if (took) fast++;
      // .template files holding JSON are parsed as JSON by the service; only YAML must take the fast path
      else assert.ok(/^\s*[{[]/.test(text), `real YAML declined by the fast path: ${f}`);
    }
    t.diagnostic(`fast path on ${fast} of ${files.length} corpus .yaml/.yml/.template files`);
  },
);

test('YAML fast path: every YAML fixture under test/ gives the library tree and takes the fast path (unit)', (t) => {
  // Real-world files (corpus-real, real-world) are arbitrary public text: the corpus test above covers them.
  const files = yamlFiles(resolve(__dirname, '../..')).filter(
    (f) => !/[\\/]fixtures[\\/](corpus-real|real-world)[\\/]/.test(f),
  );
  assert.ok(files.length >= 10, 'fixtures found');
  let fast = 0;
  for (const f of files) if (checkSame(readFileSync(f, 'utf8'), f)) fast++;
  t.diagnostic(`fast path on ${fast} of ${files.length} fixtures`);
  assert.equal(fast, files.length);
});

/** Texts the fast path must take (and match the library on). */
const FAST: Record<string, string[]> = {
  'block maps and sequences': [
    'a: 1\nb:\n  c: 2\n  d:\n    e: f\ng: h\n',
    'a:\n- 1\n- 2\nb: 3',
    'a:\n  - x\n  - y\n',
    '- a: 1\n  b: 2\n- c: 3\n',
    '-   a: 1\n    b:\n    - x\n',
    '- - a\n  - b\n- - c',
    '-\n  a: 1\n-\n- x',
    'a:\n  - b:\n      c: 1\n    d: 2\n',
    'k :  v\n"q" : 1\n\'s\': 2',
    'a: 1\na: 2',
    '  a: 1\n  b: 2\n',
    '- x\n-\n',
    'x',
    '"q"',
    "'s'",
    '~',
    '[a, b]',
    '{a: 1}',
  ],
  'scalars and core schema': [
    [
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      'False',
      'FALSE',
      'yes',
      'no',
      'on',
      'y',
    ]
      .map((v) => `k: ${v}`)
      .join('\n'),
    ['0', '-0', '+1', '007', '0o17', '0o8', '0x1F', '0X1F', '0xg', '1_000', '12345678901234567890', '0b101']
      .map((v, i) => `k${i}: ${v}`)
      .join('\n'),
    [
      '1.5',
      '1.50',
      '.5',
      '5.',
      '-.5',
      '+1.0',
      '1e3',
      '1E-3',
      '.5e+2',
      '1e',
      'e3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      '.NAN',
      '-.nan',
      '.',
      '-x',
      '1.2.3',
    ]
      .map((v, i) => `k${i}: ${v}`)
      .join('\n'),
    '0x10: a\n1.0: b\nnull: c\n~: d\ntrue: e\n.inf: f\n1e2: g\n',
    'a: http://x:80/y\nb: a:b\nc: a#b\nd: a # b\ne: -x\nf: <<\ng: ${AWS::Region}\nh: a  b  \ni: é ü\nj: x[y]\n',
    "a: 'it''s'\nb: ''\nc: ' x '\nd: '#x'\ne: 'a \"q\"'\n",
    'a: "\\t\\x41\\u00e9\\U0001F600\\n\\\\\\"\\/"\nb: "\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ "\nc: ""\nd: " y "\ne: "\\ud800"\n',
    'a: plain\n  continued\n\n  para\nb: 1',
    'a: "multi\n  line\n\n  para \\\n  esc"\n',
    "a: 'multi  \n   line\n\n   '\n",
    '- x\n  y\n- z',
  ],
  'block scalars': [
    'a: |\n  x\n   y\n\n  z\nb: 1',
    'a: >\n  x\n  y\n\n  z\n   more\n  w\nb: 1',
    'a: |-\n  x\n\n\nb: 1',
    'a: |+\n  x\n\n\nb: 1',
    'a: >-\n  x\n  y\n',
    'a: >+\n  x\n',
    'a: |\n  x',
    'a: |+\n  x',
    'a: | # c\n  x\n',
    '- |\n  x\n- >\n  y\n',
    'a: !Sub |\n  ${X}\n',
    'a: |\n\n  x\n',
    'a: |\n  # not a comment\n  b: c\n# comment\nd: 1',
    'a: |\r\n  x\r\n\r\n  y\r\nb: 1\r\n',
    'a: >\n  a\n\n    b\n  c\n',
  ],
  'comments and empty values': [
    '# head\n\na: 1 # c\n# mid\n  # deeper\nb: # c\n  c: 2\nd:\ne: # c\nf: ~\n',
    '- # c\n  x\n-   # c\n-\n',
    'a:\n  b: 1\n# c\n  c: 2\n',
  ],
  tags: [
    'A: !Ref X\nB: !GetAtt R.Arn\nC: !GetAtt [R, Arn]\nD: !Sub "x-${A}"\nE: !GetAtt \'R.Arn\'\nF: !GetAtt R\nG: !Base64 x\nH: !GetAZs ""\n',
    'A: !If\n- C\n- !Ref X\n- !Ref AWS::NoValue\nB: !If\n  - C\n  - 1\n',
    'A: !Sub\n  - "${x}"\n  - x: !Ref Y\nB: !Equals [!Ref A, "b"]\n',
    'A: !Ref\nB: !Ref   \nC: !Ref # c\nD: !Ref\n  x\nE: !If # c\n  k: v\n',
    "- !Ref X\n- !Ref\n- !Join ['', [a, !Ref B]]\n",
    'A: !Ref 123\nB: !Ref true\nC: !Condition c\n',
    'A: !Select [0, !GetAZs ""]\nB: !Split [",", !ImportValue X]\nC: !Cidr [!GetAtt V.CidrBlock, 6, 5]\nD: !FindInMap [M, !Ref "AWS::Region", K]\n',
  ],
  'flow collections': [
    'a: [a, b, [c, d], {e: f}]\nb: {A: 1, B: [x, y], "q": \'s\'}\nc: []\nd: {}\ne: [ ]\n',
    'a: [a,b ,c]\nb: {"k":1}\nc: {a: {b: {c: [1]}}}\n',
    'a: [1,\n  2,\n   3]\nb: {x: 1,\n  y: 2}\n',
    'a: [1, # c\n  2]\n',
    'a: [http://x, a:b]\n',
    'a: {k: !Ref X, j: !GetAtt A.B}\n',
    '- [a, b]\n- {c: d}\n',
  ],
  'document prologue and line ends': [
    '---\na: 1\n',
    '--- # c\na: 1',
    '# c\n---\na: 1',
    '\ufeffa: 1\n',
    'a: 1\r\nb:\r\n  - x\r\n',
    '',
    '# only a comment\n',
    '\n\n',
  ],
};

/** Texts outside the subset: the fast path declines, the library parses them as before. */
const DECLINED = [
  'a: &x 1\nb: *x',
  '? a\n: b',
  '%YAML 1.2\n---\na: 1',
  'a: 1\n---\nb: 2',
  'a: 1\n...\n',
  '---',
  'a:\n\t- x',
  'a:\tb',
  'a: !!str 1',
  'a: !Foo x',
  '!Ref a: b',
  'a: b: c',
  'a: - b',
  '[a]: b',
  'a: [b\n  c]',
  'a: ["b\n  c"]',
  'a: [a, ]',
  'a: {a}',
  'a: {a: }',
  'a: [a: 1]',
  'a: |2\n  x',
  'a: |\nb: 1',
  'a: |\n    x\n  y',
  'a:\n  b: 1\n c: 2',
  'a: "x',
  "a: 'x",
  'a: "\\q"',
  'a: "x"y',
  'a: x\n  - y',
  'a: [1,\n2]',
  'a: [\n  1\n]',
  '\ufeff- x',
  'a: 1\r b: 2',
  `${'k'.repeat(1100)}: v`,
  'a: x\u0085y',
  'a: |\n  x\n     \n',
  'a: @x',
  'a: `x',
  'a: %x',
  '- ? x',
  ': x',
  'a: "a\\\n\n  b"',
  `a: ${'['.repeat(150)}${']'.repeat(150)}`,
];

test('YAML fast path: each supported construct takes the fast path and gives the library tree (unit)', () => {
  for (const [what, texts] of Object.entries(FAST)) {
    for (const text of texts) assert.ok(checkSame(text, what), `${what}: declined ${JSON.stringify(text)}`);
  }
});

test('YAML fast path: anchors, directives, tabs, other tags and malformed text go to the library (unit)', () => {
  for (const text of DECLINED) assert.equal(checkSame(text, 'declined'), false, `taken: ${JSON.stringify(text)}`);
  assert.ok(parseYaml('a: "x').findings.some((f) => f.ruleId === 'yaml/syntax' && f.severity === 'error'));
  assert.ok(
    parseYaml(`a: ${'['.repeat(250)}${']'.repeat(250)}`).findings.some((f) => /Nesting deeper/.test(f.message)),
  );
});

test('YAML fast path: values and spans of the main constructs (unit)', () => {
  const text = 'A: !GetAtt R.Arn\nB: "x\\ty"\nC: |-\n  l1\n  l2\nD: [1, !Ref P]\nE:\n';
  const root = parseYamlFast(text)!.root!;
  assert.equal(root.type, 'object');
  const [a, b, c, d, e] = root.type === 'object' ? root.properties : [];
  assert.deepEqual(
    [a.key, a.value.type === 'object' && a.value.properties[0].key, a.value.offset, a.value.length],
    ['A', 'Fn::GetAtt', 3, 13],
  );
  const getAtt = a.value.type === 'object' ? a.value.properties[0].value : undefined;
  assert.deepEqual(
    getAtt?.type === 'array' && getAtt.items.map((i) => [i.type === 'string' && i.value, i.offset, i.length]),
    [
      ['R', 11, 1],
      ['Arn', 13, 3],
    ],
  );
  assert.deepEqual([b.value.type === 'string' && b.value.value, b.value.offset, b.value.length], ['x\ty', 20, 6]);
  assert.deepEqual(
    [c.value.type === 'string' && c.value.value, text.slice(c.value.offset, c.value.offset + c.value.length)],
    ['l1\nl2', '|-\n  l1\n  l2\n'],
  );
  assert.deepEqual(parseYamlFast(text)!.flowRanges, [{ offset: d.value.offset, length: 11 }]);
  assert.deepEqual([e.value.type, e.value.offset, e.value.length], ['null', text.length - 1, 0]);
});
