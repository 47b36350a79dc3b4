import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { collectTargets } from '../../../server/src/cli/files';

test('the walk gives each file its path relative to the directory named, as path.relative would (unit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-walk-'));
  try {
    for (const d of ['a', join('a', 'b'), join('a', 'b', 'c'), 'node_modules'])
      mkdirSync(join(dir, d), { recursive: true });
    for (const f of [
      'top.json',
      join('a', 'x.yaml'),
      join('a', 'b', 'c', 'deep.json'),
      join('node_modules', 'skip.json'),
      join('a', 'notes.txt'),
    ])
      writeFileSync(join(dir, f), '{}');
    for (const root of [dir, dir + '/', join(dir, 'a', '..'), join(dir, 'a')]) {
      const targets = collectTargets([root]);
      assert.ok(targets.length > 0);
      for (const t of targets) {
        assert.equal(t.relative, relative(root, t.path), `${root}: ${t.path}`);
        assert.equal(t.explicit, false);
      }
    }
    assert.deepEqual(
      collectTargets([dir]).map((t) => t.relative),
      [join('a', 'b', 'c', 'deep.json'), join('a', 'x.yaml'), 'top.json'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
