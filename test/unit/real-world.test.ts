/**
 * The fresh real-world sample (test/fixtures/real-world, sources and licences in its SOURCES.tsv): each
 * directory is one public repository's workspace, linted the way a new user would see it. No error
 * finding is allowed except those triaged as real in expected-errors.json.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runLint } from '../../server/src/cli';
import type { OutFile } from '../../server/src/cli/format';
import { REAL_WORLD } from '../corpusPath';

const EXPECTATIONS = JSON.parse(readFileSync(join(REAL_WORLD, 'expected-errors.json'), 'utf8')) as {
  errors: Record<string, string>;
  knownFalse?: Record<string, string>;
};
/** Real errors (triaged with evidence) and open false errors (each explained), both allowed here. */
const EXPECTED = { ...EXPECTATIONS.errors, ...EXPECTATIONS.knownFalse };

const workspaces = readdirSync(REAL_WORLD)
  .map((d) => join(REAL_WORLD, d))
  .filter((p) => statSync(p).isDirectory());

test('real-world sample: every listed file comes from a recorded source with a licence that permits redistribution (unit)', () => {
  const rows = readFileSync(join(REAL_WORLD, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  const listed = new Set<string>();
  for (const row of rows) {
    const [file, repo, path, commit, licence] = row.split('\t');
    assert.ok(file && repo && path && /^[0-9a-f]{40}$/.test(commit), `well-formed row: ${row}`);
    assert.match(licence, /^(MIT|MIT-0|Apache-2.0|BSD-[23]-Clause|ISC)$/, `${file}: licence ${licence}`);
    listed.add(file);
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(relative(REAL_WORLD, p).split('\\').join('/'));
    }
  };
  for (const w of workspaces) walk(w);
  assert.deepEqual(
    files.filter((f) => !listed.has(f)),
    [],
    'every file of the sample is in SOURCES.tsv',
  );
  assert.ok(workspaces.length >= 30, `${workspaces.length} repositories`);
});

test('real-world sample: no error finding except the triaged real ones, no internal failure (unit)', async () => {
  const unexpected: string[] = [];
  const seen = new Set<string>();
  let linted = 0;
  for (const ws of workspaces) {
    const { output } = await runLint({
      command: 'lint',
      format: 'json',
      rules: {},
      paths: [ws],
      include: [],
      exclude: [],
      color: false,
    });
    for (const f of JSON.parse(output) as OutFile[]) {
      linted++;
      const rel = relative(REAL_WORLD, f.file).split('\\').join('/');
      for (const d of f.diagnostics) {
        assert.notEqual(d.ruleId, 'internal/rule-error', `${rel}: ${d.message}`);
        if (d.severity !== 'error') continue;
        const key = `${rel} ${d.ruleId}`;
        seen.add(key);
        if (!(key in EXPECTED)) unexpected.push(`${key} @${d.range.start.line + 1}: ${d.message}`);
      }
    }
  }
  assert.deepEqual(
    unexpected,
    [],
    'false errors on real files (or real ones to add to expected-errors.json with evidence)',
  );
  assert.deepEqual(
    Object.keys(EXPECTED).filter((k) => !seen.has(k)),
    [],
    'expected errors that no longer appear (remove them from expected-errors.json)',
  );
  assert.ok(linted >= 100, `${linted} files linted`);
});
