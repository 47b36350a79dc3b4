import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import {
  CFN_LINT_MAPPING,
  FIXTURES,
  cfnLintAvailable,
  compare,
  formatResult,
  lintTemplates,
  runCfnLint,
  type CompareResult,
} from '../../scripts/compare-cfn-lint';
import { RULES_BY_ID } from '../../server/src/service/rules';

const available = cfnLintAvailable();
const skip = available
  ? false
  : 'cfn-lint is not on PATH (pip install cfn-lint); the comparison with cfn-lint is skipped';
let cached: CompareResult | undefined;
const result = (): CompareResult => (cached ??= compare());

test("the mapping covers cfn-lint's ECS rules, each with rules Fargate Lens has (unit)", () => {
  assert.deepEqual(Object.keys(CFN_LINT_MAPPING), [
    'E3042',
    'E3044',
    'E3046',
    'E3047',
    'E3048',
    'E3049',
    'E3052',
    'E3053',
    'E3054',
    'E3713',
  ]);
  const unknown = Object.values(CFN_LINT_MAPPING)
    .flat()
    .filter((id) => !RULES_BY_ID.has(id));
  assert.deepEqual(unknown, []);
});

for (const [cfnId, ours] of Object.entries(CFN_LINT_MAPPING)) {
  test(
    `every ${cfnId} finding of cfn-lint is also reported by Fargate Lens at the same resource (unit)`,
    { skip },
    (t) => {
      const row = result().rows.find((r) => r.rule === cfnId)!;
      if (row.missing.length === 0) return;
      const unregistered = ours.filter((id) => !RULES_BY_ID.has(id));
      const report = row.missing.map((m) => `${basename(m.file)}:${m.line} [${m.resource}] ${m.message}`).join('\n');
      if (unregistered.length === ours.length) {
        t.todo(
          `${cfnId}: mapped rule(s) ${unregistered.join(', ')} not implemented yet; ${row.missing.length} cfn-lint finding(s) uncovered:\n${report}`,
        );
        return;
      }
      assert.fail(
        `${cfnId} -> ${ours.join(', ')}: ${row.missing.length} of ${row.cfnLint} cfn-lint findings not reported at the same resource:\n${report}\n\n${formatResult(result())}`,
      );
    },
  );
}

test('the fixtures trigger every cfn-lint ECS rule that cfn-lint 1.51 can report (unit)', { skip }, () => {
  const fired = new Set(runCfnLint(result().files.filter((f) => f.startsWith(FIXTURES))).map((m) => m.rule));
  // E3042 applies its schema to each container rather than to the list in cfn-lint 1.51, so it never fires.
  const expected = Object.keys(CFN_LINT_MAPPING).filter((id) => id !== 'E3042');
  assert.deepEqual(
    expected.filter((id) => !fired.has(id)),
    [],
  );
});

/** Fixtures with Fargate problems cfn-lint does not check: the rule ids Fargate Lens must report. */
const BEYOND: Record<string, string[]> = {
  'beyond-efs-platform-version.yaml': ['pv/feature-requires-1.4.0'],
  'beyond-capabilities.yaml': ['fargate/cap-add'],
  'beyond-health-check.json': ['hc/timeout', 'hc/timeout-lt-interval'],
  'beyond-ephemeral-storage.yaml': ['task/ephemeral-storage-range'],
  'beyond-mount-paths.yaml': ['mount/source-exists', 'mount/container-path'],
};

for (const [file, expected] of Object.entries(BEYOND)) {
  test(`${file}: Fargate Lens reports ${expected.join(', ')} where cfn-lint reports no ECS finding (unit)`, (t) => {
    const path = `${FIXTURES}/${file}`;
    const diags = lintTemplates([path]).get(path)!.diags;
    const missing = expected.filter((id) => !diags.some((d) => d.ruleId === id));
    const notYet = missing.filter((id) => !RULES_BY_ID.has(id));
    assert.deepEqual(
      missing.filter((id) => RULES_BY_ID.has(id)),
      [],
      `not reported: ${missing.join(', ')}`,
    );
    if (notYet.length) t.todo(`rule(s) not implemented yet: ${notYet.join(', ')}`);
    if (available) assert.deepEqual(runCfnLint([path]), [], 'cfn-lint reports no ECS finding on this fixture');
  });
}
