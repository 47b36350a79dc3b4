import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, textAt } from '../helpers';

const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  PV:
    Type: String
    Default: 1.3.0
    AllowedValues: [1.3.0, LATEST]
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '256'
      Memory: '512'
      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec
      ContainerDefinitions:
        - Name: app
          Image: nginx
          MountPoints: [{ SourceVolume: data, ContainerPath: /data }]
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-0123456789abcdef0
            TransitEncryption: ENABLED
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: !Ref PV
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0123456789abcdef0]
`;

test('pv rules judge a PlatformVersion parameter by its allowed values and say so (unit)', () => {
  const diags = lint(template, 'file:///ws/template.yaml');
  const retired = only(diags, 'pv/retired');
  assert.equal(retired.length, 1);
  assert.match(retired[0].message, /parameter PV/);
  assert.equal(textAt(template, retired[0]), '!Ref PV');
  assert.deepEqual(retired[0].fixes, []);
  const feature = only(diags, 'pv/feature-requires-1.4.0');
  assert.equal(feature.length, 1);
  assert.match(feature[0].message, /EFS volume 'data'/);
});

test('a literal LATEST PlatformVersion stays silent (unit)', () => {
  const diags = lint(template.replace('!Ref PV', 'LATEST'), 'file:///ws/template.yaml');
  assert.equal(only(diags, 'pv/retired').length + only(diags, 'pv/feature-requires-1.4.0').length, 0);
});
