/**
 * `fargate-lens diff` against moto_server: register a file's task definition, describe it back, and
 * the normalised diff is empty; change one field and exactly that field differs. Also the code paths
 * of --revision, the exit statuses and the JSON shape.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegisterTaskDefinitionCommand, type RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { cliAccount } from './cliRun';

const file = {
  family: 'difftest',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      portMappings: [{ containerPort: 80 }],
      environment: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
      secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/token' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' },
      },
    },
    { name: 'sidecar', image: 'busybox', essential: false, command: ['sleep', '3600'] },
  ],
  tags: [{ key: 'team', value: 'payments' }],
};

describe('fargate-lens diff against moto_server (integration)', () => {
  const account = cliAccount('fl-diff-');
  const cli = (argv: string[]) => account.cli('diff', argv);
  const write = (name: string, value: unknown): string => account.write(name, value);

  it('register → describe → the normalised diff is empty (exit 0)', async () => {
    await account.ecs.send(new RegisterTaskDefinitionCommand(file as RegisterTaskDefinitionCommandInput));
    const r = await cli([write('td.json', file), '--format', 'json']);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { family: 'difftest', revision: 1, differences: [], notCompared: [] });
    const text = await cli(['td.json']);
    assert.equal(text.code, 0);
    assert.match(text.out, /td\.json \(us-east-1\) matches difftest:1/);
  });

  it('one field changed in the file → exactly that field differs (exit 1), keyed by container name', async () => {
    const changed = structuredClone(file);
    changed.containerDefinitions[0].environment![1].value = '9';
    const r = await cli([write('changed.json', changed), '--format', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out).differences, [
      { path: 'containerDefinitions[name=web].environment[name=A].value', registered: '1', file: '9' },
    ]);
  });

  it('a new revision with one field changed, compared with --revision FAMILY:1 and with the latest', async () => {
    const v2 = structuredClone(file);
    (v2.containerDefinitions[1] as Record<string, unknown>).memory = 64;
    await account.ecs.send(new RegisterTaskDefinitionCommand(v2 as RegisterTaskDefinitionCommandInput));
    const latest = await cli(['td.json', '--format', 'json']);
    assert.equal(latest.code, 1);
    assert.deepEqual(JSON.parse(latest.out), {
      family: 'difftest',
      revision: 2,
      differences: [{ path: 'containerDefinitions[name=sidecar].memory', registered: 64, file: null }],
      notCompared: [],
    });
    const first = await cli(['td.json', '--revision', 'difftest:1', '--format', 'json']);
    assert.equal(first.code, 0, first.err);
    assert.equal(JSON.parse(first.out).revision, 1);
  });

  it('a CloudFormation template (YAML) compares under API names; placeholders are listed, not compared', async () => {
    const yaml = [
      'Resources:',
      '  Td:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      Family: difftest',
      '      NetworkMode: awsvpc',
      '      RequiresCompatibilities: [FARGATE]',
      '      Cpu: 256',
      '      Memory: 512',
      '      ExecutionRoleArn: !GetAtt ExecRole.Arn',
      '      ContainerDefinitions:',
      '        - Name: web',
      '          Image: nginx:1.27',
      '          PortMappings: [{ ContainerPort: 80 }]',
      '          Environment: [{ Name: A, Value: "1" }, { Name: B, Value: 2 }]',
      '          Secrets: [{ Name: TOKEN, ValueFrom: "arn:aws:ssm:us-east-1:123456789012:parameter/token" }]',
      '          LogConfiguration:',
      '            LogDriver: awslogs',
      '            Options: { awslogs-group: /ecs/web, awslogs-region: us-east-1, awslogs-stream-prefix: web }',
      '        - Name: sidecar',
      '          Image: busybox',
      '          Essential: false',
      '          Command: [sleep, "3600"]',
      '      Tags: [{ Key: team, Value: payments }]',
    ].join('\n');
    const r = await cli([write('stack.yaml', yaml), '--revision', 'difftest:1', '--format', 'json']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(JSON.parse(r.out).notCompared, [
      { path: 'executionRoleArn', registered: 'arn:aws:iam::123456789012:role/exec', file: '!GetAtt ExecRole.Arn' },
    ]);
  });

  it('exit 2 with the reason: unknown family, unreadable file, bad --revision, bad --format', async () => {
    const unknown = await cli([write('other.json', { ...file, family: 'never-registered' })]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no ACTIVE revision of 'never-registered'/);
    const missing = await cli(['nope.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read nope\.json: ENOENT/);
    const bad = await cli(['td.json', '--revision', 'a b']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--revision must be/);
    const fmt = await cli(['td.json', '--format', 'sarif']);
    assert.equal(fmt.code, 2);
    const none = await cli([write('none.json', { hello: 1 })]);
    assert.equal(none.code, 2);
    assert.match(none.err, /holds no task definition/);
  });
});
