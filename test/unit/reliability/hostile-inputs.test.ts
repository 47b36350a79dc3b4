/**
 * Hostile inputs (test/unit/fuzz/hostile.ts): each class is checked in time linear in its size, as a
 * ratio to an ordinary file of the same format and size checked in the same run (parse, rules and
 * schema validation, what the server runs per version). Before the fixes these ratios were in the
 * hundreds to thousands at 100 KB (4,000 YAML aliases: ~8 s; a 40,000-digit cpu: 27 s; 10,000 unknown
 * keys: 7 s; 2,000 load-balanced services: 13 s); now every class stays within a small constant of
 * the ordinary file, and growing the input 4x grows the time about 4x, not 16x.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../server/src/service/languageService';
import { exercise } from '../fuzz/harness';
import { bestCheckMs, hostileCases, prototypeCases } from '../fuzz/hostile';

const ls = getLanguageService();

// The best of several runs: on a loaded machine (CI's test files run side by side) a single run can be
// stretched several times over, which a minimum filters out; a quadratic class is slow in every run.
const best = (uri: string, text: string, runs = 5) => bestCheckMs(ls, uri, text, runs);

// An ordinary 100 KB file checks in a few ms, so the 5 ms floor keeps timer noise out of the ratios.
const FLOOR_MS = 5;
// Growth is judged above 20 ms at 100 KB (a quadratic class takes seconds there; below, it is timer noise).
const GROWTH_FLOOR_MS = 20;

for (const c of hostileCases(100_000)) {
  test(`hostile input, ${c.name}: within ${c.maxRatio}x of an ordinary file of the same size, linear growth (unit)`, async () => {
    const hostile = await best(c.uri, c.text);
    const ordinary = Math.max(FLOOR_MS, await best(c.uri, c.ordinary));
    assert.ok(
      hostile / ordinary <= c.maxRatio,
      `${c.name}: ${hostile.toFixed(1)} ms vs ${ordinary.toFixed(1)} ms ordinary (ratio ${(hostile / ordinary).toFixed(1)})`,
    );
    // Four times the input: a linear check takes about four times as long, a quadratic one sixteen.
    const big = hostileCases(400_000).find((b) => b.name === c.name)!;
    const grown = await best(big.uri, big.text, 3);
    assert.ok(
      grown / Math.max(GROWTH_FLOOR_MS, hostile) <= 10,
      `${c.name}: ${grown.toFixed(1)} ms at 400 KB vs ${hostile.toFixed(1)} ms at 100 KB`,
    );
  });
}

test('prototype-named keys and values (constructor, __proto__, toString, ...): no rule error, no inherited function in a message, every request answers (unit)', async () => {
  for (const c of prototypeCases()) {
    const diags = await ls.validateAll(ls.parse(c.uri, c.text));
    for (const d of diags) {
      assert.notEqual(d.ruleId, 'internal/rule-error', d.message);
      assert.doesNotMatch(d.message, /function|native code|\[object /, `${d.ruleId}: ${d.message}`);
    }
    // Every offset, a few dozen per call (exercise bounds the time of one call).
    for (let from = 0; from <= c.text.length; from += 40)
      exercise(
        c.text,
        c.uri,
        Array.from({ length: 40 }, (_, i) => from + i),
      );
  }
});
