/**
 * Who reads a file decides what its loose values mean: empty enum strings, nulls, numbers written as
 * strings and describe-only members, reported once at the severity the reader deserves. Fixtures are
 * shaped like the real files they come from (named per test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import type { Diagnostic } from '../../../server/src/service/types';

interface F {
  uri: string;
  text: string;
}

async function lintAll(main: F, others: F[] = []): Promise<Diagnostic[]> {
  const ls = getLanguageService();
  for (const f of [...others, main]) ls.index.set(ls.parse(f.uri, f.text));
  return ls.validateAll(ls.parse(main.uri, main.text));
}

const at = (text: string, d: Diagnostic) => text.slice(d.span.offset, d.span.offset + d.span.length);
const onValue = (diags: Diagnostic[], text: string, value: string) =>
  diags.filter((d) => at(text, d) === value || at(text, d).includes(value));

/** The shape `ecspresso init` writes (kayac/ecspresso; e.g. ijin/ecs-parallel ecs-task-def.json). */
const ecspressoTaskDef = JSON.stringify(
  {
    containerDefinitions: [
      {
        name: 'app',
        image: 'nginx:1.27',
        essential: true,
        portMappings: [{ appProtocol: '', containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      },
    ],
    cpu: '256',
    memory: '512',
    family: 'app',
    ipcMode: '',
    pidMode: '',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  },
  null,
  2,
);

test('empty enum strings: one finding per value, never two errors; unknown reader -> warning naming both sides (unit)', async () => {
  const uri = 'file:///ws/task-def.json';
  const diags = await lintAll({ uri, text: ecspressoTaskDef });
  for (const key of ['ipcMode', 'pidMode', 'appProtocol']) {
    const i = ecspressoTaskDef.indexOf(`"${key}": ""`);
    const mine = diags.filter((d) => d.span.offset >= i && d.span.offset < i + key.length + 6);
    assert.equal(mine.length, 1, `${key}: ${mine.map((d) => d.ruleId + ' ' + d.message).join(' | ')}`);
    assert.equal(mine[0].ruleId, 'schema/empty-optional');
    assert.equal(mine[0].severity, 'warning');
    assert.match(mine[0].message, /AWS CLI sends it/);
    assert.match(mine[0].message, /ecspresso/);
  }
  assert.equal(diags.filter((d) => d.severity === 'error').length, 0, JSON.stringify(diags.map((d) => d.message)));
});

test('empty enum strings in an ecspresso file (by name) are hints: the Go SDK never sends them (unit)', async () => {
  const diags = await lintAll({ uri: 'file:///ws/ecs-task-def.json', text: ecspressoTaskDef });
  const empties = diags.filter((d) => d.ruleId === 'schema/empty-optional');
  assert.equal(empties.length, 3);
  assert.ok(empties.every((d) => d.severity === 'hint' && /ecspresso/.test(d.message)));
  assert.equal(diags.filter((d) => d.severity === 'error').length, 0);
});

test('an ecspresso.yml naming the file makes ecspresso its reader, whatever the file is called (unit)', async () => {
  const diags = await lintAll({ uri: 'file:///ws/deploy/td.json', text: ecspressoTaskDef }, [
    {
      uri: 'file:///ws/deploy/ecspresso.yml',
      text: 'region: ap-northeast-1\ncluster: default\nservice: app\ntask_definition: td.json\n',
    },
  ]);
  const empties = diags.filter((d) => d.ruleId === 'schema/empty-optional');
  assert.equal(empties.length, 3);
  assert.ok(empties.every((d) => d.severity === 'hint' && /ecspresso task_definition/.test(d.message)));
});

test('a workflow running aws ecs register-task-definition --cli-input-json on the file makes the empties errors (unit)', async () => {
  const workflow = [
    'on: push',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: aws ecs register-task-definition --cli-input-json file://ecs/td.json',
    '',
  ].join('\n');
  const diags = await lintAll({ uri: 'file:///ws/ecs/td.json', text: ecspressoTaskDef }, [
    { uri: 'file:///ws/.github/workflows/deploy.yml', text: workflow },
  ]);
  const empties = diags.filter((d) => d.ruleId === 'schema/empty-optional');
  assert.equal(empties.length, 3);
  assert.ok(empties.every((d) => d.severity === 'error' && /AWS CLI/.test(d.message)));
});

test('null members: hint for ecspresso, error when the AWS CLI reads the file, warning otherwise (unit)', async () => {
  const text = JSON.stringify({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'nginx', essential: true, memory: 512, secretOptions: null }],
    taskRoleArn: null,
  });
  const unknown = (await lintAll({ uri: 'file:///ws/td.json', text })).filter((d) => /is null/.test(d.message));
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].severity, 'warning');
  const eco = (await lintAll({ uri: 'file:///ws/ecs-task-def.json', text })).filter((d) => /is null/.test(d.message));
  assert.equal(eco[0].severity, 'hint');
  assert.match(eco[0].message, /drops null/);
});

