/**
 * JSON as AWS reads it and one root cause, one error: duplicate keys are read last-wins and reported
 * once; an invalid network mode is one error, not a cascade; template files, task-set inputs and prose
 * placeholders of real repositories are not judged as files they are not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../server/src/service/languageService';
import { applyEdits } from '../../../server/src/service/documents/edits';
import type { Diagnostic } from '../../../server/src/service/types';

async function lintAll(uri: string, text: string): Promise<Diagnostic[]> {
  const ls = getLanguageService();
  const doc = ls.parse(uri, text);
  ls.index.set(doc);
  return ls.validateAll(doc);
}

test('duplicate keys: the last value is the one checked, the earlier one is a warning with a removal fix (unit)', async () => {
  // A Fargate task definition whose networkMode was edited by appending instead of replacing.
  const text = `{
  "family": "web",
  "networkMode": "bridge",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "networkMode": "awsvpc",
  "containerDefinitions": [{ "name": "web", "image": "nginx:1.27", "essential": true }]
}`;
  const diags = await lintAll('file:///ws/td.json', text);
  assert.ok(!diags.some((d) => d.ruleId === 'fargate/network-mode-awsvpc'), 'the last networkMode (awsvpc) is read');
  const dup = diags.filter((d) => d.ruleId === 'json/duplicate-key');
  assert.equal(dup.length, 1);
  assert.equal(dup[0].severity, 'warning');
  assert.equal(dup[0].span.offset, text.indexOf('"networkMode"'));
  assert.match(dup[0].message, /line 7.*last value/);
  const fixed = applyEdits(text, dup[0].fixes![0].edits);
  assert.equal(JSON.parse(fixed).networkMode, 'awsvpc');
  assert.equal((fixed.match(/networkMode/g) ?? []).length, 1);
});

test("networkMode 'default': one error (the enum), no follow-on errors from rules that depend on the mode (unit)", async () => {
  // Shape of aws-observability/aws-otel-collector examples/ecs/aws-prometheus/ecs-ec2-task-def.json.
  const text = JSON.stringify(
    {
      family: 'prom',
      networkMode: 'default',
      requiresCompatibilities: ['EC2', 'FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'collector', image: 'amazon/aws-otel-collector', essential: true, links: ['app'] },
        { name: 'app', image: 'nginx', essential: false, portMappings: [{ containerPort: 80, hostPort: 8080 }] },
      ],
    },
    null,
    2,
  );
  const errors = (await lintAll('file:///ws/td.json', text)).filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => d.ruleId),
    ['task/network-mode-enum'],
    JSON.stringify(errors.map((d) => d.message)),
  );
});

test('a Go-templated CloudFormation file (Copilot cf.yml) is one file/templated note, not a flood of syntax errors (unit)', async () => {
  // Shape of aws/copilot-cli internal/pkg/template/templates/workloads/services/backend/cf.yml.
  const text = [
    'AWSTemplateFormatVersion: 2010-09-09',
    'Description: CloudFormation template that represents a backend service on Amazon ECS.',
    'Parameters:',
    '  AppName:',
    '    Type: String',
    '{{- if .Variables}}',
    '  {{- range $name, $value := .Variables}}',
    '  {{$name}}: {{$value}}',
    '  {{- end}}',
    '{{- end}}',
    'Resources:',
    '  TaskDefinition:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: !Join ["", [!Ref AppName, "-", !Ref EnvName]]',
    '      ContainerDefinitions:',
    '        - Name: {{.WorkloadName}}',
    '          Image: {{ .Image }}',
    '',
  ].join('\n');
  const diags = await lintAll('file:///ws/cf.yml', text);
  assert.deepEqual(
    diags.map((d) => d.ruleId),
    ['file/templated'],
  );
  assert.equal(diags[0].severity, 'info');
});

test('a Jinja-rendered CloudFormation file (AWS Proton) whose expressions break YAML is one file/templated note (unit)', async () => {
  // Shape of aws-samples/aws-proton-cloudformation-sample-templates
  // loadbalanced-fargate-svc/.../instance_infrastructure/cloudformation.yaml: no directive line, but a
  // Jinja filter with single quotes inside a single-quoted scalar, valid only once Proton renders it.
  const text = [
    'AWSTemplateFormatVersion: 2010-09-09',
    'Resources:',
    '  TargetGroup:',
    '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
    '    Properties:',
    "      HealthCheckPath: '{{ service_instance.inputs.health_check_path }}'",
    "      Name: '{{(service.name~\"--\"~service_instance.name)|truncate(29, true, 'zzz', 0)}}'",
    "      Port: '{{service_instance.inputs.port}}'",
    '  TaskDefinition:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    "      Cpu: '{{service_instance.inputs.task_size}}'",
    '      ContainerDefinitions:',
    "        - Name: '{{service_instance.name}}'",
    "          Image: '{{service_instance.inputs.image}}'",
    '',
  ].join('\n');
  const diags = await lintAll('file:///ws/instance_infrastructure/cloudformation.yaml', text);
  assert.deepEqual(
    diags.map((d) => d.ruleId),
    ['file/templated'],
  );
  assert.equal(diags[0].severity, 'info');
  assert.equal(
    text.slice(0, diags[0].span.offset).split('\n').length,
    7,
    'points at the expression on the line the syntax error names',
  );
});

test('a plain YAML syntax error with no template expression near it stays an error (unit)', async () => {
  const text = "AWSTemplateFormatVersion: 2010-09-09\nDescription: '{{ fine }}'\nResources:\n  A: [1, 2\n";
  const diags = await lintAll('file:///ws/t.yaml', text);
  assert.ok(
    diags.some((d) => d.ruleId === 'yaml/syntax' && d.severity === 'error'),
    JSON.stringify(diags),
  );
});

test('a create-task-set input (scale, externalId) is not read as a create-service input (unit)', async () => {
  // Shape of aws-samples/ecs-bg-external-controller infrastructure/TaskSet.template.json.
  const text = JSON.stringify({
    taskDefinition: 'web:3',
    launchType: 'FARGATE',
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/1',
        containerName: 'web',
        containerPort: 80,
      },
    ],
    scale: { value: 100, unit: 'PERCENT' },
  });
  assert.deepEqual(await lintAll('file:///ws/TaskSet.json', text), []);
});

test('an ecspresso.yml (cluster, service, task_definition) is not read as an update-service input (unit)', async () => {
  const text =
    'region: ap-northeast-1\ncluster: default\nservice: web\ntask_definition: ecs-task-def.json\ntimeout: 10m\n';
  assert.deepEqual(await lintAll('file:///ws/ecspresso.yml', text), []);
});

test('prose placeholders of sample files are template values, not malformed images (unit)', async () => {
  // aws/aws-for-fluent-bit troubleshooting/tutorials/cloud-firelens-crash-repro-template/task-def-template.json and
  // aws-samples/amazon-ecs-firelens-under-the-hood fluent-bit-log-pipeline/task-definition.json.
  const text = JSON.stringify({
    family: 'firelens-repro-{INSERT ticket/issue ID}',
    containerDefinitions: [
      { name: 'log_router', image: '{INSERT core dump build image}', essential: true, memory: 512 },
      { name: 'app', image: '<image of any app that sends logs to stdout', essential: true, memory: 512 },
    ],
  });
  const errors = (await lintAll('file:///ws/td.json', text)).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, []);
});

test('CloudFormation keys that differ only in case are warnings; API spellings CloudFormation names differently stay errors (unit)', async () => {
  // Shape of aws-samples/amazon-cloudwatch-container-insights redis-traffic-sample.yaml (an AWS sample that deploys).
  const text = [
    'Resources:',
    '  TaskDef:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: redis',
    '      ContainerDefinitions:',
    '        - Name: redis',
    '          Image: redis:6.0.8-alpine3.12',
    '          portMappings:',
    '            - containerPort: 6379',
    '      Volumes:',
    '        - Name: data',
    '          EFSVolumeConfiguration:',
    '            FileSystemId: fs-12345678',
    '',
  ].join('\n');
  const diags = (await lintAll('file:///ws/redis.yaml', text)).filter((d) => d.ruleId === 'cfn/property-spelling');
  const sev = (key: string) =>
    diags.find((d) => text.slice(d.span.offset, d.span.offset + d.span.length) === key)?.severity;
  assert.equal(sev('portMappings'), 'warning');
  assert.equal(sev('containerPort'), 'warning');
  assert.equal(sev('FileSystemId'), 'error');
});

test('awslogs without awslogs-region: a warning on EC2 (Docker uses the instance Region), an error on Fargate (unit)', async () => {
  const td = (compat: string) =>
    JSON.stringify({
      family: 'web',
      requiresCompatibilities: [compat],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx',
          essential: true,
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'web' },
          },
        },
      ],
    });
  const ec2 = (await lintAll('file:///ws/td.json', td('EC2'))).filter((d) => d.ruleId === 'log/awslogs-required-opts');
  assert.equal(ec2.length, 1);
  assert.equal(ec2[0].severity, 'warning');
  const fargate = (await lintAll('file:///ws/td.json', td('FARGATE'))).filter(
    (d) => d.ruleId === 'log/awslogs-required-opts',
  );
  assert.equal(fargate[0].severity, 'error');
});
