import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS } from '../corpusPath';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000 });

test(
  'dist/cli.js lints the whole real corpus without a crash or a hang, printing valid JSON (lsp)',
  { skip: !existsSync(CORPUS) && 'corpus not present' },
  () => {
    const r = run(['lint', '--format', 'json', CORPUS]);
    assert.equal(r.signal, null, 'no timeout');
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const files = JSON.parse(r.stdout);
    assert.ok(files.length >= 55, `${files.length} files examined`); // 61 files of the corpus are redistributable
  },
);

test('dist/cli.js: --help exits 0, bad usage exits 2 with a message and no stack (lsp)', () => {
  assert.equal(run(['--help']).status, 0);
  const bad = run(['lint', '--format', 'yaml', '.']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format must be text, json or sarif/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
});
