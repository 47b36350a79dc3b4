/** (unit) Our JSON syntax diagnostics are dropped in VS Code exactly where VS Code's JSON support reports the same. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportedByVsCodeJson } from '../../../client/src/syntaxDuplicates';

interface D {
  code: string | { value: string };
  severity: number;
  text: string;
}
const ERROR = 0;
const WARNING = 1;
const dup = (d: D, lang: string, validate = true) => reportedByVsCodeJson(d, lang, validate, (x) => x.text);

test('real syntax errors are VS Code JSON duplicates in json and jsonc, not in yaml (unit)', () => {
  const missingComma: D = { code: { value: 'json/syntax' }, severity: ERROR, text: '"b"' };
  assert.equal(dup(missingComma, 'json'), true);
  assert.equal(dup(missingComma, 'jsonc'), true);
  assert.equal(dup(missingComma, 'yaml'), false);
  assert.equal(dup(missingComma, 'json', false), false, 'kept when the user turned VS Code JSON validation off');
});

test('comments and trailing commas: duplicates in json, ours alone in jsonc (unit)', () => {
  const comment: D = { code: 'json/syntax', severity: WARNING, text: '// note' };
  const block: D = { code: 'json/syntax', severity: WARNING, text: '/* x */' };
  const comma: D = { code: 'json/syntax', severity: WARNING, text: ',' };
  for (const d of [comment, block, comma]) {
    assert.equal(dup(d, 'json'), true);
    assert.equal(dup(d, 'jsonc'), false, 'VS Code accepts it in jsonc; the AWS CLI does not');
  }
});

test('other findings and the not-checked note are never dropped (unit)', () => {
  assert.equal(dup({ code: 'json/syntax', severity: WARNING, text: '{' }, 'json'), false);
  assert.equal(dup({ code: 'fargate/cap-add', severity: ERROR, text: '"NET_ADMIN"' }, 'json'), false);
});
