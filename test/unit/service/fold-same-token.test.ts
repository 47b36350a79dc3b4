import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { foldSameToken } from '../../../server/src/service/fold';
import type { Diagnostic } from '../../../server/src/service/types';
import { EFS_TASK, RETIRED_PV_RUN } from '../../shared/retiredPlatformVersion';

/** A run-task input with a retired platform version, ECS Exec on, for a task definition with EFS. */
const RUN = JSON.stringify(RETIRED_PV_RUN, null, 2);
const RUN_URI = 'file:///ws/run-task.json';

function service() {
  const ls = getLanguageService();
  ls.index.set(ls.parse('file:///ws/task-def.json', JSON.stringify(EFS_TASK, null, 2)));
  const doc = ls.parse(RUN_URI, RUN);
  ls.index.set(doc);
  return { ls, doc };
}
const onVersion = (ds: Diagnostic[]) =>
  ds.filter((d) => RUN.slice(d.span.offset, d.span.offset + d.span.length) === '"1.3.0"');

test('three rules on a retired platform version: one primary (pv/retired), the others related (unit)', async () => {
  const { ls, doc } = service();
  const unfolded = onVersion(await ls.validateAll(doc, { fold: false }));
  assert.deepEqual(unfolded.map((d) => d.ruleId).sort(), ['exec/pv', 'pv/feature-requires-1.4.0', 'pv/retired']);
  const folded = onVersion(await ls.validateAll(doc));
  assert.equal(folded.length, 1);
  const [primary] = folded;
  assert.equal(primary.ruleId, 'pv/retired');
  assert.equal(primary.severity, 'error');
  assert.match(primary.message, /\(and 2 more on this token: pv\/feature-requires-1\.4\.0, exec\/pv\)$/);
  // Each folded rule is named in its related entry, at the same token, and its own related locations follow.
  const related = primary.related ?? [];
  assert.ok(related.some((r) => r.uri === RUN_URI && /^exec\/pv \(error\): .*ECS Exec/.test(r.message)));
  assert.ok(related.some((r) => /^pv\/feature-requires-1\.4\.0 \(error\): .*EFS volume 'data'/.test(r.message)));
  assert.ok(
    related.some((r) => r.uri === 'file:///ws/task-def.json'),
    'the EFS volume in the task definition',
  );
  assert.ok(related.some((r) => r.message === 'ECS Exec enabled here'));
  assert.deepEqual(
    primary.folded?.map((d) => d.ruleId),
    ['pv/feature-requires-1.4.0', 'exec/pv'],
  );
  // Findings elsewhere are untouched.
  assert.ok((await ls.validateAll(doc)).some((d) => d.ruleId === 'exec/init-process'));
});

test('settings still act per rule id: turning the primary off promotes the next one (unit)', async () => {
  const { ls, doc } = service();
  const [d] = onVersion(await ls.validateAll(doc, { rules: { 'pv/retired': 'off' } }));
  assert.equal(d.ruleId, 'pv/feature-requires-1.4.0');
  assert.deepEqual(
    d.folded?.map((f) => f.ruleId),
    ['exec/pv'],
  );
  const rest = onVersion(
    await ls.validateAll(doc, {
      rules: { 'pv/retired': 'off', 'exec/pv': 'off', 'pv/feature-requires-1.4.0': 'warning' },
    }),
  );
  assert.deepEqual(
    rest.map((x) => [x.ruleId, x.severity, x.folded]),
    [['pv/feature-requires-1.4.0', 'warning', undefined]],
  );
});

test('quick fixes of every folded rule are still offered, attached to the primary (unit)', async () => {
  const { ls, doc } = service();
  const diagnostics = await ls.validateAll(doc);
  const at = RUN.indexOf('"1.3.0"');
  const fixes = ls.fixes(diagnostics, at, at + 1);
  const rules = new Set(fixes.map((f) => f.diagnostic.ruleId));
  assert.deepEqual([...rules], ['pv/retired'], 'every fix goes with the diagnostic the editor shows');
  const titles = fixes.map((f) => f.fix.title);
  const unfoldedTitles = ls
    .validate(doc)
    .filter((d) => d.span.offset === at)
    .flatMap((d) => (d.fixes ?? []).map((f) => f.title));
  assert.ok(unfoldedTitles.length >= 2);
  assert.deepEqual(titles.sort(), unfoldedTitles.sort());
});

test('foldSameToken: severity decides, then root cause, then registry order; different spans stay (unit)', () => {
  const d = (ruleId: string, severity: Diagnostic['severity'], offset = 5): Diagnostic => ({
    ruleId,
    severity,
    uri: 'file:///x.json',
    message: ruleId,
    span: { offset, length: 3 },
  });
  const out = foldSameToken([
    d('a/one', 'warning', 1),
    d('exec/pv', 'warning'),
    d('pv/retired', 'info'),
    d('b', 'hint', 9),
  ]);
  assert.deepEqual(
    out.map((x) => x.ruleId),
    ['a/one', 'exec/pv', 'b'],
  );
  const tie = foldSameToken([d('exec/pv', 'error'), d('pv/retired', 'error')]);
  assert.equal(tie[0].ruleId, 'pv/retired');
  const none = [d('x', 'error', 1), d('y', 'error', 2)];
  assert.equal(foldSameToken(none), none);
});
