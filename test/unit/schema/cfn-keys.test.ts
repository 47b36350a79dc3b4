import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, OUT } from '../../../scripts/gen-cfn-keys';

test('schemas/cfn-keys.json is what scripts/gen-cfn-keys.ts generates from the schemas (unit)', () => {
  assert.deepEqual(JSON.parse(readFileSync(OUT, 'utf8')), generate(), 'run npm run schemas:cfn');
});

test('the CloudFormation key table knows the CloudFormation-only members and treats maps as data (unit)', () => {
  const t = generate();
  const force = t.shapes['AWS::ECS::Service'].forceNewDeployment;
  assert.deepEqual(Object.keys(t.shapes[force]), ['enableForceNewDeployment', 'forceNewDeploymentNonce']);
  assert.equal(t.shapes['AWS::ECS::Service'].placementStrategies, 'PlacementStrategy');
  assert.equal(t.shapes['AWS::ECS::Service'].clientToken, undefined);
  assert.equal(t.shapes.ContainerDefinition.dockerLabels, '*');
  assert.equal(t.shapes.LogConfiguration.options, '*');
});
