import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/service/shapes/document';
import { alternatives, at, child, prop, str } from '../../../server/src/service/documents/ast';

const yaml = (lines: string[]) => lines.join('\n') + '\n';
const slice = (text: string, n: { offset: number; length: number }) => text.slice(n.offset, n.offset + n.length);

const TASKDEF = yaml([
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Parameters:',
  '  Cpu:',
  '    Type: String',
  '    Default: "256"',
  '    AllowedValues: ["256", "512", "3000"]',
  '  Mem:',
  '    Type: Number',
  '    Default: 512',
  '  Subnets:',
  '    Type: List<AWS::EC2::Subnet::Id>',
  'Conditions:',
  '  IsProd: !Equals [!Ref AWS::AccountId, "123456789012"]',
  'Resources:',
  '  Task:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      Family: web',
  '      Cpu: !Ref Cpu',
  '      Memory: !Ref Mem',
  '      NetworkMode: !If [IsProd, awsvpc, bridge]',
  '      RequiresCompatibilities: [FARGATE]',
  '      ExecutionRoleArn: !GetAtt Role.Arn',
  '      ProxyConfiguration:',
  '        Type: APPMESH',
  '        ContainerName: envoy',
  '        ProxyConfigurationProperties:',
  '          - Name: AppPorts',
  '            Value: "8080"',
  '      ContainerDefinitions:',
  '        - Name: app',
  '          Image: !Sub "${AWS::AccountId}.dkr.ecr.us-east-1.amazonaws.com/app"',
  '          DockerLabels: {Com.Example: x}',
  '          LogConfiguration:',
  '            LogDriver: awslogs',
  '            Options:',
  '              awslogs-group: /ecs/web',
  '              awslogs-region: !Ref AWS::Region',
  '            SecretOptions:',
  '              - Name: x',
  '                ValueFrom: y',
  '          MountPoints:',
  '            - SourceVolume: data',
  '              ContainerPath: /data',
  '      Volumes:',
  '        - Name: data',
  '          EFSVolumeConfiguration:',
  '            FilesystemId: fs-12345678',
  '            TransitEncryption: ENABLED',
  '            AuthorizationConfig:',
  '              IAM: ENABLED',
  '              AccessPointId: fsap-1234',
  '        - Name: win',
  '          FSxWindowsFileServerVolumeConfiguration:',
  '            FileSystemId: fs-0123',
  '            RootDirectory: share',
]);

test('CloudFormation YAML TaskDefinition becomes a TaskDefModel with API names (unit)', () => {
  const doc = parseDocument('file:///ws/template.yaml', TASKDEF);
  assert.equal(doc.dialect, 'cfn');
  assert.equal(doc.taskDefs.length, 1);
  const td = doc.taskDefs[0];
  assert.equal(td.shape, 'cfn');
  assert.equal(td.logicalId, 'Task');
  assert.equal(td.label, 'Task');
  assert.equal(td.family, 'web');
  assert.equal(td.fargate, true);
  assert.equal(slice(TASKDEF, td.span).split('\n')[0], 'Task:');
  const c = td.containers[0];
  assert.equal(str(child(c, 'name')), 'app');
  assert.equal(prop(c, 'name')!.rawKey, 'Name');
  assert.equal(slice(TASKDEF, prop(c, 'name')!.keySpan), 'Name');
});

test('CloudFormation spellings map to the API names (unit)', () => {
  const td = parseDocument('file:///ws/template.yaml', TASKDEF).taskDefs[0];
  const efs = at(td.volumes[0], 'efsVolumeConfiguration');
  assert.equal(str(child(efs, 'fileSystemId')), 'fs-12345678');
  assert.equal(str(at(efs, 'authorizationConfig', 'iam')), 'ENABLED');
  assert.equal(str(at(efs, 'authorizationConfig', 'accessPointId')), 'fsap-1234');
  assert.equal(str(at(td.volumes[1], 'fsxWindowsFileServerVolumeConfiguration', 'fileSystemId')), 'fs-0123');
  assert.equal(str(at(td.root, 'proxyConfiguration', 'properties', 0, 'name')), 'AppPorts');
  const c = td.containers[0];
  assert.equal(str(at(c, 'logConfiguration', 'options', 'awslogs-group')), '/ecs/web', 'map keys are not renamed');
  assert.equal(str(at(c, 'logConfiguration', 'secretOptions', 0, 'valueFrom')), 'y');
  assert.ok(prop(child(c, 'dockerLabels'), 'Com.Example'));
  assert.equal(str(at(c, 'mountPoints', 0, 'containerPath')), '/data');
});

