/**
 * The JSON fast path's template handling against what it replaced: its bare-token scan
 * (neutraliseBareTemplates) against the regex scan frozen in jsonReference.ts, and the strings it marks
 * as templates against isTemplatedString, over thousands of seeded random texts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import type { ArrayNode } from '../../../server/src/service/documents/ast';
import {
  bareTokenEnd,
  isTemplatedString,
  neutraliseBareTemplates,
} from '../../../server/src/service/documents/templates';
import { seededRandom } from '../../seededRandom';
import { referenceNeutralise } from './jsonReference';

test('the template token scan matches the regex it replaced (unit)', () => {
  const rnd = seededRandom(8);
  const alphabet = [
    '{',
    '}',
    '{{',
    '}}',
    '{%',
    '%}',
    '$',
    '${',
    '<',
    '>',
    'A',
    'a',
    '_',
    '1',
    ' ',
    '\n',
    '"',
    '\\',
    '/',
    '*',
    '//',
    '/*',
    '*/',
    'Z9',
    '-',
  ];
  for (let n = 0; n < 3000; n++) {
    let text = '';
    const len = 1 + Math.floor(rnd() * 14);
    for (let k = 0; k < len; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
    assert.deepStrictEqual(neutraliseBareTemplates(text), referenceNeutralise(text), JSON.stringify(text));
  }
  assert.equal(bareTokenEnd('{"a"', 0), -1);
  assert.equal(bareTokenEnd('${A}x', 0), 4);
});

test('the fast path marks exactly the strings isTemplatedString marks (unit)', () => {
  const rnd = seededRandom(81);
  const pieces = [
    'change',
    'CHANGE',
    'Change',
    'replace',
    'REPLACE',
    'your',
    'YOUR',
    'Your',
    'me',
    'ME',
    'WITH',
    'r',
    'c',
    'y',
    '_',
    '__',
    '__A1',
    'B__',
    '-',
    ' ',
    'x',
    'X1',
    '{',
    '}',
    '{{',
    '}}',
    '$',
    '<',
    '>',
    '#',
    '\\u0024',
    '\\n',
    'é',
  ];
  for (let n = 0; n < 5000; n++) {
    let raw = '';
    const len = 1 + Math.floor(rnd() * 5);
    for (let k = 0; k < len; k++) raw += pieces[Math.floor(rnd() * pieces.length)];
    const text = `["${raw}"]`;
    const item = (parseJson(text).root as ArrayNode).items[0];
    assert.equal(item.unknown, isTemplatedString(JSON.parse(text)[0]) ? 'template' : undefined, text);
  }
});
