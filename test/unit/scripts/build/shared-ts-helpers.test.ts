/**
 * (unit) scripts/build/sharedTsHelpers.mjs finds the tsc helper prologue of every module of the
 * language-client stack that has one, cuts exactly that text, and leaves other shapes alone.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { HELPER_PACKAGES, helperPrologue } from '../../../../scripts/build/sharedTsHelpers.mjs';

const requireHere = createRequire(__filename);

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

const lib = (id: string): string => {
  let dir = dirname(requireHere.resolve(id));
  while (!dir.endsWith('/lib') && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

test('every library module with tsc helpers has its prologue found and cut exactly (unit)', () => {
  let withHelpers = 0;
  for (const file of HELPER_PACKAGES.flatMap((p) => jsFiles(lib(p)))) {
    const text = readFileSync(file, 'utf8');
    const found = helperPrologue(text);
    if (!/^var __\w+ = \(this && this\.__\w+\) \|\| /m.test(text)) {
      assert.equal(found, undefined, file);
      continue;
    }
    withHelpers++;
    assert.ok(found, `${file}: helper prologue not recognised`);
    assert.equal(`${found.head}\n${found.prologue}\n${found.rest}`, text, file);
    assert.deepEqual(
      found.names,
      [...found.prologue.matchAll(/^var (__\w+) =/gm)].map((m) => m[1]),
      file,
    );
    assert.doesNotMatch(found.rest, /this && this\.__/, `${file}: a helper after the prologue`);
    // The prologue alone evaluates to its helpers.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the point: run the emitted prologue
    const helpers = new Function(`${found.prologue}\nreturn { ${found.names.join(', ')} };`).call({}) as Record<
      string,
      unknown
    >;
    for (const name of found.names) assert.equal(typeof helpers[name], 'function', `${file}: ${name}`);
  }
  assert.ok(withHelpers >= 20, `only ${withHelpers} modules with helpers`);
});

test('text without the exact tsc shape is left alone (unit)', () => {
  assert.equal(
    helperPrologue('var __importStar = (this && this.__importStar) || function () {};\n'),
    undefined,
    'no "use strict" first',
  );
  assert.equal(helperPrologue('"use strict";\nconst x = 1;\n'), undefined, 'no helpers');
  assert.equal(
    helperPrologue('"use strict";\nvar __a = (this && this.__a) || (function () {\n  return 1;\n'),
    undefined,
    'unterminated helper',
  );
  const one = helperPrologue(
    '"use strict";\nvar __a = (this && this.__a) || function (m) { return m; };\nexports.x = __a(1);\n',
  );
  assert.deepEqual(one && { names: one.names, rest: one.rest }, { names: ['__a'], rest: 'exports.x = __a(1);\n' });
});
