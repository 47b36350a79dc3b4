import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, only, textAt } from '../helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cfn');

/** A Fargate template around one task definition's Properties (YAML, indented under Properties). */
function template(props: string, head = '', extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
${head}
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      ExecutionRoleArn: arn:aws:iam::123456789012:role/exec
${props}
${extra}`;
}

const CONTAINER = `      ContainerDefinitions:
        - Name: app
          Image: nginx
          Essential: true`;

for (const file of ['eval-env-mapping.yaml', 'eval-env-mapping.json']) {
  test(`${file}: FindInMap rows and Fn::If branches are judged per parameter value, and say which (unit)`, () => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const diags = lint(text, `file:///ws/${file}`);
    const errors = diags.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => d.ruleId).sort(), ['fargate/cpu-memory-combo', 'log/fargate-driver']);
    for (const e of errors) assert.match(e.message, /^When parameter Env is 'prod': /);
    const combo = only(diags, 'fargate/cpu-memory-combo')[0];
    assert.match(combo.message, /cpu 1024 \(value of mapping EnvSize\) with memory '1000'/);
    assert.match(textAt(text, combo), /FindInMap/);
    assert.equal(textAt(text, only(diags, 'log/fargate-driver')[0]), file.endsWith('json') ? '"syslog"' : 'syslog');
  });
}

test('Fn::Join and Fn::Sub of known parts are that literal (unit)', () => {
  const joined = template(`      Cpu: !Join ['', ['10', '00']]\n      Memory: '2048'\n${CONTAINER}`);
  const cpu = only(lint(joined, 'file:///ws/t.yaml'), 'fargate/cpu-memory-combo');
  assert.equal(cpu.length, 1);
  assert.match(cpu[0].message, /Task cpu '1000' is not a Fargate size/);
  assert.equal(textAt(joined, cpu[0]), "!Join ['', ['10', '00']]");

  const subbed = template(
    `      Family: !Sub 'web \${Suffix}'\n      Cpu: '256'\n      Memory: '512'\n${CONTAINER}`,
    'Parameters:\n  Suffix:\n    Type: String\n    Default: blue',
  );
  const family = only(lint(subbed, 'file:///ws/t.yaml'), 'task/family-required');
  assert.equal(family.length, 1);
  assert.match(family[0].message, /'web blue' \(value of parameter Suffix\)/);
});

test('a Sub or Join with a part unknown offline stays unknown and keeps its literal parts (unit)', async () => {
  const text = template(
    `      Family: !Join ['-', [!Ref 'AWS::StackName', web]]\n      TaskRoleArn: !Sub 'arn:aws:iam::\${AWS::AccountId}:role/\${RoleName}'\n      Cpu: !ImportValue shared-cpu\n      Memory: !GetAtt Sizes.Memory\n${CONTAINER}`,
  );
  const diags = lint(text, 'file:///ws/t.yaml');
  assert.deepEqual(
    diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.ruleId),
    [],
  );
  const { parseDocument } = await import('../../../server/src/service/shapes/document');
  const { child } = await import('../../../server/src/service/documents/ast');
  const doc = parseDocument('file:///ws/t.yaml', text);
  const role = child(doc.taskDefs[0].root, 'taskRoleArn')!;
  assert.equal(role.unknown, 'intrinsic');
  assert.deepEqual(role.parts, ['arn:aws:iam::', undefined, ':role/', undefined, '']);
  assert.deepEqual(child(doc.taskDefs[0].root, 'family')!.parts, [undefined, '-', 'web']);
});

test('FindInMap keyed by AWS::Region checks every row and names the region (unit)', () => {
  const text = template(
    `      Cpu: '256'\n      Memory: '512'\n      EphemeralStorage:\n        SizeInGiB: !FindInMap [RegionDisk, !Ref 'AWS::Region', Size]\n${CONTAINER}`,
    'Mappings:\n  RegionDisk:\n    us-east-1: { Size: 30 }\n    eu-west-1: { Size: 10 }',
  );
  const found = only(lint(text, 'file:///ws/t.yaml'), 'task/ephemeral-storage-range');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /sizeInGiB 10 \(value of mapping RegionDisk for region 'eu-west-1'\)/);
});

test("an opaque condition's branches are named; both are checked (unit)", () => {
  const text = template(
    `      Cpu: !If [UseBig, '4096', '300']\n      Memory: !If [UseBig, '8192', '512']\n${CONTAINER}`,
    "Conditions:\n  UseBig: !Equals [!Ref 'AWS::Region', us-east-1]",
  );
  const found = only(lint(text, 'file:///ws/t.yaml'), 'fargate/cpu-memory-combo');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^In the false branch of UseBig: .*cpu '300'/);
});

