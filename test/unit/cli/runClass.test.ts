import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClass, SMALL_RUN_FILES } from '../../../server/src/cli/runClass';

test('a few files named one by one are a small run; a directory or many files a large one (unit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-class-'));
  try {
    const files = Array.from({ length: SMALL_RUN_FILES + 1 }, (_, i) => join(dir, `f${i}.json`));
    for (const f of files) writeFileSync(f, '{}');
    assert.equal(runClass(['lint', files[0]]), 'small');
    assert.equal(
      runClass(['lint', '--format', 'json', '--rule', 'x=off', ...files.slice(0, SMALL_RUN_FILES)]),
      'small',
    );
    assert.equal(runClass(['lint', ...files]), 'large');
    assert.equal(runClass(['lint', dir]), 'large');
    assert.equal(runClass(['lint', '--format=sarif', files[0], dir]), 'large');
    // Not a lint, bad usage, a missing file: small (nothing is linted, or the run stops early).
    for (const argv of [
      [],
      ['--version'],
      ['rules'],
      ['lint'],
      ['lint', '--format', 'xml', dir],
      ['lint', join(dir, 'missing.json')],
    ])
      assert.equal(runClass(argv), 'small', argv.join(' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
