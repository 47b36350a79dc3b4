import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, only, textAt } from '../helpers';

const URI = 'file:///ws/template.yaml';
const template = (hostPort: string, healthCheckPort: string, networkMode = '') =>
  [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: web',
    ...(networkMode ? [`      NetworkMode: ${networkMode}`] : []),
    '      ContainerDefinitions:',
    '        - Name: app',
    '          Image: nginx',
    '          Memory: 512',
    '          Essential: true',
    '          PortMappings:',
    `            - ContainerPort: 80${hostPort ? `\n              HostPort: ${hostPort}` : ''}`,
    '  TG:',
    '    Type: AWS::ElasticLoadBalancingV2::TargetGroup',
    '    Properties:',
    '      Port: 80',
    '      Protocol: HTTP',
    ...(healthCheckPort ? [`      HealthCheckPort: ${healthCheckPort}`] : []),
    '  Svc:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      TaskDefinition: !Ref Task',
    '      LoadBalancers:',
    '        - ContainerName: app',
    '          ContainerPort: 80',
    '          TargetGroupArn: !Ref TG',
    '',
  ].join('\n');

test('cfn/dynamic-port-health-check flags a fixed HealthCheckPort for HostPort 0, at the target group (unit)', () => {
  const text = template('0', "'80'");
  const found = only(lint(text, URI), 'cfn/dynamic-port-health-check');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), "'80'");
  assert.equal(found[0].severity, 'error');
  assert.match(found[0].message, /Target group 'TG'.*container 'app' port 80.*traffic-port/);
  assert.equal(found[0].related?.length, 2);
  const fixed = applyFix(text, 'cfn/dynamic-port-health-check', undefined, URI);
  assert.match(fixed, /HealthCheckPort: traffic-port\n/);
  assert.equal(only(lint(fixed, URI), 'cfn/dynamic-port-health-check').length, 0);
});

test('cfn/dynamic-port-health-check: no HostPort in bridge mode is dynamic too; awsvpc and traffic-port are fine (unit)', () => {
  assert.equal(only(lint(template('', "'80'"), URI), 'cfn/dynamic-port-health-check').length, 1);
  assert.equal(only(lint(template('', "'80'", 'awsvpc'), URI), 'cfn/dynamic-port-health-check').length, 0);
  assert.equal(only(lint(template('0', 'traffic-port'), URI), 'cfn/dynamic-port-health-check').length, 0);
  assert.equal(only(lint(template('0', ''), URI), 'cfn/dynamic-port-health-check').length, 0);
  assert.equal(only(lint(template('8080', "'8080'"), URI), 'cfn/dynamic-port-health-check').length, 0);
  assert.equal(only(lint(template('0', '!Ref HcPort'), URI), 'cfn/dynamic-port-health-check').length, 0);
});
