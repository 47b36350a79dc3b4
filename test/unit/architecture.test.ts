/**
 * Architecture lint (house rules 2, 8 and 12): the language-service core imports only parsing
 * libraries, LSP types and our own modules; only client/src/aws imports the AWS SDK; files stay small.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re =
    /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

const CORE_ALLOWED =
  /^(\.|jsonc-parser$|yaml$|vscode-json-languageservice$|vscode-languageserver-types$|vscode-languageserver-textdocument$|picomatch$)/;

test('the pure core imports only parsing libraries, LSP types and our own modules (unit)', () => {
  const bad: string[] = [];
  for (const f of tsFiles(join(ROOT, 'server/src/service'))) {
    for (const spec of imports(f)) if (!CORE_ALLOWED.test(spec)) bad.push(`${relative(ROOT, f)} imports ${spec}`);
  }
  assert.deepEqual(bad, []);
});

test('only client/src/aws imports @aws-sdk (unit)', () => {
  const bad: string[] = [];
  for (const f of [...tsFiles(join(ROOT, 'client/src')), ...tsFiles(join(ROOT, 'server/src'))]) {
    if (relative(ROOT, f).startsWith('client/src/aws/')) continue;
    for (const spec of imports(f))
      if (spec.startsWith('@aws-sdk/') || spec.startsWith('@smithy/')) bad.push(`${relative(ROOT, f)} imports ${spec}`);
  }
  assert.deepEqual(bad, []);
});

test('source files stay under 400 lines (unit)', () => {
  const big = [...tsFiles(join(ROOT, 'client/src')), ...tsFiles(join(ROOT, 'server/src'))]
    .map((f) => ({ f: relative(ROOT, f), n: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 400);
  assert.deepEqual(big, []);
});
