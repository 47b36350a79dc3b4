import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const HC = { command: ['CMD-SHELL', 'true'] };
const tdWith = (app: Record<string, unknown>, others: Record<string, unknown>[]) => {
  const base = fargateTaskDef({}, app) as { containerDefinitions: unknown[] };
  return json({ ...base, containerDefinitions: [...base.containerDefinitions, ...others] });
};
const init = (extra: Record<string, unknown> = {}) => ({
  name: 'init',
  image: 'busybox',
  essential: false,
  startTimeout: 60,
  ...extra,
});

test('dep/target-exists flags a missing container and offers the closest name (unit)', () => {
  const text = tdWith({ dependsOn: [{ containerName: 'inti', condition: 'SUCCESS' }] }, [init()]);
  const found = only(lint(text), 'dep/target-exists');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"inti"');
  assert.equal(only(lint(applyFix(text, 'dep/target-exists')), 'dep/target-exists').length, 0);
  assert.equal(
    only(lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }, [init()])), 'dep/target-exists')
      .length,
    0,
  );
});

test('dep/target-exists flags self references and cycles (unit)', () => {
  assert.equal(
    only(lint(tdWith({ dependsOn: [{ containerName: 'app', condition: 'START' }] }, [])), 'dep/target-exists').length,
    1,
  );
  const cyc = only(
    lint(
      tdWith({ dependsOn: [{ containerName: 'init', condition: 'START' }] }, [
        init({ dependsOn: [{ containerName: 'app', condition: 'START' }] }),
      ]),
    ),
    'dep/target-exists',
  );
  assert.equal(cyc.length, 1);
  assert.match(cyc[0].message, /cycle/);
});

test('dep/condition flags lower case and fixes it (unit)', () => {
  const text = tdWith({ dependsOn: [{ containerName: 'init', condition: 'success' }] }, [init()]);
  const found = only(lint(text), 'dep/condition');
  assert.equal(found.length, 1);
  assert.equal(only(lint(applyFix(text, 'dep/condition')), 'dep/condition').length, 0);
});

test('dep/complete-nonessential flags an essential target and fixes it (unit)', () => {
  const text = tdWith({ dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }, [
    { name: 'init', image: 'busybox', startTimeout: 60 },
  ]);
  const found = only(lint(text), 'dep/complete-nonessential');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"COMPLETE"');
  assert.match(found[0].message, /can't be set on an essential container/);
  const fixed = applyFix(text, 'dep/complete-nonessential');
  assert.equal(only(lint(fixed), 'dep/complete-nonessential').length, 0);
  assert.equal(
    only(
      lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] }, [init()])),
      'dep/complete-nonessential',
    ).length,
    0,
  );
});

test('dep/healthy-needs-hc flags a HEALTHY target without healthCheck (unit)', () => {
  assert.equal(
    only(
      lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'HEALTHY' }] }, [init()])),
      'dep/healthy-needs-hc',
    ).length,
    1,
  );
  assert.equal(
    only(
      lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'HEALTHY' }] }, [init({ healthCheck: HC })])),
      'dep/healthy-needs-hc',
    ).length,
    0,
  );
});

test('dep/start-timeout-hint notes a waited-for container without startTimeout (unit)', () => {
  const found = only(
    lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }, [init({ startTimeout: undefined })])),
    'dep/start-timeout-hint',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(
    only(
      lint(tdWith({ dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] }, [init()])),
      'dep/start-timeout-hint',
    ).length,
    0,
  );
});
