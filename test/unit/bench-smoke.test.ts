/**
 * (unit) The benchmark's CI mode runs end to end in-process without crashing: every section returns
 * rows, each with a value or a reason it was skipped. Times are not asserted (the bench is not a test).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runBench } from '../../bench/run';

test('bench CI mode runs every section and reports rows (unit)', { timeout: 60000 }, async () => {
  const report = await runBench({ ci: true });
  assert.equal(report.mode, 'ci');
  const sections = new Set(report.rows.map((r) => r.section));
  for (const s of ['validation', 'incremental', 'cli', 'workspace', 'extension', 'explorer'])
    assert.ok(sections.has(s), `section ${s} reported`);
  for (const r of report.rows) {
    assert.ok(r.metric, 'every row names its metric');
    assert.ok(
      r.value !== undefined || r.note?.startsWith('skipped'),
      `${r.section} / ${r.metric} has a value or says why not`,
    );
    assert.equal(r.pass, undefined, 'CI mode judges no budget');
  }
  const explorer = report.rows.find((r) => r.section === 'explorer' && r.baseline?.name === 'minimum');
  assert.equal(explorer?.value, explorer?.baseline?.value, 'the explorer makes the minimum number of calls');
});
