import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, labels, insert } from './completeAt';

test('JSON templates: the JSON form with CloudFormation names (unit)', () => {
  const uri = 'file:///ws/template.json';
  const doc = (props: string) =>
    `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": "256", ${props}}}}}`;
  const keys = at(doc('‸'), uri);
  assert.equal(insert(keys, 'NetworkMode'), '"NetworkMode": "${1|awsvpc,bridge,host,none|}"');
  assert.equal(insert(keys, 'Memory'), '"Memory": "${1|512,1024,2048|}"');
  assert.ok(!labels(keys).includes('Cpu'));
  assert.match(
    insert(keys, 'Volumes (EFS volume)')!,
    /"EFSVolumeConfiguration": \{\n\t\t\t"FilesystemId": "\$\{2:fs-0123456789abcdef0\}"/,
  );
  const mem = at(doc('"Memory": "‸"'), uri);
  assert.deepEqual([mem.replaced, mem.items.map((i) => i.insertText)], ['""', ['"512"', '"1024"', '"2048"']]);
  assert.deepEqual(labels(at(doc('"Volumes": [{"Name": "d", "EFSVolumeConfiguration": {"‸"}}]'), uri)), [
    'FilesystemId',
    'RootDirectory',
    'TransitEncryption',
    'TransitEncryptionPort',
    'AuthorizationConfig',
  ]);
  assert.deepEqual(labels(at(doc('"ContainerDefinitions": [‸]'), uri)), ['container definition']);
  const ref = `{"Resources": {"T": {"Type": "AWS::ECS::TaskDefinition"}, "S": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": ‸}}}}`;
  assert.equal(insert(at(ref, uri), '!Ref T'), '{ "Ref": "T" }');
  assert.deepEqual(labels(at(ref.replace('‸', '{"Ref": "‸"}'), uri)), ['T']);
  assert.deepEqual(labels(at(`{"Resources": {"S": {"Type": "AWS::ECS::‸"}}}`, uri)).slice(0, 2), [
    'AWS::ECS::TaskDefinition',
    'AWS::ECS::Service',
  ]);
});

test('ECS files written in YAML complete with API names from the root (unit)', () => {
  const td = `family: app\nrequiresCompatibilities:\n  - FARGATE\nnetworkMode: awsvpc\ncpu: '256'\ncontainerDefinitions:\n  - name: web\n    image: nginx\n`;
  const uri = 'file:///ws/taskdef.yaml';
  const root = at(`${td}‸`, uri);
  assert.equal(insert(root, 'memory'), "memory: ${1|'512','1024','2048'|}");
  assert.ok(!labels(root).includes('cpu') && !labels(root).includes('Memory'));
  assert.equal(
    insert(at(`${td}    log‸`, uri), 'logConfiguration (awslogs logging)'),
    'logConfiguration:\n      logDriver: awslogs\n      options:\n        awslogs-group: ${1:/ecs/app}\n        awslogs-region: ${2:us-east-1}\n        awslogs-stream-prefix: ${3:ecs}',
  );
  assert.deepEqual(labels(at(`${td}memory: ‸`, uri)), ['512', '1024', '2048']);
});
