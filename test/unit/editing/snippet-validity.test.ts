/**
 * Every JSON completion, snippets included, inserted into real documents (before another member,
 * before the closing brace, into arrays with and without items after) leaves a document that parses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import { complete } from '../../../server/src/service/editing/completion';

/** Expands LSP snippet syntax to the text a user gets when accepting every default. */
function expand(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      const placeholder = /^\d+:(.*)$/s.exec(body);
      out += choice ? choice[1] : placeholder ? placeholder[1] : '';
      i = close;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      // A bare tab stop is where the user types: a value after a key, nothing inside brackets.
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
      if (!/[[{]$/.test(out)) out += '0';
    } else out += c;
  }
  return out;
}

/** Accepts every completion offered at `|` and parses the result. */
function acceptAll(withCursor: string): number {
  const offset = withCursor.indexOf('|');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  const r = complete(text, parseJson(text).root, offset, 'register');
  let n = 0;
  for (const item of r.items) {
    if (item.insertText === undefined) continue;
    const inserted =
      text.slice(0, r.replace.offset) + expand(item.insertText) + text.slice(r.replace.offset + r.replace.length);
    assert.doesNotThrow(() => JSON.parse(inserted), `${item.label} at ${JSON.stringify(withCursor)}:\n${inserted}`);
    n++;
  }
  return n;
}

test('every property completion and snippet leaves valid JSON, before another member or at the end (unit)', () => {
  const spots = [
    '{\n  "family": "x",\n  |\n  "cpu": "256"\n}',
    '{\n  "family": "x",\n  |\n}',
    '{\n  "family": "x",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      |\n      "image": "i"\n    }\n  ]\n}',
    '{\n  "family": "x",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "i",\n      |\n    }\n  ]\n}',
    '{\n  "family": "x",\n  "volumes": [\n    {\n      "name": "d",\n      |\n    }\n  ]\n}',
    '{\n  "family": "x",\n  "volumes": [\n    {\n      |\n      "name": "d"\n    }\n  ]\n}',
  ];
  // The awslogs, health check and port mapping snippets are among those offered in a container.
  for (const s of spots) assert.ok(acceptAll(s) > 0, s);
});

test('array item snippets leave valid JSON before another item and at the end (unit)', () => {
  const spots = [
    '{"family": "x", "containerDefinitions": [|]}',
    '{"family": "x", "containerDefinitions": [|\n{"name": "b", "image": "i"}]}',
    '{"family": "x", "volumes": [|{"name": "v"}]}',
    '{"family": "x", "containerDefinitions": [{"name": "a", "image": "i", "portMappings": [|{"containerPort": 1}]}]}',
  ];
  for (const s of spots) assert.ok(acceptAll(s) > 0, s);
});
