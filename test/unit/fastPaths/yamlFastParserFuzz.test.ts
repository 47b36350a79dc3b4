import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseYamlLibrary } from '../../../server/src/service/documents/yaml';
import { tryParseYamlFast as parseYamlFast } from '../../../server/src/service/fastPaths/yamlFastParser';
import { CORPUS } from '../../corpusPath';
import { filesUnder } from '../../shared/filesUnder';
import { seededRandom } from '../../seededRandom';

/**
 * Differential fuzzing of the fast YAML path against the `yaml` library: wherever the fast path
 * returns a tree, it must equal the library's (root, findings, flow ranges).
 */

const yamlFiles = (dir: string) => filesUnder(dir, /\.(ya?ml|template)$/);

function sources(): string[] {
  const files = [...yamlFiles(resolve(__dirname, '../..')), ...(existsSync(CORPUS) ? yamlFiles(CORPUS) : [])];
  return files.map((f) => readFileSync(f, 'utf8')).filter((t) => !/^\s*[{[]/.test(t));
}

/** Compares where the fast path takes `text`; returns whether it did. */
function same(text: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  assert.deepStrictEqual(fast, parseYamlLibrary(text), `fast path differs from the library on ${JSON.stringify(text)}`);
  return true;
}

const INSERTS = [
  ':',
  '-',
  "'",
  '"',
  '#',
  '&',
  '*',
  '!',
  '[',
  '{',
  ']',
  '}',
  ',',
  '|',
  '>',
  '?',
  '\\',
  '\n',
  '\r\n',
  ' ',
  '  ',
  '\t',
  '!Ref ',
  '- ',
  ': ',
  '---\n',
  '...\n',
  '%',
];

function mutate(text: string, rnd: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (t.length + 1));
    const r = rnd();
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    if (r < 0.3) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
    else if (r < 0.75) t = t.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + t.slice(at);
    else if (r < 0.88) t = t.slice(0, lineStart) + ' '.repeat(1 + Math.floor(rnd() * 2)) + t.slice(lineStart);
    else if (t.startsWith(' ', lineStart))
      t = t.slice(0, lineStart) + t.slice(lineStart + (t.startsWith('  ', lineStart) ? 2 : 1));
  }
  return t;
}

/** Cuts a large text to a window of whole lines around a random point (keeps the library's share of the run short). */
function window(text: string, rnd: () => number): string {
  if (text.length < 3000) return text;
  const lines = text.split('\n');
  const from = Math.floor(rnd() * lines.length);
  return lines.slice(Math.max(0, from - 20), from + 40).join('\n');
}

test('YAML fast path: seeded mutations of every YAML fixture and corpus template give the library tree wherever taken (unit)', (t) => {
  const texts = sources();
  assert.ok(texts.length > 0);
  const rnd = seededRandom(0x5eed);
  let taken = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) {
    const base = texts[Math.floor(rnd() * texts.length)];
    if (same(mutate(rnd() < 0.7 ? window(base, rnd) : base, rnd))) taken++;
  }
  t.diagnostic(`${n} mutations, fast path on ${taken}`);
  assert.ok(taken > n / 10, 'the fast path takes a fair share of lightly damaged documents');
});

// A generator of CloudFormation-like documents mixing every construct the fast path supports.
const WORDS = [
  'x',
  'Name',
  'a b',
  '1',
  '-1',
  '0x1F',
  '0o7',
  '1.5',
  '1e3',
  '.inf',
  'true',
  'No',
  'null',
  '~',
  'http://a/b',
  'a:b',
  'a#b',
  '${AWS::Region}',
  'A.B',
  'é ü',
  '-x',
  '<<',
  'a  b',
  '2024-01-01',
  '1_0',
  '+.5',
  '-0',
];
const KEYS = ['a', 'Key', 'b c', '1', 'true', 'null', '"q k"', "'s k'", 'k-1', 'Fn::If', '0x10', '~'];
const TAGS = ['!Ref', '!GetAtt', '!Sub', '!If', '!Join', '!Select', '!Equals', '!Condition', '!Base64'];

