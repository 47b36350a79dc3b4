import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../../../client/src/restartPolicy';

test('a crashed server is restarted and the user is told once (unit)', () => {
  const p = new RestartPolicy(5, 180_000);
  const first = p.onServerClosed(0);
  assert.deepEqual([first.restart, typeof first.message], [true, 'string']);
  const second = p.onServerClosed(1000);
  assert.deepEqual(second, { restart: true });
});

test('a crash loop stops restarting with one clear message; old crashes age out (unit)', () => {
  const p = new RestartPolicy(3, 60_000);
  for (let t = 0; t < 3; t++) assert.equal(p.onServerClosed(t * 1000).restart, true);
  const stop = p.onServerClosed(4000);
  assert.equal(stop.restart, false);
  assert.match(stop.message ?? '', /crashed 4 times/);
  const later = new RestartPolicy(3, 60_000);
  for (let t = 0; t < 10; t++) assert.equal(later.onServerClosed(t * 61_000).restart, true);
});