test('correlated conditions never pair values from impossible combinations (unit)', () => {
  const text = template(
    `      Cpu: !If [IsProd, '1024', '256']\n      Memory: !If [IsNotProd, '512', '2048']\n${CONTAINER}`,
    'Parameters:\n  Env:\n    Type: String\n    Default: dev\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  IsNotProd: !Not [!Condition IsProd]',
  );
  assert.deepEqual(only(lint(text, 'file:///ws/t.yaml'), 'fargate/cpu-memory-combo'), []);
});

test('AWS::NoValue removes the member in its branch; the finding says which branch (unit)', () => {
  const text = template(
    `      Cpu: '256'\n      Memory: '512'\n${CONTAINER}`,
    "Conditions:\n  Awsvpc: !Equals [!Ref 'AWS::Region', us-east-1]",
  ).replace('NetworkMode: awsvpc', '      NetworkMode: !If [Awsvpc, awsvpc, !Ref AWS::NoValue]'.trim());
  const found = only(lint(text, 'file:///ws/t.yaml'), 'fargate/network-mode-awsvpc');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^In the false branch of Awsvpc: /);
});

test("a resource's own Condition leaves it out where the condition is false (unit)", () => {
  const text = template(
    `      Cpu: '256'\n      Memory: '512'\n${CONTAINER}`,
    'Parameters:\n  Launch:\n    Type: String\n    AllowedValues: [FARGATE, EC2]\nConditions:\n  OnFargate: !Equals [!Ref Launch, FARGATE]',
    `  DaemonService:
    Type: AWS::ECS::Service
    Condition: OnFargate
    Properties:
      LaunchType: FARGATE
      TaskDefinition: !Ref Task
      SchedulingStrategy: DAEMON
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1] } }
`,
  );
  const found = only(lint(text, 'file:///ws/t.yaml'), 'service/scheduling-strategy');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^When parameter Launch is 'FARGATE': /);
});

test('unknown CloudFormation properties are reported with a suggestion, in YAML and JSON templates (unit)', () => {
  const yaml = template(
    `      Cpu: '256'\n      Memory: '512'\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          Essentials: true\n          PortMapings: [{ ContainerPort: 80 }]`,
    '',
    `  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      DesiredCounts: 2
      ForceNewDeployment: { EnableForceNewDeployment: true }
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1], AssignPublicIp: ENABLED } }
`,
  );
  const diags = lint(yaml, 'file:///ws/t.yaml');
  const td = only(diags, 'cfn/property-spelling').map((d) => textAt(yaml, d));
  assert.deepEqual(td, ['Essentials', 'PortMapings']);
  assert.match(only(diags, 'cfn/property-spelling')[0].message, /did you mean 'Essential'/);
  const svc = only(diags, 'cfn/launch-property-spelling');
  assert.deepEqual(
    svc.map((d) => textAt(yaml, d)),
    ['DesiredCounts'],
  );
  const json = JSON.stringify({
    Resources: {
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { Family: 'x', Cpu: '256', ContainerDefinitions: [{ Name: 'a', Image: 'b', Memroy: 512 }] },
      },
    },
  });
  const jd = only(lint(json, 'file:///ws/t.json'), 'cfn/property-spelling');
  assert.equal(jd.length, 1);
  assert.match(jd[0].message, /'Memroy' is not a property.*did you mean 'Memory'/);
});

test("a Sub's literal parts are checked where they are known: a secret ARN's JSON-key fields (unit)", () => {
  const file = 'eval-sub-secret-arn.yaml';
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  const found = only(lint(text, `file:///ws/${file}`), 'secret/sm-suffix-colons');
  assert.equal(found.length, 1);
  assert.match(textAt(text, found[0]), /-db:password'$/);
  assert.match(found[0].message, /DB_PASSWORD.*literal end of this expression has 1 \('password'\)/);
});

test("a parameter defaulting to '' that allows any value is left to the deployer, not judged as '' (unit)", () => {
  // Shape of aws-quickstart/quickstart-mongodb-atlas-mean-stack-aws-fargate-integration
  // templates/mongodb-atlas-mean-stack.template.yaml: image URIs the stack's user fills in.
  const head = `Parameters:
  ClientImage:
    Type: String
    Default: ""
  Size:
    Type: String
    Default: ""
    AllowedValues: ["", "256"]`;
  const text = template(
    `      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: app
          Image: !Ref ClientImage
          Essential: true`,
    head,
  );
  assert.deepEqual(
    lint(text, 'file:///ws/t.yaml').filter((d) => d.severity === 'error'),
    [],
  );
  // An explicit '' among AllowedValues is a value the stack can take, and is still judged.
  const listed = template(
    `      Cpu: 256
      Memory: 512
      ContainerDefinitions:
        - Name: app
          Image: !Ref Size
          Essential: true`,
    head,
  );
  assert.deepEqual(
    only(lint(listed, 'file:///ws/t.yaml'), 'ctr/image').map((d) => d.severity),
    ['error'],
  );
});
