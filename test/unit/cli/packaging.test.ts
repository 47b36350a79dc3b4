import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

test('the .vsix ships both CLI files: the start-up and the bundle it reads (unit)', () => {
  const shipped = readFileSync(resolve(ROOT, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  for (const f of ['dist/cli.js', 'dist/cli-bundle.js'])
    assert.ok(shipped.includes(`!${f}`), `.vscodeignore ships ${f}`);
  const boot = readFileSync(resolve(ROOT, 'server/src/cli/boot.ts'), 'utf8');
  const build = readFileSync(resolve(ROOT, 'scripts/cliBundle.mjs'), 'utf8');
  assert.match(boot, /join\(__dirname, 'cli-bundle\.js'\)/);
  assert.match(build, /CLI_BUNDLE = 'cli-bundle\.js'/);
});
