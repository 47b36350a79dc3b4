import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationPacer } from '../../../server/src/lsp/pacing';

test('(unit) a cheap document is validated almost at once, an expensive one waits the whole cap', () => {
  const p = new ValidationPacer();
  p.record('file:///small.json', 1, 2);
  p.record('file:///big.yaml', 250, 150);
  assert.equal(p.delay('file:///small.json', 3_000, 150), 6);
  assert.equal(p.delay('file:///big.yaml', 3_000_000, 150), 150);
  // The setting is a cap, never exceeded, and 0 means "validate at once".
  assert.equal(p.delay('file:///big.yaml', 3_000_000, 0), 0);
});

test('(unit) before any measurement the cost is estimated from the length', () => {
  const p = new ValidationPacer();
  assert.ok(p.delay('file:///new.json', 2_000, 150) <= 1);
  assert.equal(p.delay('file:///huge.yaml', 3_000_000, 150), 150);
});

test('(unit) the cost follows recent measurements and is forgotten on close; tracking is bounded', () => {
  const p = new ValidationPacer();
  p.record('file:///a.json', 0, 100);
  p.record('file:///a.json', 0, 2);
  p.record('file:///a.json', 0, 2);
  assert.ok(p.delay('file:///a.json', 1_000, 150) < 60);
  p.forget('file:///a.json');
  assert.equal(p.size, 0);
  for (let i = 0; i < 2_000; i++) p.record(`file:///f${i}.json`, 0, 1);
  assert.ok(p.size <= 512);
});
