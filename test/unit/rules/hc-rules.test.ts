import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const HC = {
  command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
  interval: 30,
  timeout: 5,
  retries: 3,
  startPeriod: 10,
};
const withHc = (hc: Record<string, unknown>) => json(fargateTaskDef({}, { healthCheck: { ...HC, ...hc } }));

const ranges: [string, string, number, number, number][] = [
  ['hc/interval', 'interval', 4, 301, 300],
  ['hc/timeout', 'timeout', 1, 61, 60],
  ['hc/retries', 'retries', 0, 11, 10],
  ['hc/start-period', 'startPeriod', -1, 301, 300],
];

for (const [id, field, low, high, max] of ranges) {
  test(`${id} flags values outside the range and clamps them (unit)`, () => {
    for (const bad of [low, high]) {
      const text = withHc({ [field]: bad });
      const found = only(lint(text), id);
      assert.equal(found.length, 1, `${field}=${bad}`);
      assert.equal(textAt(text, found[0]), String(bad));
      const fixed = applyFix(text, id);
      assert.equal(only(lint(fixed), id).length, 0);
    }
    assert.equal(JSON.parse(applyFix(withHc({ [field]: high }), id)).containerDefinitions[0].healthCheck[field], max);
  });
  test(`${id} accepts the range bounds (unit)`, () => {
    assert.equal(only(lint(withHc({ [field]: max })), id).length, 0);
    assert.equal(only(lint(withHc({ [field]: low + 1 })), id).length, 0);
  });
}

test('hc/command flags a joined CMD-SHELL string and splits it (unit)', () => {
  const text = withHc({ command: ['CMD-SHELL curl -f http://localhost/'] });
  const found = only(lint(text), 'hc/command');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  const fixed = applyFix(text, 'hc/command');
  assert.deepEqual(JSON.parse(fixed).containerDefinitions[0].healthCheck.command, [
    'CMD-SHELL',
    'curl -f http://localhost/',
  ]);
  assert.equal(only(lint(fixed), 'hc/command').length, 0);
});

test('hc/command flags a plain string and a missing prefix; silent for CMD arrays (unit)', () => {
  assert.equal(only(lint(withHc({ command: 'curl -f http://localhost/' })), 'hc/command').length, 1);
  assert.equal(only(lint(withHc({ command: ['curl', '-f', 'http://localhost/'] })), 'hc/command').length, 1);
  assert.equal(only(lint(withHc({ command: ['CMD', 'curl', '-f', 'http://localhost/'] })), 'hc/command').length, 0);
});

test('hc/timeout-lt-interval notes a timeout not shorter than the interval (unit)', () => {
  const found = only(lint(withHc({ timeout: 30, interval: 10 })), 'hc/timeout-lt-interval');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(only(lint(withHc({})), 'hc/timeout-lt-interval').length, 0);
});
