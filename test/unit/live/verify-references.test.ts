import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { extractReferences } from '../../../server/src/service/verify/references';
import { anchoredFindings } from '../../../server/src/service/liveFindings';
import { fargateTaskDef } from '../helpers';

const parse = (uri: string, text: string) => getLanguageService().parse(uri, text);

test('references of a task definition, each anchored at its member (unit)', () => {
  const text = JSON.stringify(
    fargateTaskDef(
      { taskRoleArn: 'arn:aws:iam::123456789012:role/app', runtimePlatform: { cpuArchitecture: 'ARM64' } },
      {
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.4.1',
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }],
      },
    ),
    null,
    2,
  );
  const doc = parse('file:///ws/td.json', text);
  const refs = extractReferences(doc);
  const kinds = refs.map((r) => `${r.kind}:${r.anchor.path}`);
  assert.deepEqual(kinds.sort(), [
    'image:containerDefinitions[name=app].image',
    'logGroup:containerDefinitions[name=app].logConfiguration.options.awslogs-group',
    'role:executionRoleArn',
    'role:taskRoleArn',
    'secret:containerDefinitions[name=app].secrets[name=DB].valueFrom',
  ]);
  const image = refs.find((r) => r.kind === 'image');
  assert.ok(image?.kind === 'image');
  assert.deepEqual(image.platform, { cpuArchitecture: 'ARM64', os: 'LINUX', stated: true });
  const secret = refs.find((r) => r.kind === 'secret');
  assert.ok(secret?.kind === 'secret');
  assert.equal(secret.executionRole, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
  // Every anchor resolves back to its own value in the document.
  for (const r of refs) {
    const [f] = anchoredFindings(doc, [{ ruleId: 'live/not-checked', message: 'x', anchor: r.anchor }]);
    assert.ok(f, r.anchor.path);
    assert.equal(JSON.parse(text.slice(f.span.offset, f.span.offset + f.span.length)), r.value);
  }
});

test('references of a service input and of a CloudFormation template; unknown values are skipped (unit)', () => {
  const service = JSON.stringify({
    cluster: 'main',
    serviceName: 'web',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'] } },
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1',
        containerName: 'app',
        containerPort: 80,
      },
    ],
  });
  const refs = extractReferences(parse('file:///ws/service.json', service));
  assert.deepEqual(
    refs.map((r) => `${r.kind}:${r.value}`),
    [
      'subnet:subnet-1',
      'subnet:subnet-2',
      'securityGroup:sg-1',
      `targetGroup:arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1`,
    ],
  );
  const cfn = [
    'Resources:',
    '  TaskDef:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: web',
    '      ExecutionRoleArn: !GetAtt ExecRole.Arn',
    '      ContainerDefinitions:',
    '        - Name: app',
    '          Image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0',
    '          LogConfiguration:',
    '            LogDriver: awslogs',
    '            Options:',
    '              awslogs-group: !Ref LogGroup',
    '',
  ].join('\n');
  const doc = parse('file:///ws/stack.yaml', cfn);
  const cfnRefs = extractReferences(doc);
  assert.deepEqual(
    cfnRefs.map((r) => r.kind),
    ['image'],
  );
  const [f] = anchoredFindings(doc, [{ ruleId: 'live/image-not-found', message: 'x', anchor: cfnRefs[0].anchor }]);
  assert.equal(
    cfn.slice(f.span.offset, f.span.offset + f.span.length),
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0',
  );
});
