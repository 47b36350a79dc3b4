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

/*
 * The mapping table (cfn-lint ECS rule -> Fargate Lens rule ids) lives in scripts/compare-cfn-lint.ts
 * and is restated here so a change to either is a visible change to this test.
 */
const MAPPING: Record<string, string[]> = {
  E3042: ['ctr/essential'],
  E3044: ['service/scheduling-strategy'],
  E3046: ['log/awslogs-required-opts', 'log/awslogs-option-names'],
  E3047: ['fargate/cpu-memory-combo'],
  E3048: [
    'fargate/network-mode-awsvpc',
    'log/fargate-driver',
    'fargate/task-cpu-memory-required',
    'fargate/placement-constraints',
  ],
  E3049: ['cfn/dynamic-port-health-check'],
  E3052: ['fargate/network-config-required'],
  E3053: ['port/awsvpc-hostport'],
  E3054: ['service/requires-compat'],
  E3713: ['log/fargate-driver'],
};

const available = cfnLintAvailable();
const skip = available
  ? false
  : 'cfn-lint is not on PATH (pip install cfn-lint); the comparison with cfn-lint is skipped';
let cached: CompareResult | undefined;
const result = (): CompareResult => (cached ??= compare());

test('the cfn-lint mapping table is the one the comparison uses (unit)', () => {
  assert.deepEqual(CFN_LINT_MAPPING, MAPPING);
});

for (const [cfnId, ours] of Object.entries(MAPPING)) {
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
  const expected = Object.keys(MAPPING).filter((id) => id !== 'E3042');
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
