/**
 * Differential test of the single-pass JSON parser (fastPaths/jsonFastParser.ts, behind parseJson) against
 * the parseJson that came before it (jsonReference.ts, frozen): the same tree (types, values, spans,
 * key spans, raw keys, unknown flags), the same findings and template tokens, and the same exactness
 * flag, over the real corpus, every JSON text under test/ and examples/, hand-written edge cases and
 * a few thousand seeded mutations. Where the fast path gives up, parseJson's result must still be the
 * old one (the recovering path), so every comparison is on parseJson's whole output. Its template scan
 * and template marking alone: jsonFastParserTemplates.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isExactTree, MAX_DEPTH, parseJson } from '../../../server/src/service/documents/json';
import { parseJsonFast } from '../../../server/src/service/fastPaths/jsonFastParser';
import { CORPUS } from '../../corpusPath';
import { filesUnder } from '../../shared/filesUnder';
import { seededRandom } from '../../seededRandom';
import {
  isExactTree as referenceIsExact,
  referenceNeutralise,
  referenceParseJson,
  referenceVisitAccepts,
} from './jsonReference';

const ROOT = resolve(__dirname, '../../..');

const jsonFiles = (dir: string) =>
  filesUnder(dir, /\.(json|jsonc|json\.tpl|tpl)$/).filter((p) => statSync(p).size < 2_000_000);

/** JSON texts only: .tpl files of the corpus may be YAML. */
function texts(paths: string[]): { name: string; text: string }[] {
  return paths.map((p) => ({ name: p, text: readFileSync(p, 'utf8') })).filter((t) => /^\s*[[{/]/.test(t.text));
}

/** Compares parseJson with the old one on `text`; returns whether the fast path took it. */
function agree(text: string, label: string): boolean {
  const ours = parseJson(text);
  const old = referenceParseJson(text);
  assert.deepStrictEqual(ours, old, `${label}: parseJson differs from the old one`);
  assert.equal(
    ours.root ? isExactTree(ours.root) : false,
    old.root ? referenceIsExact(old.root) : false,
    `${label}: exactness differs`,
  );
  return parseJsonFast(text, MAX_DEPTH) !== undefined;
}

/**
 * The fast path takes a text exactly when the old visitor read it without error. Not compared: a lone
 * CR in a line comment, and a template token right after a number's characters (`1024${X}` was
 * neutralised to the number 10240): the fast path leaves both to the recovering path, whose result is
 * the old one (checked by agree()).
 */
function acceptsLikeOld(text: string, label: string): void {
  if (/\/\/[^\n]*\r(?!\n)/.test(text)) return;
  if (referenceNeutralise(text)?.tokens.some((t) => /[-+.0-9eE]/.test(text[t.offset - 1] ?? ''))) return;
  const fast = parseJsonFast(text, Number.MAX_SAFE_INTEGER) !== undefined;
  assert.equal(
    fast,
    referenceVisitAccepts(text),
    `${label}: the fast path ${fast ? 'accepts' : 'rejects'} what the old visitor ${fast ? 'rejected' : 'read'}`,
  );
}

const CORPUS_TEXTS = texts(jsonFiles(CORPUS));
const FIXTURE_TEXTS = texts([...jsonFiles(join(ROOT, 'test')), ...jsonFiles(join(ROOT, 'examples'))]);

test(
  'the real corpus parses exactly as before (unit)',
  { skip: CORPUS_TEXTS.length === 0 && `no corpus at ${CORPUS}` },
  () => {
    let fast = 0;
    for (const { name, text } of CORPUS_TEXTS) {
      if (agree(text, name)) fast++;
      acceptsLikeOld(text, name);
    }
    assert.ok(
      fast >= CORPUS_TEXTS.length * 0.8,
      `only ${fast} of ${CORPUS_TEXTS.length} corpus files took the fast path`,
    );
  },
);

test('every JSON text under test/ and examples/ parses exactly as before (unit)', () => {
  assert.ok(FIXTURE_TEXTS.length > 5, 'fixtures found');
  for (const { name, text } of FIXTURE_TEXTS) {
    agree(text, name);
    acceptsLikeOld(text, name);
  }
});

const EDGE_CASES: string[] = [
  '',
  '   \n\t ',
  '// only a comment',
  '/* only */',
  '/* unterminated',
  '/',
  '{}',
  '[]',
  '{ }',
  '[ ]',
  '0',
  '-0',
  '"s"',
  'true',
  'null',
  'false',
  '{"a":1}',
  '{"a":1,}',
  '[1,]',
  '[1, /* c */ ]',
  '{"a":1 /* c */ ,}',
  '[,]',
  '{,}',
  '[1,,2]',
  '{"a" 1}',
  '{"a":}',
  '{"a"}',
  '{1:2}',
  '[1 2]',
  '{"a":1}{}',
  '{"a":1} x',
  '{"a":1,"a":2}',
  '{"a":{"b":[1,{"c":null}]}}',
  '{"":""}',
  '[-0, 0, 1, -1, 1.5, 1e3, 1E+3, 1e-3, 1.25e-7, 123456789012345, 1234567890123456, 9007199254740993, -9007199254740993, 12345678901234567890, 1e999, -1e999, 0.1, 5e-324]',
  '[01]',
  '[1.]',
  '[.5]',
  '[1e]',
  '[1e+]',
  '[-]',
  '[- 1]',
  '[+1]',
  '[0x10]',
  '[1.5.3]',
  '[Infinity]',
  '[NaN]',
  '[1a]',
  '[1/2]',
  '[1//c\n]',
  '[truex]',
  '[true1]',
  '[nul]',
  '[True]',
  '[true/**/]',
  '[null,false,true]',
  '["\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\uD83D\\uDE80"]',
  '["\\x"]',
  '["\\u12"]',
  '["\\u12G4"]',
  '["\\',
  '["a\\',
  '["a',
  '["a\tb"]',
  '["a\nb"]',
  '["a\u0000"]',
  '["\u2028\u00a0"]',
  '{"\\u0061":1, "a\\nb": 2}',
  '\ufeff{}',
  '{}\u00a0',
  '{\u000b}',
  '{\f}',
  '{"a":1}\r\n',
  '{\r"a"\r:\r1\r}',
  '// c\r\n{"a":1}',
  '// c\r{"a":1}',
  '{"a": 1 // c\r}',
  '{"a": 1 // "quoted" [\n}',
  '/* { */ {"a": [1]}',
  '/* " */ {"a": "b"}',
  '{"a": /* ] */ [1]}',
  '{"family": "{{ family }}", "cpu": {{ cpu }}, "memory": ${MEMORY}, "image": $IMAGE, "x": <IMAGE1_NAME>, "y": {% raw %}, "z": [${A}, $B_1, <C>]}',
  '{{ whole }}',
  '$X',
  '${X}',
  '<A>',
  '[{{ a }}]',
  '[{{ a }]',
  '[{{ a',
  '[{% a',
  '[{%a%}]',
  '[${a\n}]',
  '[${}]',
  '[$1]',
  '[$_x]',
  '[<a>]',
  '[<A-B>]',
  '[<A B>]',
  '[<A]',
  '{ {{k}}: 1 }',
  '{"a": 1} $X',
  '[1 $X]',
  '[$X 1]',
  '[{{x}}1]',
  '{"a": {{x}, "b": 2}}',
  '["{{", {{ x }}]',
  '[{{ "}}" }}]',
  '// $X\n[1]',
  '/* {{ */ [1]',
  '["$X", "${Y}", "<Z>"]',
  '[1024${X}]',
  '[-${X}]',
  '[1.{{x}}]',
  '[1e$X]',
  '[true$X]',
  '["a"$X]',
  '["REPLACE_ME", "replace-me", "YOUR_ACCOUNT", "your-account", "__TOKEN__", "change_me", "ChangeMe", "#{x}", "a < b", "x_y", "arn:aws:iam::${ACCOUNT}:role/x", "\\u0024{X}", "\\u0059OUR_X"]',
];

test('hand-written edge cases parse exactly as before (unit)', () => {
  for (const text of EDGE_CASES) {
    agree(text, JSON.stringify(text));
    acceptsLikeOld(text, JSON.stringify(text));
  }
});

test('nesting at and past the limits parses exactly as before, without overflowing the stack (unit)', () => {
  const nest = (k: number, inner = '1') => '['.repeat(k) + inner + ']'.repeat(k);
  const objs = (k: number) => '{"a":'.repeat(k) + '1' + '}'.repeat(k);
  for (const k of [MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1, 1000, 1001, 10_000]) {
    for (const text of [
      nest(k),
      objs(k),
      nest(k, '{"a": [1,]}'),
      '/* [ */' + nest(k),
      '[/* ' + ']'.repeat(150) + ' */' + nest(k) + ']',
      nest(k).slice(0, -1),
    ]) {
      agree(text, `depth ${k}: ${text.slice(0, 40)}`);
    }
  }
  // A comment's brackets can hide real nesting from nestingDepth: the old path then read the whole tree.
  const hidden = '['.repeat(150) + '/* ' + ']'.repeat(150) + ' */' + '['.repeat(150) + ']'.repeat(300);
  assert.equal(agree(hidden, 'hidden nesting'), true);
});

/** Seeded edits of a text: some keep it valid (comments, trailing commas, templates, escapes), some break it. */
function mutate(text: string, rnd: () => number): string {
  const at = (): number => Math.floor(rnd() * (text.length + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const i = at();
  switch (Math.floor(rnd() * 9)) {
    case 0:
      return text.slice(0, i);
    case 1:
      return (
        text.slice(0, i) +
        String.fromCharCode((text.charCodeAt(i) || 0) ^ (1 << Math.floor(rnd() * 7))) +
        text.slice(i + 1)
      );
    case 2:
      return text.slice(0, i) + text.slice(i + 1 + Math.floor(rnd() * 16));
    case 3: {
      const j = text.indexOf(pick(['}', ']']), i);
      return j < 0 ? text : text.slice(0, j) + pick([',', ' ,', ', /* c */ ', ',,']) + text.slice(j);
    }
    case 4: {
      const j = text.indexOf(pick(['\n', ' ', ',']), i);
      return j < 0
        ? text
        : text.slice(0, j + 1) +
            pick(['// note\n', '/* c */', '/* [ { " */', '// "x" ]\n', '// c\r\n', '// c\r', '/* ] ] */', '/*', '/']) +
            text.slice(j + 1);
    }
    case 5: {
      const j = text.indexOf(pick([': "', ': ', '[', ', ']), i);
      return j < 0
        ? text
        : text.slice(0, j + 2) +
            pick([
              '{{ v }}',
              '${V}',
              '$V',
              '<IMAGE1_NAME>',
              '{% v %}',
              '{{ v }',
              '${V',
              '<v>',
              '"{{ v }}", ',
              '"${V}", ',
              '"\\u0041\\n", ',
              '-0, ',
              '1e999, ',
              '1.50, ',
              'tru ',
            ]) +
            text.slice(j + 2);
    }
    case 6: {
      const j = text.indexOf('"', i);
      return j < 0
        ? text
        : text.slice(0, j + 1) +
            pick([
              '\\"',
              '\\\\',
              '\\u00e9',
              '\\x',
              '\\u12',
              '\t',
              '\n',
              '\u0000',
              '\u2028',
              '\ud800',
              'REPLACE_ME',
              '__X__',
              'Your_',
              '<A>',
              '$',
            ]) +
            text.slice(j + 1);
    }
    case 7:
      return (
        text.slice(0, i) +
        pick([
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"',
          '\\',
          '\n',
          '\r',
          'null',
          '{{x}}',
          '${X}',
          '<IMAGE1_NAME>',
          '\u00a0',
          '\ufeff',
        ]) +
        text.slice(i)
      );
    default: {
      const j = text.indexOf(pick(['[', '{']), i);
      return j < 0 ? text : text.slice(0, j) + '['.repeat(1 + Math.floor(rnd() * 250)) + text.slice(j);
    }
  }
}

test('thousands of seeded mutations parse exactly as before (unit)', () => {
  const seeds = [...FIXTURE_TEXTS, ...CORPUS_TEXTS].filter((t) => t.text.length < 60_000);
  const rnd = seededRandom(Number(process.env.JSON_FAST_SEED ?? 20260808));
  const runs = Number(process.env.JSON_FAST_RUNS ?? 4000);
  let fast = 0;
  for (let n = 0; n < runs; n++) {
    const seed = seeds[Math.floor(rnd() * seeds.length)];
    let text = seed.text;
    const edits = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < edits; k++) text = mutate(text, rnd);
    const label = `mutation ${n} of ${seed.name}`;
    if (agree(text, label)) fast++;
    acceptsLikeOld(text, label);
  }
  // Both paths are exercised: many mutations stay valid (fast path), many break the text (recovery).
  assert.ok(fast > runs * 0.15 && fast < runs * 0.85, `${fast} of ${runs} mutations took the fast path`);
});
