/**
 * On every JSON file of the real-world corpus (test/fixtures/corpus-real), no schema/* error: fields the pinned SDK accepts
 * are never unknown, and values that AWS clients accept are at most warnings. Real mistakes the SDK
 * rejects would be listed explicitly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../../server/src/service/shapes/document';
import { createSchemaValidator } from '../../../server/src/service/schema/validate';
import { schemaKindOf } from '../../../server/src/service/schema/schemas';

import { CORPUS } from '../../corpusPath';

/** Errors that are true: the pinned SDK has no such member. file -> "ruleId text". */
const EXPECTED: Record<string, string[]> = {};

test(
  'no schema/* error on the real-world corpus except true SDK mismatches (unit)',
  { skip: !fs.existsSync(CORPUS) && 'corpus not present' },
  async () => {
    const validator = createSchemaValidator();
    let checked = 0;
    const unexpected: string[] = [];
    for (const file of fs.readdirSync(CORPUS).sort()) {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const doc = parseDocument(`file:///corpus/${file}`, text);
      const kind = doc.syntax === 'json' ? schemaKindOf(doc) : undefined;
      if (!kind) continue;
      checked++;
      const errors = (await validator.validate(text, doc.root, kind)).filter((f) => f.severity === 'error');
      const got = errors.map((f) => `${f.ruleId} ${text.slice(f.span.offset, f.span.offset + f.span.length)}`);
      const expected = EXPECTED[file] ?? [];
      for (const g of got)
        if (!expected.includes(g)) unexpected.push(`${file}: ${g}: ${errors[got.indexOf(g)].message}`);
    }
    assert.ok(checked >= 40, `only ${checked} corpus files checked`);
    assert.deepEqual(unexpected, []);
  },
);
