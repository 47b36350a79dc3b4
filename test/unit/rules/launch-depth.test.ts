import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const TD = { uri: 'file:///ws/td.json', text: json(fargateTaskDef()) };
const NET = {
  awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] },
};
const svc = (patch: Record<string, unknown> = {}) =>
  json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web:3',
    desiredCount: 2,
    networkConfiguration: NET,
    ...patch,
  });
const lintSvc = (text: string, td = TD, uri = 'file:///ws/svc.json') => lintWith({ uri, text }, [td]);

/** A CloudFormation template: the Fargate task definition of the helpers, and a service with `svc` Properties. */
function cfn(svcProps: string, td: Record<string, unknown> = fargateTaskDef()): string {
  const tdYaml = JSON.stringify({
    Family: td.family,
    RequiresCompatibilities: td.requiresCompatibilities,
    NetworkMode: td.networkMode,
    Cpu: td.cpu,
    Memory: td.memory,
    ExecutionRoleArn: td.executionRoleArn,
    RuntimePlatform: td.runtimePlatform ? { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } : undefined,
    ContainerDefinitions: [{ Name: 'app', Image: 'nginx', Essential: true, PortMappings: [{ ContainerPort: 80 }] }],
  });
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: ${tdYaml}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [subnet-1] } }
${svcProps}
`;
}

test('service/launch-type-and-capacity-provider: JSON service and run-task, with both fixes (unit)', () => {
  const text = svc({
    launchType: 'FARGATE',
    capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
  });
  const found = only(lintSvc(text), 'service/launch-type-and-capacity-provider');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(textAt(text, found[0]), '"launchType"');
  assert.match(found[0].message, /Specifying both a launch type and capacity provider strategy is not supported/);
  assert.deepEqual(
    found[0].fixes!.map((f) => f.title),
    ['Remove launchType', 'Remove capacityProviderStrategy'],
  );
  const fixed = applyEdits(text, found[0].fixes![0].edits);
  assert.equal(only(lintSvc(fixed), 'service/launch-type-and-capacity-provider').length, 0);
  // An empty strategy is no strategy.
  assert.equal(
    only(
      lintSvc(svc({ launchType: 'FARGATE', capacityProviderStrategy: [] })),
      'service/launch-type-and-capacity-provider',
    ).length,
    0,
  );
  const run = json({
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'EC2',
    capacityProviderStrategy: [{ capacityProvider: 'asg' }],
    networkConfiguration: NET,
  });
  assert.equal(
    only(lintSvc(run, TD, 'file:///ws/run-task.json'), 'service/launch-type-and-capacity-provider').length,
    1,
  );
});

test('service/launch-type-and-capacity-provider in a CloudFormation service (unit)', () => {
  const text = cfn(
    '      LaunchType: FARGATE\n      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE\n          Weight: 1',
  );
  const found = only(lint(text, 'file:///ws/t.yaml'), 'service/launch-type-and-capacity-provider');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), 'LaunchType');
});

test('service/fargate-spot-unsupported: Windows task definition on FARGATE_SPOT, JSON and CloudFormation (unit)', () => {
  const win = {
    uri: TD.uri,
    text: json(
      fargateTaskDef({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
      }),
    ),
  };
  const text = svc({
    capacityProviderStrategy: [
      { capacityProvider: 'FARGATE', weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3 },
    ],
  });
  const found = only(lintSvc(text, win), 'service/fargate-spot-unsupported');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"FARGATE_SPOT"');
  assert.equal(found[0].related?.[0].uri, TD.uri);
  assert.equal(win.text.slice(found[0].related[0].span.offset).startsWith('"runtimePlatform"'), true);
  assert.equal(only(lintSvc(text), 'service/fargate-spot-unsupported').length, 0, 'Linux runs on Spot');

  const t = cfn(
    '      CapacityProviderStrategy:\n        - CapacityProvider: FARGATE_SPOT',
    fargateTaskDef({ cpu: '1024', memory: '2048', runtimePlatform: {} }),
  );
  assert.equal(only(lint(t, 'file:///ws/t.yaml'), 'service/fargate-spot-unsupported').length, 1);
});

test('service/lb-container: unknown container, unmapped port, fixes; silent when right (unit)', () => {
  const lb = (containerName: string, containerPort: number) => ({
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/abc',
        containerName,
        containerPort,
      },
    ],
    launchType: 'FARGATE',
  });
  const badName = svc(lb('ap', 80));
  const n = only(lintSvc(badName), 'service/lb-container');
  assert.equal(n.length, 1);
  assert.match(n[0].message, /The container ap does not exist in the task definition\..*Did you mean 'app'/);
  assert.equal(only(lintSvc(applyEdits(badName, n[0].fixes![0].edits)), 'service/lb-container').length, 0);
  const badPort = svc(lb('app', 8080));
  const p = only(lintSvc(badPort), 'service/lb-container');
  assert.equal(p.length, 1);
  assert.equal(textAt(badPort, p[0]), '8080');
  assert.match(p[0].message, /did not have a container port 8080 defined/);
  assert.equal(only(lintSvc(svc(lb('app', 80))), 'service/lb-container').length, 0);

  const t = cfn(
    '      LaunchType: FARGATE\n      LoadBalancers:\n        - ContainerName: app\n          ContainerPort: !Ref Port\n          TargetGroupArn: !Ref TG',
  ).replace('Resources:', 'Parameters:\n  Port:\n    Type: Number\n    Default: 3000\nResources:');
  const c = only(lint(t, 'file:///ws/t.yaml'), 'service/lb-container');
  assert.equal(c.length, 1);
  assert.match(c[0].message, /container port 3000.*\(value of parameter Port\)/);
});

test('service/public-ip-launch-type: EC2 launch type and EC2 capacity providers; Fargate is fine (unit)', () => {
  const ec2Td = { uri: TD.uri, text: json(fargateTaskDef({ requiresCompatibilities: ['EC2'] })) };
  const net = { awsvpcConfiguration: { ...NET.awsvpcConfiguration, assignPublicIp: 'ENABLED' } };
  const text = svc({ launchType: 'EC2', networkConfiguration: net });
  const found = only(lintSvc(text, ec2Td), 'service/public-ip-launch-type');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"ENABLED"');
  assert.match(found[0].message, /Assign public IP is not supported for this launch type/);
  assert.equal(found[0].fixes![0].title, 'Set assignPublicIp to DISABLED');
  const asg = svc({ capacityProviderStrategy: [{ capacityProvider: 'my-asg-provider' }], networkConfiguration: net });
  assert.equal(only(lintSvc(asg, ec2Td), 'service/public-ip-launch-type').length, 1);
  assert.equal(
    only(lintSvc(svc({ launchType: 'FARGATE', networkConfiguration: net })), 'service/public-ip-launch-type').length,
    0,
  );
  const t = cfn('      LaunchType: EC2').replace('Subnets: [subnet-1]', 'Subnets: [subnet-1], AssignPublicIp: ENABLED');
  assert.equal(only(lint(t, 'file:///ws/t.yaml'), 'service/public-ip-launch-type').length, 1);
});

test('run-task overrides get the checks of the members they override, at the override (unit)', () => {
  const run = (overrides: Record<string, unknown>) =>
    json({ cluster: 'main', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: NET, overrides });
  const lintRun = (text: string) => lintWith({ uri: 'file:///ws/run-task.json', text }, [TD]);
  const size = run({ cpu: '512', memory: '300' });
  const combo = only(lintRun(size), 'fargate/cpu-memory-combo');
  assert.equal(combo.length, 1);
  assert.equal(textAt(size, combo[0]), '"300"');
  assert.match(combo[0].message, /Overrides task definition 'web'/);
  const disk = run({ ephemeralStorage: { sizeInGiB: 250 } });
  assert.equal(textAt(disk, only(lintRun(disk), 'task/ephemeral-storage-range')[0]), '250');
  const role = run({ taskRoleArn: 'arn:aws:iam::123456789012:user/not-a-role' });
  assert.equal(only(lintRun(role), 'task/role-arn-format').length, 1);
  const ctr = run({ containerOverrides: [{ name: 'app', memory: 4096 }] });
  const sum = only(lintRun(ctr), 'ctr/memory-sum');
  assert.equal(sum.length, 1);
  assert.equal(textAt(ctr, sum[0]), '4096');
  const name = run({ containerOverrides: [{ name: 'ap', command: ['echo'] }] });
  const missing = only(lintRun(name), 'service/override-container');
  assert.equal(missing.length, 1);
  assert.match(missing[0].message, /Did you mean 'app'/);
  // A valid override adds nothing, and nothing is reported in the run-task file for the task definition itself.
  const fine = run({ cpu: '1024', memory: '2048', containerOverrides: [{ name: 'app', command: ['echo', 'hi'] }] });
  assert.deepEqual(
    lintRun(fine)
      .filter((d) => d.severity === 'error')
      .map((d) => d.ruleId),
    [],
  );
});

test('firelens/router-present: a log router no container logs through is rejected too (unit)', () => {
  const td = fargateTaskDef();
  const containers = td.containerDefinitions as Record<string, unknown>[];
  containers.push({
    name: 'log_router',
    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    essential: true,
    firelensConfiguration: { type: 'fluentbit' },
  });
  const text = json(td);
  const found = only(lint(text), 'firelens/router-present');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"firelensConfiguration"');
  assert.match(found[0].message, /at least one container has to be configured with the awsfirelens log driver/);
  containers[0].logConfiguration = { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } };
  assert.equal(only(lint(json(td)), 'firelens/router-present').length, 0);
});

test('service/lb-container, the reverse of port/name: a Service Connect portName the task definition does not name (unit)', () => {
  // Shape of aws-samples/ecs-service-connect-yelb-sample-app: services name the task's port mappings.
  const named = {
    uri: 'file:///ws/td.json',
    text: json(fargateTaskDef({}, { portMappings: [{ containerPort: 80, name: 'yelb-ui', appProtocol: 'http' }] })),
  };
  const sc = (portName: string) =>
    svc({ launchType: 'FARGATE', serviceConnectConfiguration: { enabled: true, services: [{ portName }] } });
  const bad = sc('yelb-iu');
  const d = only(lintSvc(bad, named), 'service/lb-container');
  assert.equal(d.length, 1);
  assert.equal(textAt(bad, d[0]), '"yelb-iu"');
  assert.match(d[0].message, /portName 'yelb-iu' is not the name of a port mapping.*'yelb-ui'.*Did you mean 'yelb-ui'/);
  assert.equal(only(lintSvc(applyEdits(bad, d[0].fixes![0].edits), named), 'service/lb-container').length, 0);
  assert.equal(only(lintSvc(sc('yelb-ui'), named), 'service/lb-container').length, 0);
  // No named port mapping at all: still reported (the API has nothing to match).
  assert.equal(only(lintSvc(sc('web')), 'service/lb-container').length, 1);
  // A port mapping name not known offline: silent.
  const templated = {
    uri: 'file:///ws/td.json',
    text: json(fargateTaskDef({}, { portMappings: [{ containerPort: 80, name: '{{ must_env `PORT_NAME` }}' }] })),
  };
  assert.equal(only(lintSvc(sc('web'), templated), 'service/lb-container').length, 0);
});

test('service/lb-container: serviceRegistries naming a container or port the task definition lacks (unit)', () => {
  const reg = (containerName: string, containerPort?: number) =>
    svc({
      launchType: 'FARGATE',
      serviceRegistries: [
        {
          registryArn: 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc',
          containerName,
          containerPort,
        },
      ],
    });
  const name = only(lintSvc(reg('ap', 80)), 'service/lb-container');
  assert.equal(name.length, 1);
  assert.match(name[0].message, /serviceRegistries names container 'ap'/);
  const port = only(lintSvc(reg('app', 8080)), 'service/lb-container');
  assert.equal(port.length, 1);
  assert.match(port[0].message, /containerPort 8080 for container 'app', which maps 80/);
  assert.equal(only(lintSvc(reg('app', 80)), 'service/lb-container').length, 0);
  assert.equal(only(lintSvc(reg('app')), 'service/lb-container').length, 0);
});
