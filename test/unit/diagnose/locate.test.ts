/** (unit) Run-time failures pinned to the member of the task definition, in JSON and CloudFormation files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { familyOf, locateMember, taskDefsOfFamily } from '../../../server/src/service/locate';

const ls = getLanguageService();
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';

const json = JSON.stringify(
  {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [
      { name: 'log_router', image: 'amazon/aws-for-fluent-bit', essential: false },
      {
        name: 'app',
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2',
        memory: 512,
        command: ['node', 'server.js'],
        secrets: [
          { name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/token' },
          { name: 'DB', valueFrom: `${SECRET}:password::` },
        ],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
        healthCheck: { command: ['CMD-SHELL', 'curl -f localhost || exit 1'] },
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
      },
    ],
    volumes: [{ name: 'scratch' }, { name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }],
  },
  null,
  2,
);

const yaml = `Resources:
  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: '512'
      Memory: '1024'
      ContainerDefinitions:
        - Name: app
          Image: !Sub '\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/app:1.2'
          Memory: 512
          Secrets:
            - Name: DB
              ValueFrom: ${SECRET}
`;

function textAt(text: string, span: { offset: number; length: number }): string {
  return text.slice(span.offset, span.offset + span.length);
}

test('JSON: each member kind lands on its member, in the named container (unit)', () => {
  const doc = ls.parse('file:///w/web.json', json);
  const [{ td }] = taskDefsOfFamily([doc], 'web');
  const at = (kinds: Parameters<typeof locateMember>[1], opts = {}) => {
    const loc = locateMember(td, kinds, { container: 'app', ...opts });
    assert.ok(loc);
    return { text: textAt(json, loc.span), path: loc.path };
  };
  assert.deepEqual(at(['memory']), { text: '512', path: 'containerDefinitions[name=app].memory' });
  assert.equal(at(['image']).text, '"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2"');
  assert.deepEqual(at(['secret'], { quoted: SECRET }), {
    text: `"${SECRET}:password::"`,
    path: 'containerDefinitions[name=app].secrets[name=DB].valueFrom',
  });
  assert.equal(at(['logGroup']).text, '"/ecs/web"');
  assert.equal(at(['healthCheck']).text, '"healthCheck"');
  assert.deepEqual(at(['efsVolume']), {
    text: '"efsVolumeConfiguration"',
    path: 'volumes[name=data].efsVolumeConfiguration',
  });
  assert.equal(at(['command']).text, '"command"');
  assert.equal(at(['executionRoleArn']).text, '"arn:aws:iam::123456789012:role/exec"');
  // runtimePlatform absent: the next kind in the list, else the container's name.
  assert.equal(at(['runtimePlatform', 'image']).text, '"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.2"');
  assert.equal(at(['launchNetwork']).text, '"name"');
});

test('CloudFormation YAML: the same members under CloudFormation spellings (unit)', () => {
  const doc = ls.parse('file:///w/stack.yaml', yaml);
  const found = taskDefsOfFamily([doc], 'web');
  assert.equal(found.length, 1);
  const mem = locateMember(found[0].td, ['memory'], { container: 'app' });
  assert.equal(textAt(yaml, mem!.span), '512');
  const secret = locateMember(found[0].td, ['secret'], { container: 'app', quoted: SECRET });
  assert.equal(textAt(yaml, secret!.span), SECRET);
});

test('families from task-definition ARNs and family:revision (unit)', () => {
  assert.equal(familyOf('arn:aws:ecs:us-east-1:123456789012:task-definition/web:7'), 'web');
  assert.equal(familyOf('web:7'), 'web');
  assert.equal(familyOf('web'), 'web');
});
