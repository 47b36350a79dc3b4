import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLayout } from '../../../server/src/cli/layout';

const MARKS = { bundle: '/*B:', asset: '/*A:', layout: '//L:' };

/** A file shaped like dist/cli.js: start-up, bundle comment, asset comments, layout line. */
function file(bundle: string, assets: Record<string, string>): string {
  let out = '#!/usr/bin/env node\nstart();' + MARKS.bundle;
  const layout: { bundle: number[]; assets: Record<string, number[]> } = { bundle: [out.length, out.length + bundle.length], assets: {} };
  out += bundle + '*/\n';
  for (const [name, text] of Object.entries(assets)) {
    out += `${MARKS.asset}${name}:`;
    layout.assets[name] = [out.length, out.length + text.length];
    out += text + '*/\n';
  }
  return out + MARKS.layout + JSON.stringify(layout) + '\n';
}

test('readLayout finds the bundle and each asset where the layout line says (unit)', () => {
  const text = file('(function () { 1 })', { 'a.json': '{"x":"*\\/"}', 'b.json': '[]' });
  const layout = readLayout(text, MARKS);
  assert.ok(layout);
  assert.equal(text.slice(...layout.bundle), '(function () { 1 })');
  assert.deepEqual(JSON.parse(text.slice(...layout.assets['a.json'])), { x: '*/' });
  assert.deepEqual(JSON.parse(text.slice(...layout.assets['b.json'])), []);
});

test('readLayout refuses a damaged file instead of compiling the wrong text (unit)', () => {
  const text = file('(function () { 1 })', { 'a.json': '{}' });
  const layout = readLayout(text, MARKS)!;
  assert.equal(readLayout(text.slice(0, text.lastIndexOf(MARKS.layout)), MARKS), undefined, 'no layout line');
  assert.equal(readLayout(text.slice(0, -5) + '\n', MARKS), undefined, 'layout line cut short');
  assert.equal(readLayout('x' + text, MARKS), undefined, 'offsets shifted');
  const moved = text.replace(MARKS.layout + JSON.stringify(layout), MARKS.layout + JSON.stringify({ ...layout, bundle: [layout.bundle[0], layout.bundle[1] - 1] }));
  assert.equal(readLayout(moved, MARKS), undefined, 'bundle end not at a comment end');
  const asset = text.replace(MARKS.layout + JSON.stringify(layout), MARKS.layout + JSON.stringify({ ...layout, assets: { 'b.json': layout.assets['a.json'] } }));
  assert.equal(readLayout(asset, MARKS), undefined, 'asset under another name');
  for (const bad of ['null', '[]', '{"bundle":[1,2]}', '{"bundle":"x","assets":{}}', '{"bundle":[0,1.5],"assets":{}}']) {
    assert.equal(readLayout(text.slice(0, text.lastIndexOf(MARKS.layout)) + MARKS.layout + bad + '\n', MARKS), undefined, bad);
  }
});
