/**
 * The CI recipes the README documents, run as written: the pre-commit hook's `entry` (resolved through
 * package.json "bin", with the staged file names pre-commit passes) and the GitHub Actions job's lint
 * step (its `run` line, with the clone path and the folder replaced). A recipe that drifts from the CLI
 * fails here. (lsp: needs dist/)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { FIXTURES } from './client';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

interface Hook {
  id: string;
  entry: string;
  files: string;
  language: string;
}

test('the pre-commit hook runs the CLI bin on the staged files it selects (lsp)', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'fargate-lens');
  assert.ok(hook, 'a hook with id fargate-lens');
  assert.equal(hook.language, 'node');
  const [bin, ...args] = hook.entry.split(' ');
  assert.ok(pkg.bin[bin], `${bin} is a bin of the package`);
  const selected = new RegExp(hook.files);
  const staged = readdirSync(FIXTURES).filter((f) => selected.test(f));
  assert.ok(staged.includes('uploads-task-def.json'));
  // pre-commit runs the installed bin directly (executable, with its shebang) and appends the file names.
  const run = (files: string[]) =>
    spawnSync(join(ROOT, pkg.bin[bin]), [...args, ...files], { cwd: FIXTURES, encoding: 'utf8' });
  const bad = run(staged);
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /uploads-task-def\.json:\d+:\d+ error /);
  const clean = run(['package.json']);
  assert.equal(clean.status, 0, clean.stderr + clean.stdout);
});

test('the documented GitHub Actions lint step produces SARIF for code scanning (lsp)', () => {
  const workflow = parse(readFileSync(join(ROOT, 'docs/ci/github-actions.yml'), 'utf8')) as {
    jobs: { lint: { steps: { name?: string; run?: string; uses?: string; with?: Record<string, string> }[] } };
  };
  const steps = workflow.jobs.lint.steps;
  const lint = steps.find((s) => s.name === 'Lint (SARIF)');
  assert.ok(lint?.run);
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
  assert.ok(upload?.with?.sarif_file && lint.run.includes(`> ${upload.with.sarif_file}`), 'uploads what it writes');
  const line = lint.run.replaceAll('/tmp/fl/', `${ROOT}/`).replace(/ infra\/ /, ` ${FIXTURES}/ `);
  const withoutRedirect = line.replace(/\s*>\s*\S+$/, '');
  const r = spawnSync('sh', ['-c', withoutRedirect], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr); // errors in the fixtures fail the job
  const sarif = JSON.parse(r.stdout) as {
    version: string;
    runs: { tool: { driver: { name: string } }; results: unknown[] }[];
  };
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].tool.driver.name, 'fargate-lens');
  assert.ok(sarif.runs[0].results.length > 0);
});
