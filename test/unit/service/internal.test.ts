/**
 * Failures of our own code stay contained (service/internal.ts): a shape detector or the schema
 * validator that throws gives one `internal/` finding, and the rest of the file is still checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../server/src/service/languageService';
import { DETECTORS } from '../../../server/src/service/shapes/document';
import type { SchemaValidator } from '../../../server/src/service/schema';

const boom = (): never => {
  throw new Error('detector exploded');
};
const TD = JSON.stringify({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'bridge',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx' }],
});

test('a throwing shape detector gives one internal/shape-error finding; syntax errors are still reported (unit)', async () => {
  const ls = getLanguageService({ detectors: { ...DETECTORS, shapes: boom } });
  const doc = ls.parse('file:///w/td.json', `${TD.slice(0, -1)},}`);
  const ids = (await ls.validateAll(doc)).map((d) => d.ruleId);
  assert.equal(ids.filter((id) => id === 'internal/shape-error').length, 1);
  assert.ok(ids.includes('json/syntax'), ids.join(', '));
  const [failure] = (await ls.validateAll(doc)).filter((d) => d.ruleId === 'internal/shape-error');
  assert.match(failure.message, /detector exploded/);
  assert.equal(failure.severity, 'hint');
});

test('a throwing template detector on YAML is contained the same way (unit)', async () => {
  const ls = getLanguageService({ detectors: { ...DETECTORS, cfn: boom } });
  const doc = ls.parse('file:///w/t.yaml', 'Resources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n');
  assert.deepEqual(
    (await ls.validateAll(doc)).map((d) => d.ruleId),
    ['internal/shape-error'],
  );
});

test('a throwing schema validator gives internal/schema-error and the rules still run (unit)', async () => {
  const failing: SchemaValidator = {
    validate: () => Promise.reject(new Error('schema exploded')),
    validateExact: () => {
      throw new Error('schema exploded');
    },
  };
  const ls = getLanguageService({ schemaValidator: failing });
  const ids = (await ls.validateAll(ls.parse('file:///w/td.json', TD))).map((d) => d.ruleId);
  assert.ok(ids.includes('internal/schema-error'), ids.join(', '));
  assert.ok(ids.includes('fargate/network-mode-awsvpc'), `the rules still ran: ${ids.join(', ')}`);
});

test('the quick fixes come with the validation result (unit)', async () => {
  const ls = getLanguageService();
  const doc = ls.parse('file:///w/td.json', TD);
  const diagnostics = await ls.validateAll(doc);
  const nm = diagnostics.find((d) => d.ruleId === 'fargate/network-mode-awsvpc');
  assert.ok(nm?.fixes?.length, 'fargate/network-mode-awsvpc offers a fix');
  const at = ls.fixes(diagnostics, nm.span.offset, nm.span.offset);
  assert.ok(at.some((f) => f.diagnostic === nm));
});