test('ecspresso service definitions: describe-only members are hints, not unknown-property errors (unit)', async () => {
  // Shape of `ecspresso init` output (e.g. darai0512/terraform-ecspresso-skeleton api.service.json).
  const text = JSON.stringify(
    {
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      desiredCount: 1,
      launchType: 'FARGATE',
      pendingCount: 0,
      platformFamily: 'Linux',
      runningCount: 0,
      schedulingStrategy: 'REPLICA',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], assignPublicIp: 'DISABLED' },
      },
    },
    null,
    2,
  );
  const eco = await lintAll({ uri: 'file:///ws/ecs-service-def.json', text });
  assert.equal(eco.filter((d) => d.severity === 'error').length, 0, JSON.stringify(eco.map((d) => d.message)));
  assert.ok(eco.filter((d) => d.ruleId === 'schema/unknown-property').every((d) => d.severity === 'hint'));
  const plain = await lintAll({ uri: 'file:///ws/service.json', text });
  const describeOnly = plain.filter((d) => d.ruleId === 'schema/unknown-property');
  assert.equal(describeOnly.length, 3);
  assert.ok(describeOnly.every((d) => d.severity === 'warning' && /Unknown parameter/.test(d.message)));
});

test('numbers written as strings: error for ecspresso (encoding/json rejects them), warning for an unknown reader (unit)', async () => {
  const text = JSON.stringify({
    family: 'web',
    containerDefinitions: [
      { name: 'web', image: 'nginx', essential: true, memory: 512, portMappings: [{ containerPort: '80' }] },
    ],
  });
  const plain = onValue(await lintAll({ uri: 'file:///ws/td.json', text }), text, '"80"');
  assert.equal(plain.length, 1);
  assert.equal(plain[0].severity, 'warning');
  const eco = onValue(await lintAll({ uri: 'file:///ws/ecs-task-def.json', text }), text, '"80"');
  assert.equal(eco.length, 1);
  assert.equal(eco[0].severity, 'error');
});

test('a YAML task definition (PipeCD taskdef.yaml) gets no error for pidMode: "" (unit)', async () => {
  // Shape of pipe-cd/pipecd examples/ecs/simple/taskdef.yaml.
  const text = [
    'family: nginx-service-fam',
    'executionRoleArn: arn:aws:iam::012345678910:role/ecsTaskExecutionRole',
    'containerDefinitions:',
    '  - command: []',
    '    cpu: 100',
    '    essential: true',
    '    image: gcr.io/pipecd/helloworld:v0.1.0',
    '    memory: 100',
    '    name: web',
    '    portMappings:',
    '      - containerPort: 80',
    '        hostPort: 80',
    '        protocol: tcp',
    'requiresCompatibilities:',
    '  - FARGATE',
    'networkMode: awsvpc',
    'memory: 512',
    'cpu: 256',
    'pidMode: ""',
    '',
  ].join('\n');
  const diags = await lintAll({ uri: 'file:///ws/app/taskdef.yaml', text }, [
    {
      uri: 'file:///ws/app/app.pipecd.yaml',
      text: 'apiVersion: pipecd.dev/v1beta1\nkind: ECSApp\nspec:\n  name: simple\n',
    },
  ]);
  assert.equal(diags.filter((d) => d.severity === 'error').length, 0, JSON.stringify(diags.map((d) => d.message)));
});
