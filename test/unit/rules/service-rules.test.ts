import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const TD = { uri: 'file:///ws/td.json', text: json(fargateTaskDef()) };
const svc = (patch: Record<string, unknown> = {}) =>
  json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web:3',
    launchType: 'FARGATE',
    desiredCount: 1,
    ...patch,
  });
const lintSvc = (text: string, td = TD) => lintWith({ uri: 'file:///ws/svc.json', text }, [td]);
const NET = {
  awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] },
};

test('fargate/network-config-required flags a service without networkConfiguration, related to networkMode (unit)', () => {
  const text = svc();
  const found = only(lintSvc(text), 'fargate/network-config-required');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(textAt(text, found[0]), '"web:3"');
  assert.match(found[0].message, /Network Configuration must be provided when networkMode 'awsvpc' is specified\./);
  assert.equal(found[0].related?.[0].uri, TD.uri);
  assert.equal(
    TD.text.slice(found[0].related[0].span.offset, found[0].related[0].span.offset + found[0].related[0].span.length),
    '"awsvpc"',
  );
});

test('fargate/network-config-required skeleton fix re-validates clean; silent with subnets or bridge (unit)', () => {
  const text = svc();
  const d = only(lintSvc(text), 'fargate/network-config-required')[0];
  const fixed = applyEdits(text, d.fixes![0].edits);
  assert.equal(only(lintSvc(fixed), 'fargate/network-config-required').length, 0);
  assert.equal(only(lintSvc(svc({ networkConfiguration: NET })), 'fargate/network-config-required').length, 0);
  const bridge = {
    uri: TD.uri,
    text: json(fargateTaskDef({ networkMode: 'bridge', requiresCompatibilities: ['EC2'] })),
  };
  assert.equal(only(lintSvc(svc({ launchType: 'EC2' }), bridge), 'fargate/network-config-required').length, 0);
  assert.equal(
    only(lintSvc(json({ service: 'web', cluster: 'main', taskDefinition: 'web:3' })), 'fargate/network-config-required')
      .length,
    0,
  );
});

test('fargate/network-config-required flags empty subnets (unit)', () => {
  const text = svc({ networkConfiguration: { awsvpcConfiguration: { subnets: [] } } });
  const found = only(lintSvc(text), 'fargate/network-config-required');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '[]');
});

test('service/requires-compat flags FARGATE launch of an EC2-only bridge task definition (unit)', () => {
  const td = { uri: TD.uri, text: json(fargateTaskDef({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })) };
  const text = svc({ networkConfiguration: NET });
  const found = only(lintSvc(text, td), 'service/requires-compat');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(textAt(text, found[0]), '"FARGATE"');
  assert.match(found[0].message, /Task definition does not support launch_type FARGATE/);
  assert.equal(found[0].related?.[0].uri, TD.uri);
});

test('service/requires-compat is silent for FARGATE-compatible and derived-compatible task definitions (unit)', () => {
  assert.equal(only(lintSvc(svc({ networkConfiguration: NET })), 'service/requires-compat').length, 0);
  const derived = { uri: TD.uri, text: json({ ...fargateTaskDef(), requiresCompatibilities: undefined }) };
  assert.equal(only(lintSvc(svc({ networkConfiguration: NET }), derived), 'service/requires-compat').length, 0);
  const ec2 = { uri: TD.uri, text: json(fargateTaskDef({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })) };
  assert.equal(only(lintSvc(svc({ launchType: 'EC2' }), ec2), 'service/requires-compat').length, 0);
});

test('service/requires-compat via capacity provider; EC2-only awsvpc is a warning (unit)', () => {
  const td = { uri: TD.uri, text: json(fargateTaskDef({ requiresCompatibilities: ['EC2'] })) };
  const text = svc({
    launchType: undefined,
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    networkConfiguration: NET,
  });
  const found = only(lintSvc(text, td), 'service/requires-compat');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.equal(textAt(text, found[0]), '"FARGATE_SPOT"');
});

test('service/scheduling-strategy flags DAEMON on Fargate and fixes to REPLICA (unit)', () => {
  const text = svc({ schedulingStrategy: 'DAEMON', networkConfiguration: NET });
  const found = only(lintSvc(text), 'service/scheduling-strategy');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"DAEMON"');
  const fixed = applyEdits(text, found[0].fixes![0].edits);
  assert.equal(only(lintSvc(fixed), 'service/scheduling-strategy').length, 0);
  assert.equal(
    only(lintSvc(svc({ schedulingStrategy: 'REPLICA', networkConfiguration: NET })), 'service/scheduling-strategy')
      .length,
    0,
  );
  assert.equal(
    only(
      lintSvc(svc({ launchType: 'EC2', schedulingStrategy: 'DAEMON', networkConfiguration: NET })),
      'service/scheduling-strategy',
    ).length,
    0,
  );
});

test('service rules run on CloudFormation services (unit)', () => {
  const yaml = [
    'AWSTemplateFormatVersion: "2010-09-09"',
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
    '  Service:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      TaskDefinition: !Ref TaskDef',
    '      LaunchType: FARGATE',
    '      SchedulingStrategy: DAEMON',
    '',
  ].join('\n');
  const diags = lint(yaml, 'file:///ws/template.yaml');
  assert.equal(only(diags, 'fargate/network-config-required').length, 1);
  const sched = only(diags, 'service/scheduling-strategy');
  assert.equal(sched.length, 1);
  assert.equal(textAt(yaml, sched[0]), 'DAEMON');
  const fixed = applyFix(yaml, 'service/scheduling-strategy', undefined, 'file:///ws/template.yaml');
  assert.match(fixed, /SchedulingStrategy: REPLICA/);
});

test('fargate/network-config-required only warns when the family has awsvpc and bridge definitions (unit)', () => {
  const bridge = {
    uri: 'file:///ws/td-bridge.json',
    text: json(fargateTaskDef({ networkMode: 'bridge', requiresCompatibilities: ['EC2'] })),
  };
  const found = only(
    lintWith({ uri: 'file:///ws/svc.json', text: svc({ launchType: 'EC2' }) }, [TD, bridge]),
    'fargate/network-config-required',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
});
