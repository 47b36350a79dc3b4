import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only, textAt } from '../helpers';

const URI = 'file:///ws/template.yaml';
const TEMPLATE = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Task:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      Family: web',
  '      ContainerDefinitions:',
  '        - Name: app',
  '          Image: nginx',
  '          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: g, awslogs-region: us-east-1}}',
  '      Volumes:',
  '        - Name: data',
  '          EFSVolumeConfiguration:',
  '            FileSystemId: fs-12345678',
  '            AuthorizationConfig:',
  '              IAM: ENABLED',
  '  Rule:',
  '    Type: AWS::Events::Rule',
  '    Properties:',
  '      Targets:',
  '        - Id: t',
  '          Arn: arn:aws:ecs:us-east-1:123456789012:cluster/c',
  '          EcsParameters:',
  '            TaskDefinitionArn: !Ref Task',
  '            NetworkConfiguration:',
  '              AwsvpcConfiguration: {Subnets: [subnet-1]}',
  '',
].join('\n');

test('cfn/property-spelling flags the API spelling FileSystemId inside EFSVolumeConfiguration, and fixes it (unit)', () => {
  const found = only(lint(TEMPLATE, URI), 'cfn/property-spelling');
  assert.equal(found.length, 1);
  assert.equal(textAt(TEMPLATE, found[0]), 'FileSystemId');
  assert.match(found[0].message, /'FilesystemId', not 'FileSystemId'.*ECS API spelling/);
  const fixed = applyFix(TEMPLATE, 'cfn/property-spelling', undefined, URI);
  assert.match(fixed, / {12}FilesystemId: fs-12345678\n/);
  assert.equal(only(lint(fixed, URI), 'cfn/property-spelling').length, 0);
});

test('cfn/launch-property-spelling: Events targets spell AwsVpcConfiguration (unit)', () => {
  const found = only(lint(TEMPLATE, URI), 'cfn/launch-property-spelling');
  assert.equal(found.length, 1);
  assert.equal(textAt(TEMPLATE, found[0]), 'AwsvpcConfiguration');
  const fixed = applyFix(TEMPLATE, 'cfn/launch-property-spelling', undefined, URI);
  assert.match(fixed, /AwsVpcConfiguration: \{Subnets/);
  assert.equal(only(lint(fixed, URI), 'cfn/launch-property-spelling').length, 0);
});

test('cfn spelling rules accept CloudFormation spellings, map keys and lower-case flags wrong case (unit)', () => {
  const ok = TEMPLATE.replace('FileSystemId', 'FilesystemId').replace('AwsvpcConfiguration', 'AwsVpcConfiguration');
  const diags = lint(ok, URI);
  assert.equal(only(diags, 'cfn/property-spelling').length + only(diags, 'cfn/launch-property-spelling').length, 0);
  const lower = lint(ok.replace('      Family: web', '      family: web'), URI);
  assert.equal(only(lower, 'cfn/property-spelling').length, 1);
});

test('S3FilesVolumeConfiguration (CloudFormation spelling of s3filesVolumeConfiguration) is read as the S3 Files volume (unit)', () => {
  const template = [
    'Resources:',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    '      Cpu: "256"',
    '      Memory: "512"',
    '      TaskRoleArn: arn:aws:iam::123456789012:role/task',
    '      ContainerDefinitions:',
    '        - Name: app',
    '          Image: nginx',
    '      Volumes:',
    '        - S3FilesVolumeConfiguration:',
    '            FileSystemArn: arn:aws:s3files:us-east-1:123456789012:file-system/fs-1',
    '',
  ].join('\n');
  const diags = lint(template, URI);
  const named = only(diags, 'vol/name');
  assert.equal(named.length, 1, 'an S3 Files volume needs a name');
  assert.deepEqual(only(diags, 'cfn/property-spelling'), []);
  assert.deepEqual(
    diags.filter((d) => d.ruleId.startsWith('schema/')),
    [],
  );
});