function generator(rnd: () => number) {
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const comment = () => (rnd() < 0.1 ? pick([' # c', '   # x y', ' #']) : '');
  const blank = (ind: string) => (rnd() < 0.08 ? pick(['\n', `\n${ind}# comment\n`, '\n   \n', '\n# c\n']) : '');
  const quoted = (ind: string): string => {
    const r = rnd();
    if (r < 0.35) return `'${pick(["it''s", 'a b', '', ' x ', 'a "q"', '#x'])}'`;
    if (r < 0.7)
      return `"${pick(['a\\nb', '\\t\\x41\\u00e9', '', ' y ', "a 'q'", '\\\\', '\\"', '\\U0001F600', '\\/', '\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ '])}"`;
    if (r < 0.85)
      return `"multi${pick([' ', '  '])}\n${ind}  line${pick(['', ' ', `\n\n${ind}  para`, `\\\n${ind}  esc`])}"`;
    return `'multi\n${ind}  line${pick(['', `\n${ind}   \n${ind}  p`, "''"])}'`;
  };
  const scalar = (ind: string, inFlow: boolean): string => {
    const r = rnd();
    if (r < 0.6) return pick(WORDS);
    if (inFlow) return pick([`'a, b'`, `"[x]"`, `'{}'`, `"q"`]);
    if (r < 0.85) return quoted(ind);
    return `${pick(WORDS)}\n${ind}  ${pick(['more', 'more words', 'x y z'])}${pick(['', `\n\n${ind}  para`])}`;
  };
  const flow = (depth: number): string => {
    const tag = () => (rnd() < 0.25 ? `${pick(TAGS)} ` : '');
    const item = (): string => (depth < 3 && rnd() < 0.25 ? tag() + flow(depth + 1) : tag() + scalar('', true));
    const n = Math.floor(rnd() * 4);
    const sep = () => pick([', ', ',', ' , ', ',\n      ']);
    const pad = () => pick(['', ' ']);
    if (rnd() < 0.55) return `[${pad()}${Array.from({ length: n }, item).join(sep())}${pad()}]`;
    return `{${pad()}${Array.from({ length: n }, () => pick(KEYS) + pick([': ', ':  ']) + item()).join(sep())}${pad()}}`;
  };
  const blockScalar = (ind: string): string => {
    const head = pick(['|', '>', '|-', '>-', '|+', '>+']) + pick(['', '', ' # c', ' ']);
    const ci = ind + pick(['  ', '    ', ' ']);
    const lines = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
      pick(['text', 'more words', '', '  indented', 'x: y', '# not comment', 'a  ']),
    );
    if (lines[0] === '') lines[0] = 'first';
    return `${head}\n${lines.map((l) => (l === '' ? '' : ci + l)).join('\n')}`;
  };
  const value = (ind: string, depth: number, inMap: boolean): string => {
    const r = rnd();
    if (depth > 4 || r < 0.35) return ` ${scalar(ind, false)}${comment()}`;
    if (r < 0.45) return ` ${pick(TAGS)} ${rnd() < 0.5 ? scalar(ind, false) : flow(0)}${comment()}`;
    if (r < 0.55) return ` ${flow(0)}${comment()}`;
    if (r < 0.62) return ` ${blockScalar(ind)}`;
    if (r < 0.66) return pick(['', ' ', ' # c']);
    if (r < 0.7)
      return ` ${pick(TAGS)}${pick(['', ' ', ' # c'])}${rnd() < 0.5 ? `\n${block(`${ind}  `, depth + 1)}` : ''}`;
    if (inMap && rnd() < 0.3) return `${comment()}\n${seq(ind, depth + 1)}`;
    return `${comment()}\n${block(ind + pick(['  ', '    ', ' ']), depth + 1)}`;
  };
  const map = (ind: string, depth: number, first = false): string =>
    Array.from(
      { length: 1 + Math.floor(rnd() * 4) },
      (_, i) =>
        (i === 0 && first ? '' : ind) + pick(KEYS) + pick([':', ':', ' :']) + value(ind, depth, true) + blank(ind),
    ).join('\n');
  const seq = (ind: string, depth: number): string =>
    Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
      const r = rnd();
      if (r < 0.3 && depth < 5) return `${ind}-${pick([' ', '   '])}${map(`${ind}  `, depth + 1, true)}`;
      if (r < 0.38 && depth < 5) return `${ind}- ${seq(`${ind}  `, depth + 1).trimStart()}`;
      return `${ind}-${value(ind, depth, false)}${blank(ind)}`;
    }).join('\n');
  const block = (ind: string, depth: number): string => (rnd() < 0.6 ? map(ind, depth) : seq(ind, depth));
  return (): string => {
    let t = (rnd() < 0.1 ? '---\n' : '') + (rnd() < 0.1 ? '# head\n' : '') + block('', 0) + (rnd() < 0.5 ? '\n' : '');
    if (rnd() < 0.1) t = t.replace(/\n/g, '\r\n');
    return t;
  };
}

test('YAML fast path: generated documents, whole and mutated, give the library tree wherever taken (unit)', (t) => {
  const rnd = seededRandom(0xc0ffee);
  const next = generator(rnd);
  let taken = 0,
    valid = 0,
    validTaken = 0;
  const n = 3000;
  for (let i = 0; i < n; i++) {
    const text = i % 2 ? mutate(next(), rnd) : next();
    const took = same(text);
    if (took) taken++;
    if (i % 2 === 0 && parseYamlLibrary(text).findings.length === 0) {
      valid++;
      if (took) validTaken++;
    }
  }
  t.diagnostic(
    `${n} generated documents, fast path on ${taken}; on ${validTaken} of the ${valid} unmutated ones the library accepts`,
  );
  assert.ok(validTaken > valid * 0.8, 'the fast path takes most valid documents');
});
