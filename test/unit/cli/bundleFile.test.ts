import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAssets, readBundle } from '../../../server/src/cli/bundleFile';

const STAMP = '/*fargate-lens-cli:0123456789abcdef*/';

test('readBundle reads exactly the bundle part; readAssets the JSON comment after it (unit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-bundle-'));
  try {
    const bundle = `${STAMP}(function () { return 1; })`;
    const file = join(dir, 'cli-bundle.js');
    writeFileSync(file, `${bundle}\n/*{"a.json":{"x":"*\\/"},"b.json":[1]}*/\n`);
    assert.equal(readBundle(file, bundle.length, STAMP), bundle);
    assert.deepEqual(readAssets(file, bundle.length), { 'a.json': { x: '*/' }, 'b.json': [1] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('readBundle refuses a missing, short or foreign file; readAssets a file without assets (unit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-bundle-'));
  try {
    const file = join(dir, 'cli-bundle.js');
    assert.throws(() => readBundle(file, 10, STAMP), /cannot read .*\(ENOENT\)/);
    const bundle = `${STAMP}(function () {})`;
    writeFileSync(file, bundle);
    assert.throws(() => readBundle(file, bundle.length + 5, STAMP), /does not belong/);
    assert.throws(() => readBundle(file, bundle.length, STAMP.replace('0123', '9999')), /does not belong/);
    assert.throws(() => readAssets(file, bundle.length), /has no assets/);
    writeFileSync(file, `${bundle}\n/*{"a.json":`);
    assert.throws(() => readAssets(file, bundle.length), /has no assets/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
