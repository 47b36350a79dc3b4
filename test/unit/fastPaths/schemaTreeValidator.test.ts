/**
 * (unit) Differential test of the schema tree validator (fastPaths/schemaTreeValidator.ts, behind
 * schema/validate.ts validateExact) against the path it replaces on exact trees: vscode-json-
 * languageservice validating the same text with the same schema, mapped by the same code. Every JSON
 * file with a schema kind under test/ and examples/, the real corpus, and seeded mutations of them
 * (a member removed, a value's type changed, an unknown key, an enum value changed) must give the
 * same findings (rule id, span, message, severity) both ways.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isExactTree } from '../../../server/src/service/documents/json';
import { parseDocument } from '../../../server/src/service/shapes/document';
import { createSchemaValidator, schemaKindOf } from '../../../server/src/service/schema';
import { CORPUS } from '../../corpusPath';
import { filesUnder } from '../../shared/filesUnder';
import { seededRandom } from '../../seededRandom';
import { referenceParseJson } from './jsonReference';

const ROOT = resolve(__dirname, '../../..');

const jsonFiles = (dir: string) => filesUnder(dir, /\.json$/i);

const validator = createSchemaValidator();

/** Compares both paths on `text`; returns false when the text has no schema kind or no exact tree. */
async function agree(text: string, label: string): Promise<boolean> {
  const doc = parseDocument(`file:///diff/${label.replace(/[^\w.-]/g, '_')}.json`, text);
  const kind = doc.syntax === 'json' ? schemaKindOf(doc) : undefined;
  if (!kind || !doc.root || !isExactTree(doc.root)) return false;
  const walk = validator.validateExact(text, doc.root, kind);
  assert.ok(walk, `${label}: the exact tree was not validated in place`);
  // The same tree from the frozen reference parser is not marked exact, so validate() takes the
  // language service on the text and maps its problems onto that tree.
  const copy = referenceParseJson(text).root;
  assert.ok(copy && !isExactTree(copy));
  const service = await validator.validate(text, copy, kind);
  const show = (fs: typeof service) =>
    fs.map((f) => `${f.ruleId} ${f.severity} @${f.span.offset}+${f.span.length} ${f.message}`);
  assert.deepEqual(show(walk), show(service), `${label}: the tree validator differs from the language service`);
  return true;
}

/** A few seeded edits of a JSON value tree, each giving one more text. */
function mutations(text: string, seed: number): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const rnd = seededRandom(seed);
  const objects: Record<string, unknown>[] = [];
  const collect = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') {
      objects.push(v as Record<string, unknown>);
      Object.values(v).forEach(collect);
    }
  };
  const out: string[] = [];
  for (let i = 0; i < 6; i++) {
    const copy = structuredClone(value);
    objects.length = 0;
    collect(copy);
    if (objects.length === 0) break;
    const o = objects[Math.floor(rnd() * objects.length)];
    const keys = Object.keys(o);
    const k = keys[Math.floor(rnd() * keys.length)];
    switch (i % 4) {
      case 0:
        if (k !== undefined) delete o[k];
        break;
      case 1:
        if (k !== undefined) o[k] = typeof o[k] === 'string' ? 42 : typeof o[k] === 'number' ? 'x' : true;
        break;
      case 2:
        o.notAMember = 1;
        break;
      case 3:
        if (k !== undefined && typeof o[k] === 'string') o[k] = 'NOT_AN_ENUM_VALUE';
        break;
    }
    out.push(JSON.stringify(copy, null, i % 2 ? 2 : undefined));
  }
  return out;
}

test('the schema tree validator gives the language service findings on every fixture, the corpus and their mutations (unit)', async () => {
  const files = [...jsonFiles(join(ROOT, 'test/fixtures')), ...jsonFiles(join(ROOT, 'examples')), ...jsonFiles(CORPUS)];
  let compared = 0;
  let seed = 1;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (!(await agree(text, file))) continue;
    compared++;
    for (const [i, m] of mutations(text, seed++).entries()) if (await agree(m, `${file} mutation ${i}`)) compared++;
  }
  assert.ok(compared > 200, `only ${compared} texts compared`);
});
