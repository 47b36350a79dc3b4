/**
 * (unit) scripts/build/semverLite.cjs answers like the real semver for what vscode-languageclient asks
 * of it: parse(VS Code's version), then satisfies(parsed version without prerelease, '^M.m.p').
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import * as lite from '../../../../scripts/build/semverLite.cjs';

/** What the real semver's parse returns, as far as the lite one must agree (it has `raw` too). */
type Parsed = Omit<lite.Version, 'raw'> | null;
const requireHere = createRequire(__filename);
const realParse = requireHere('semver/functions/parse') as (v: unknown) => Parsed;
const realSatisfies = requireHere('semver/functions/satisfies') as (v: unknown, r: string) => boolean;

const shape = (p: Parsed) =>
  p
    ? { major: p.major, minor: p.minor, patch: p.patch, prerelease: p.prerelease, build: p.build, version: p.version }
    : null;

const VERSIONS = [
  '1.100.0',
  '1.91.0',
  '1.90.2',
  '2.0.0',
  '1.101.0-insider',
  '1.100.0-insider.1',
  'v1.100.0',
  ' 1.100.0 ',
  '1.100.0+build.7',
  '1.100',
  '1.100.0.0',
  '01.100.0',
  '1.100.0-',
  '1.100.0-01',
  '1.100.0-0a',
  '1.100.0-rc.1+b',
  '',
  'latest',
  '=1.100.0',
  `1.${'9'.repeat(20)}.0`,
  `1.2.3-${'a'.repeat(260)}`,
  '0.0.1',
  '0.1.0',
  '0.0.0',
  '1.0.0-alpha..1',
  '1.0.0-alpha.-1',
];
const RANGES = ['^1.91.0', '^1.100.0', '^0.1.2', '^0.0.3', '^2.0.0', '^0.0.0'];

test("parse gives the real semver's version parts, or null where it does (unit)", () => {
  for (const v of [...VERSIONS, 42, undefined, null, {}])
    assert.deepEqual(shape(lite.parse(v)), shape(realParse(v)), JSON.stringify(v));
});

test('satisfies agrees with the real semver on caret ranges, as the language client calls it (unit)', () => {
  for (const v of VERSIONS) {
    for (const range of RANGES) {
      const l = lite.parse(v);
      const r = realParse(v);
      // The client clears the prerelease of VS Code's version before the check.
      if (l && r) l.prerelease = r.prerelease = [];
      if (l && r) assert.equal(lite.satisfies(l, range), realSatisfies(r, range), `${v} ${range}`);
      assert.equal(lite.satisfies(v, range), realSatisfies(v, range), `${JSON.stringify(v)} ${range} (as a string)`);
    }
  }
});

test('parse and satisfies agree with the real semver on generated versions (unit)', () => {
  const part = fc.oneof(fc.nat({ max: 3 }), fc.nat({ max: 200 }), fc.constantFrom('00', '01', 'x', ''));
  const ident = fc.constantFrom('insider', 'rc', '1', '0', '01', 'a-b', '');
  const version = fc
    .tuple(
      fc.constantFrom('', 'v', ' '),
      part,
      part,
      part,
      fc.option(fc.array(ident, { minLength: 1, maxLength: 3 })),
      fc.option(fc.array(ident, { minLength: 1, maxLength: 2 })),
    )
    .map(([pre, a, b, c, p, bu]) => `${pre}${a}.${b}.${c}${p ? `-${p.join('.')}` : ''}${bu ? `+${bu.join('.')}` : ''}`);
  const range = fc
    .tuple(fc.nat({ max: 3 }), fc.nat({ max: 200 }), fc.nat({ max: 3 }))
    .map(([a, b, c]) => `^${a}.${b}.${c}`);
  fc.assert(
    fc.property(version, range, (v, r) => {
      assert.deepEqual(shape(lite.parse(v)), shape(realParse(v)), v);
      assert.equal(lite.satisfies(v, r), realSatisfies(v, r), `${v} ${r}`);
    }),
    { seed: 20240805, numRuns: 500 },
  );
});

test('any range other than ^M.m.p is refused, not guessed (unit)', () => {
  for (const range of ['>=1.91.0', '1.x', '^1.91', '~1.91.0', '^1.91.0 || ^2.0.0'])
    assert.throws(() => lite.satisfies('1.100.0', range), /only caret ranges/);
});
