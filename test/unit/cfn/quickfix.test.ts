import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only, textAt } from '../helpers';

const YAML_URI = 'file:///ws/template.yaml';
const JSON_URI = 'file:///ws/template.json';

const efsTemplate = (pv: string, caps: string[] = ['SYS_PTRACE']): Record<string, unknown> => ({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Task: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: 'web',
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/exec',
        TaskRoleArn: 'arn:aws:iam::123456789012:role/task',
        ContainerDefinitions: [
          {
            Name: 'app',
            Image: 'public.ecr.aws/nginx/nginx:1.27',
            Essential: true,
            LinuxParameters: { Capabilities: { Add: caps } },
            MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data' }],
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' },
            },
          },
        ],
        Volumes: [
          { Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-12345678', TransitEncryption: 'ENABLED' } },
        ],
      },
    },
    Svc: {
      Type: 'AWS::ECS::Service',
      Properties: {
        TaskDefinition: { Ref: 'Task' },
        LaunchType: 'FARGATE',
        PlatformVersion: pv,
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-12345678'] } },
      },
    },
  },
});

/** A YAML rendering of a JSON value in CloudFormation block style (short enough for tests). */
function toYaml(v: unknown, indent = ''): string {
  if (Array.isArray(v)) return v.map((x) => `\n${indent}- ${toYaml(x, indent + '  ').replace(/^\n\s*/, '')}`).join('');
  if (v && typeof v === 'object') {
    if ('Ref' in v) return ` !Ref ${(v as { Ref: string }).Ref}`;
    return Object.entries(v)
      .map(([k, x]) => `\n${indent}${k}:${toYaml(x, indent + '  ')}`)
      .join('');
  }
  return ` ${typeof v === 'string' && /^[\d.]+$/.test(v) ? `"${v}"` : String(v)}`;
}
const yamlOf = (v: unknown) => toYaml(v).replace(/^\n/, '') + '\n';

for (const [syntax, uri, render] of [
  ['YAML', YAML_URI, yamlOf],
  ['JSON', JSON_URI, (v: unknown) => JSON.stringify(v, null, 2)],
] as const) {
  test(`${syntax} template: pv/feature-requires-1.4.0 at PlatformVersion, fixed to LATEST (unit)`, () => {
    const text = render(efsTemplate('1.3.0'));
    const found = only(lint(text, uri), 'pv/feature-requires-1.4.0');
    assert.equal(found.length, 1);
    assert.match(textAt(text, found[0]), /1\.3\.0/);
    assert.ok(found[0].related?.length);
    const fixed = applyFix(text, 'pv/feature-requires-1.4.0', 'Set platformVersion to LATEST', uri);
    assert.match(fixed, /PlatformVersion"?: "?LATEST/);
    const after = lint(fixed, uri);
    assert.equal(only(after, 'pv/feature-requires-1.4.0').length, 0);
    assert.equal(after.filter((d) => /syntax/.test(d.ruleId)).length, 0);
  });

  test(`${syntax} template: fargate/cap-add removal keeps the template valid (unit)`, () => {
    const text = render(efsTemplate('LATEST', ['SYS_PTRACE', 'NET_ADMIN']));
    const found = only(lint(text, uri), 'fargate/cap-add');
    assert.equal(found.length, 1);
    assert.match(textAt(text, found[0]), /NET_ADMIN/);
    const fixed = applyFix(text, 'fargate/cap-add', 'Remove NET_ADMIN from capabilities.add', uri);
    const after = lint(fixed, uri);
    assert.equal(only(after, 'fargate/cap-add').length, 0);
    assert.equal(after.filter((d) => /syntax/.test(d.ruleId)).length, 0);
    assert.match(fixed, /SYS_PTRACE/);
  });
}
