/**
 * Architecture lint (house rules 2, 8 and 12): the language-service core imports only parsing
 * libraries, LSP types and our own modules; the LSP adapters and the CLI reach the core only through
 * its facade (languageService.ts); only client/src/aws imports the AWS SDK; files stay small (the source of
 * the extension, its tests, scripts, benchmarks and e2e harness).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

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

test('server/src/lsp and the CLI import the core only through service/languageService (unit)', () => {
  const adapters = [
    ...tsFiles(join(ROOT, 'server/src/lsp')),
    ...tsFiles(join(ROOT, 'server/src/cli')),
    join(ROOT, 'server/src/cli.ts'),
    join(ROOT, 'server/src/server.ts'),
  ];
  const facade = join(ROOT, 'server/src/service/languageService.ts');
  const core = join(ROOT, 'server/src/service');
  const bad: string[] = [];
  for (const f of adapters) {
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f), spec);
      if (target.startsWith(core + '/') && `${target}.ts` !== facade) bad.push(`${relative(ROOT, f)} imports ${spec}`);
    }
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

/**
 * The source of tests, scripts, benchmarks and the e2e harness in any language they are written in;
 * not test/fixtures (data the tests read), node_modules or tool folders (dot-named), nor generated files
 * (line one says so, house rule 12).
 */
function harnessSources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory())
      return n === 'node_modules' || n.startsWith('.') || p === join(ROOT, 'test/fixtures') ? [] : harnessSources(p);
    return /\.(ts|mts|cts|js|mjs|cjs|lua|sh)$/.test(n) && !/^\S*\s*generated\b/i.test(firstLine(p)) ? [p] : [];
  });
}
const firstLine = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n', 1)[0]
    .replace(/^[/*#\-\s]+/, '');

test('source files stay under 400 lines: client, server, tests, scripts, benchmarks, e2e harness (unit)', () => {
  const files = [
    ...tsFiles(join(ROOT, 'client/src')),
    ...tsFiles(join(ROOT, 'server/src')),
    ...['test', 'scripts', 'bench', 'e2e'].flatMap((d) => harnessSources(join(ROOT, d))),
  ];
  assert.ok(files.some((f) => f.endsWith('e2e/run.mjs')) && files.some((f) => f.endsWith('test/lsp/nvim/check.lua')));
  const big = files
    .map((f) => ({ f: relative(ROOT, f), n: readFileSync(f, 'utf8').split('\n').length }))
    .filter((x) => x.n > 400);
  assert.deepEqual(big, []);
});
