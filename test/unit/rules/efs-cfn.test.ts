import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only, textAt } from '../helpers';

const URI = 'file:///ws/template.yaml';
const template = (efs: string[], params: string[] = []) =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    ...(params.length ? ['Parameters:', ...params] : []),
    'Resources:',
    '  TaskDef:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: web',
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    '      Cpu: "256"',
    '      Memory: "512"',
    '      ContainerDefinitions:',
    '        - Name: app',
    '          Image: nginx',
    '          MountPoints:',
    '            - SourceVolume: data',
    '              ContainerPath: /data',
    '      Volumes:',
    '        - Name: data',
    '          EFSVolumeConfiguration:',
    ...efs.map((l) => `            ${l}`),
    '',
  ].join('\n');

test('efs/ap-needs-tls works in a CloudFormation YAML template and its fix writes PascalCase (unit)', () => {
  const text = template([
    'FilesystemId: fs-0123456789abcdef0',
    'AuthorizationConfig:',
    '  AccessPointId: fsap-0123456789abcdef0',
  ]);
  const found = only(lint(text, URI), 'efs/ap-needs-tls');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), 'fsap-0123456789abcdef0');
  const fixed = applyFix(text, 'efs/ap-needs-tls', undefined, URI);
  assert.match(fixed, /TransitEncryption: ENABLED/);
  assert.equal(only(lint(fixed, URI), 'efs/ap-needs-tls').length, 0);
  assert.equal(only(lint(text, URI), 'efs/fs-id').length, 0);
});

test('efs rules judge a !Ref parameter by its AllowedValues and name it (unit)', () => {
  const params = ['  Tls:', '    Type: String', '    AllowedValues: [ENABLED, DISABLED]', '    Default: ENABLED'];
  const text = template(
    ['FilesystemId: fs-0123456789abcdef0', 'TransitEncryption: !Ref Tls', 'AuthorizationConfig:', '  IAM: ENABLED'],
    params,
  );
  const found = only(lint(text, URI), 'efs/iam-needs-tls');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /parameter Tls/);
  const intrinsic = template([
    'FilesystemId: !ImportValue SharedFs',
    'TransitEncryption: !If [Prod, ENABLED, ENABLED]',
  ]);
  assert.equal(only(lint(intrinsic, URI), 'efs/fs-id').length, 0);
  assert.equal(only(lint(intrinsic, URI), 'efs/tls-recommended').length, 0);
});