test('Intrinsics are unknown; Ref to a parameter carries its AllowedValues or Default (unit)', () => {
  const td = parseDocument('file:///ws/template.yaml', TASKDEF).taskDefs[0];
  const image = at(td.containers[0], 'image')!;
  assert.equal(image.unknown, 'intrinsic');
  assert.deepEqual(alternatives(image), []);
  assert.equal(at(td.containers[0], 'logConfiguration', 'options', 'awslogs-region')!.unknown, 'intrinsic');
  assert.equal(child(td.root, 'executionRoleArn')!.unknown, 'intrinsic');
  const cpu = child(td.root, 'cpu')!;
  assert.equal(cpu.unknown, 'intrinsic');
  assert.deepEqual(
    alternatives(cpu).map((a) => a.value.value),
    ['256', '512', '3000'],
  );
  assert.equal(alternatives(cpu)[0].via, 'parameter Cpu');
  const mem = child(td.root, 'memory')!;
  assert.deepEqual(
    alternatives(mem).map((a) => a.value.value),
    [512],
    'Default when there are no AllowedValues',
  );
});

test('Fn::If keeps both branches for the rules to check (unit)', () => {
  const td = parseDocument('file:///ws/template.yaml', TASKDEF).taskDefs[0];
  const nm = child(td.root, 'networkMode')!;
  assert.equal(nm.unknown, 'intrinsic');
  assert.equal(nm.branches?.length, 2);
  assert.deepEqual(
    alternatives(nm).map((a) => a.value.value),
    ['awsvpc', 'bridge'],
  );
  assert.equal(td.networkMode, undefined, 'a conditional network mode is not known');
});

test('JSON templates are detected and use the same views as YAML (unit)', () => {
  const json = JSON.stringify(
    {
      Parameters: { Pv: { Type: 'String', Default: '1.3.0' } },
      Resources: {
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'web',
            Cpu: '256',
            ContainerDefinitions: [{ Name: 'app', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.x' } }],
          },
        },
        Svc: {
          Type: 'AWS::ECS::Service',
          Properties: { TaskDefinition: { Ref: 'Task' }, PlatformVersion: { Ref: 'Pv' }, LaunchType: 'FARGATE' },
        },
      },
    },
    null,
    2,
  );
  const doc = parseDocument('file:///ws/stack.template', json);
  assert.equal(doc.syntax, 'json');
  assert.equal(doc.dialect, 'cfn');
  assert.equal(str(child(doc.taskDefs[0].root, 'cpu')), '256');
  assert.equal(child(doc.taskDefs[0].containers[0], 'image')!.unknown, 'intrinsic');
  assert.equal(doc.launches[0].taskDefinitionLogicalId, 'Task');
  assert.deepEqual(
    alternatives(doc.launches[0].platformVersion).map((a) => a.value.value),
    ['1.3.0'],
  );
});

test('Only templates are CloudFormation: other YAML is not ours, YAML task definitions are (unit)', () => {
  assert.equal(parseDocument('file:///ws/compose.yaml', 'services:\n  web:\n    image: nginx\n').dialect, 'none');
  assert.equal(
    parseDocument('file:///ws/tpl.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n').dialect,
    'cfn',
  );
  assert.equal(parseDocument('file:///ws/x.yaml', 'Resources:\n  S:\n    Type: AWS::ECS::Cluster\n').dialect, 'cfn');
  assert.equal(parseDocument('file:///ws/x.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n').dialect, 'none');
  const td = parseDocument(
    'file:///ws/task-def.yaml',
    'family: web\ncontainerDefinitions:\n  - name: app\n    image: nginx\n',
  );
  assert.equal(td.dialect, 'api');
  assert.equal(td.taskDefs[0].family, 'web');
  assert.equal(
    parseDocument('file:///ws/stack.template', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n').syntax,
    'yaml',
  );
});
