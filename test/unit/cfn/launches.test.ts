import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/shapes/document';
import { bool, child, str } from '../../../server/src/service/documents/ast';
import { launchIsFargate } from '../../../server/src/service/shapes/model';
import { lintWith, only } from '../helpers';

const yaml = (lines: string[]) => lines.join('\n') + '\n';
const slice = (text: string, n: { offset: number; length: number }) => text.slice(n.offset, n.offset + n.length);

const TEMPLATE = yaml([
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Task:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      Family: web',
  '      ContainerDefinitions: [{Name: app, Image: nginx}]',
  '  Svc:',
  '    Type: AWS::ECS::Service',
  '    Properties:',
  '      TaskDefinition: !Ref Task',
  '      LaunchType: FARGATE',
  '      PlatformVersion: 1.3.0',
  '      EnableExecuteCommand: true',
  '      NetworkConfiguration:',
  '        AwsvpcConfiguration:',
  '          Subnets: [subnet-1]',
  '  Set:',
  '    Type: AWS::ECS::TaskSet',
  '    Properties:',
  '      Cluster: c',
  '      Service: s',
  '      TaskDefinition: !GetAtt Task.TaskDefinitionArn',
  '      NetworkConfiguration:',
  '        AwsVpcConfiguration:',
  '          Subnets: [subnet-1]',
  '  Rule:',
  '    Type: AWS::Events::Rule',
  '    Properties:',
  '      ScheduleExpression: rate(1 hour)',
  '      Targets:',
  '        - Id: nightly',
  '          Arn: arn:aws:ecs:us-east-1:123456789012:cluster/c',
  '          EcsParameters:',
  '            TaskDefinitionArn: !Ref Task',
  '            LaunchType: FARGATE',
  '            NetworkConfiguration:',
  '              AwsVpcConfiguration: {Subnets: [subnet-1]}',
  '        - Id: lambda',
  '          Arn: arn:aws:lambda:us-east-1:123456789012:function:f',
  '  Schedule:',
  '    Type: AWS::Scheduler::Schedule',
  '    Properties:',
  '      Target:',
  '        EcsParameters:',
  '          TaskDefinitionArn: other-family:3',
  '          CapacityProviderStrategy: [{CapacityProvider: FARGATE_SPOT, Weight: 1}]',
  '          NetworkConfiguration:',
  '            AwsvpcConfiguration: {Subnets: [subnet-1]}',
  '  Pipe:',
  '    Type: AWS::Pipes::Pipe',
  '    Properties:',
  '      TargetParameters:',
  '        EcsTaskParameters:',
  '          TaskDefinitionArn: !Sub "arn:aws:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/x"',
  '          PlatformVersion: LATEST',
]);

test('Launching resources become LaunchModels with their fields (unit)', () => {
  const doc = parseDocument('file:///ws/template.yaml', TEMPLATE);
  const byKind = Object.fromEntries(doc.launches.map((l) => [l.kind, l]));
  assert.deepEqual(
    doc.launches.map((l) => l.kind),
    ['cfn-service', 'cfn-taskset', 'cfn-events-rule', 'cfn-scheduler', 'cfn-pipes'],
  );
  const svc = byKind['cfn-service'];
  assert.equal(str(svc.platformVersion), '1.3.0');
  assert.equal(str(svc.launchType), 'FARGATE');
  assert.equal(bool(svc.enableExecuteCommand), true);
  assert.equal(slice(TEMPLATE, svc.anchor), 'AWS::ECS::Service');
  assert.equal(svc.label, "service 'Svc'");
  assert.ok(child(svc.networkConfiguration, 'subnets'), 'service AwsvpcConfiguration');
  assert.ok(child(byKind['cfn-taskset'].networkConfiguration, 'subnets'), 'task set AwsVpcConfiguration');
  assert.ok(child(byKind['cfn-events-rule'].networkConfiguration, 'subnets'), 'events AwsVpcConfiguration');
  assert.ok(child(byKind['cfn-scheduler'].networkConfiguration, 'subnets'), 'scheduler AwsvpcConfiguration');
  assert.equal(byKind['cfn-events-rule'].label, "Events rule 'Rule' target 'nightly'");
  assert.equal(launchIsFargate(byKind['cfn-scheduler']), true, 'FARGATE_SPOT capacity provider');
  assert.equal(str(byKind['cfn-pipes'].platformVersion), 'LATEST');
});

test('Ref and GetAtt link to the template task definition; literals and Sub do not (unit)', () => {
  const doc = parseDocument('file:///ws/template.yaml', TEMPLATE);
  const ids = doc.launches.map((l) => l.taskDefinitionLogicalId);
  assert.deepEqual(ids, ['Task', 'Task', 'Task', undefined, undefined]);
  assert.equal(str(doc.launches[3].taskDefinition), 'other-family:3');
});

test('A launch resource links its task definition for the service-side rules (unit)', () => {
  const diags = lintWith({ uri: 'file:///ws/template.yaml', text: TEMPLATE });
  // Svc pins 1.3.0: pv/retired at the PlatformVersion value.
  const retired = only(diags, 'pv/retired');
  assert.ok(retired.length >= 1);
  assert.equal(slice(TEMPLATE, retired[0].span), '1.3.0');
});

test('A literal family in a template links through the workspace index (unit)', () => {
  const other = {
    uri: 'file:///ws/other.json',
    text: JSON.stringify({
      family: 'other-family',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'a', image: 'nginx' }],
    }),
  };
  const noNet = TEMPLATE.replace(
    '          NetworkConfiguration:\n            AwsvpcConfiguration: {Subnets: [subnet-1]}\n',
    '',
  );
  const diags = lintWith({ uri: 'file:///ws/template.yaml', text: noNet }, [other]);
  const found = only(diags, 'fargate/network-config-required');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /schedule 'Schedule'/);
});
