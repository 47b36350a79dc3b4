import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, labels, item, insert, TASK, SERVICE, CONTAINER } from './completeAt';

test('task definition properties with CloudFormation names, present ones left out, YAML members (unit)', () => {
  const r = at(`${TASK}      Netw‸`);
  assert.equal(r.replaced, 'Netw');
  const names = labels(r);
  for (const n of [
    'NetworkMode',
    'Memory',
    'ContainerDefinitions',
    'Volumes',
    'ExecutionRoleArn',
    'EphemeralStorage',
    'RuntimePlatform',
    'ProxyConfiguration',
  ])
    assert.ok(names.includes(n), n);
  for (const n of ['Family', 'Cpu', 'RequiresCompatibilities', 'TaskDefinitionArn', 'Revision', 'family'])
    assert.ok(!names.includes(n), n);
  assert.equal(insert(r, 'NetworkMode'), 'NetworkMode: ${1|awsvpc,bridge,host,none|}');
  assert.equal(insert(r, 'Memory'), "Memory: ${1|'512','1024','2048'|}");
  assert.equal(insert(r, 'ContainerDefinitions'), 'ContainerDefinitions:\n        - $1');
  assert.equal(insert(r, 'EphemeralStorage'), 'EphemeralStorage:\n        $1');
  assert.equal(insert(r, 'ExecutionRoleArn'), 'ExecutionRoleArn: $1');
  assert.equal(item(r, 'NetworkMode').insertTextMode, 1);
  // editing a key that already has its colon: only the name is replaced
  const mid = at(`${TASK}      Netw‸ork: awsvpc\n`);
  assert.deepEqual([mid.replaced, insert(mid, 'NetworkMode')], ['Network', 'NetworkMode']);
});

test('nested objects: containers, port mappings, logging, health check, secrets, EFS and proxy spellings (unit)', () => {
  const ctr = labels(at(`${CONTAINER}          ‸`));
  for (const n of [
    'PortMappings',
    'LogConfiguration',
    'HealthCheck',
    'Secrets',
    'Environment',
    'MountPoints',
    'LinuxParameters',
    'DependsOn',
  ])
    assert.ok(ctr.includes(n), n);
  assert.ok(!ctr.includes('Name') && !ctr.includes('Image'));
  assert.deepEqual(labels(at(`${CONTAINER}          PortMappings:\n            - ‸`)), [
    'ContainerPort',
    'HostPort',
    'Protocol',
    'Name',
    'AppProtocol',
    'ContainerPortRange',
    'port mapping',
  ]);
  assert.deepEqual(labels(at(`${CONTAINER}          LogConfiguration:\n            ‸`)), [
    'LogDriver',
    'Options',
    'SecretOptions',
  ]);
  assert.deepEqual(labels(at(`${CONTAINER}          HealthCheck:\n            ‸`)), [
    'Command',
    'Interval',
    'Timeout',
    'Retries',
    'StartPeriod',
  ]);
  assert.deepEqual(labels(at(`${CONTAINER}          Secrets:\n            - Name: DB\n              ‸`)), [
    'ValueFrom',
  ]);
  assert.deepEqual(labels(at(`${TASK}      Volumes:\n        - Name: d\n          ‸`)), [
    'Host',
    'DockerVolumeConfiguration',
    'EFSVolumeConfiguration',
    'EFSVolumeConfiguration (EFS volume configuration)',
    'S3FilesVolumeConfiguration',
    'FSxWindowsFileServerVolumeConfiguration',
    'ConfiguredAtLaunch',
  ]);
  const efs = `${TASK}      Volumes:\n        - Name: d\n          EFSVolumeConfiguration:\n`;
  assert.deepEqual(labels(at(`${efs}            ‸`)), [
    'FilesystemId',
    'RootDirectory',
    'TransitEncryption',
    'TransitEncryptionPort',
    'AuthorizationConfig',
  ]);
  assert.deepEqual(
    labels(at(`${efs}            FilesystemId: fs-1\n            AuthorizationConfig:\n              ‸`)),
    ['AccessPointId', 'IAM'],
  );
  assert.deepEqual(labels(at(`${TASK}      ProxyConfiguration:\n        ‸`)), [
    'Type',
    'ContainerName',
    'ProxyConfigurationProperties',
  ]);
});

test('block snippets as YAML laid out from the key column, CloudFormation names inside (unit)', () => {
  const log = at(`${CONTAINER}          Log‸`);
  assert.equal(
    insert(log, 'LogConfiguration (awslogs logging)'),
    [
      'LogConfiguration:',
      '            LogDriver: awslogs',
      '            Options:',
      '              awslogs-group: ${1:/ecs/app}',
      '              awslogs-region: ${2:us-east-1}',
      '              awslogs-stream-prefix: ${3:ecs}',
    ].join('\n'),
  );
  const vol = at(`${TASK}      Vol‸`);
  assert.equal(
    insert(vol, 'Volumes (EFS volume)'),
    [
      'Volumes:',
      '        - Name: ${1:data}',
      '          EFSVolumeConfiguration:',
      '            FilesystemId: ${2:fs-0123456789abcdef0}',
      '            TransitEncryption: ENABLED',
      '            AuthorizationConfig:',
      '              AccessPointId: ${3:fsap-0123456789abcdef0}',
      '              IAM: ENABLED',
    ].join('\n'),
  );
  const item = at(`${TASK}      ContainerDefinitions:\n        - ‸`);
  assert.equal(
    insert(item, 'container definition'),
    [
      'Name: ${1:app}',
      '          Image: ${2:public.ecr.aws/nginx/nginx:latest}',
      '          Essential: true',
      '          PortMappings:',
      '            - ContainerPort: ${3:80}',
      '              Protocol: tcp',
      '          LogConfiguration:',
      '            LogDriver: awslogs',
      '            Options:',
      '              awslogs-group: ${4:/ecs/app}',
      '              awslogs-region: ${5:us-east-1}',
      '              awslogs-stream-prefix: ${6:ecs}',
    ].join('\n'),
  );
  assert.equal(
    insert(at(`${CONTAINER}          PortMappings:\n            - ‸`), 'port mapping'),
    'ContainerPort: ${1:80}\n              Protocol: ${2|tcp,udp|}',
  );
  // a key typed under an array's key without `- `: the dash comes with the item
  const undashed = at(`${TASK}      ContainerDefinitions:\n        Na‸`);
  assert.equal(insert(undashed, 'Name'), '- Name: $1');
  assert.match(insert(undashed, 'container definition')!, /^- Name: \$\{1:app\}\n {10}Image:/);
});

test('Fargate values: cpu and memory pairs as quoted strings, awsvpc, FARGATE first, platform versions (unit)', () => {
  const mem = at(`${TASK}      Memory: ‸`);
  assert.deepEqual(labels(mem), ['512', '1024', '2048']);
  assert.deepEqual(
    mem.items.map((i) => i.insertText),
    ["'512'", "'1024'", "'2048'"],
  );
  assert.deepEqual(labels(at(`${TASK.replace("Cpu: '256'", "Memory: '8192'")}      Cpu: ‸`)), ['1024', '2048', '4096']);
  const quoted = at(`${TASK}      Memory: '10‸`);
  assert.deepEqual([quoted.replaced, item(quoted, '1024').filterText], ["'10", "'1024'"]);
  const modes = at(`${TASK}      NetworkMode: ‸`);
  assert.deepEqual(
    modes.items.map((i) => [i.label, i.detail]),
    [
      ['awsvpc', 'the only network mode Fargate supports'],
      ['bridge', 'not supported on Fargate'],
      ['host', 'not supported on Fargate'],
      ['none', 'not supported on Fargate'],
    ],
  );
  const compat = at(
    `${TASK.replace('      RequiresCompatibilities: [FARGATE]\n', '')}      RequiresCompatibilities:\n        - ‸`,
  );
  assert.equal(compat.items.find((i) => i.sortText === '0')?.label, 'FARGATE');
  assert.deepEqual(labels(at(`${TASK}      PidMode: [‸`)), []);
  const flow = at(`${TASK.replace('[FARGATE]', '[EC2, FAR‸]')}`);
  assert.deepEqual([flow.replaced, labels(flow).includes('FARGATE')], ['FAR', true]);
  const pv = at(SERVICE('      PlatformVersion: ‸'));
  assert.deepEqual(labels(pv), ['LATEST', '1.4.0', '1.0.0', '1.3.0', '1.2.0', '1.1.0']);
  assert.deepEqual(
    pv.items.filter((i) => i.tags?.includes(1)).map((i) => i.label),
    ['1.3.0', '1.2.0', '1.1.0'],
  );
  assert.equal(insert(at(SERVICE('      Plat‸')), 'PlatformVersion'), 'PlatformVersion: ${1|LATEST,1.4.0,1.0.0|}');
  assert.equal(
    insert(at(SERVICE('      Launch‸')), 'LaunchType'),
    'LaunchType: ${1|FARGATE,EC2,EXTERNAL,MANAGED_INSTANCES|}',
  );
  assert.equal(
    insert(
      at(`${TASK.replace('      RequiresCompatibilities: [FARGATE]\n', '')}      Req‸`),
      'RequiresCompatibilities',
    ),
    'RequiresCompatibilities:\n        - ${1|FARGATE,EC2,EXTERNAL,MANAGED_INSTANCES|}',
  );
});

test('schema values: log drivers for Fargate, protocols, enums, booleans (unit)', () => {
  const drivers = at(`${CONTAINER}          LogConfiguration:\n            LogDriver: ‸`);
  assert.equal(item(drivers, 'awslogs').detail, 'supported on Fargate');
  assert.equal(item(drivers, 'json-file').detail, 'not supported on Fargate');
  assert.deepEqual(
    labels(at(`${CONTAINER}          PortMappings:\n            - ContainerPort: 80\n              Protocol: ‸`)),
    ['tcp', 'udp'],
  );
  assert.deepEqual(
    labels(
      at(
        `${TASK}      Volumes:\n        - Name: d\n          EFSVolumeConfiguration:\n            TransitEncryption: ‸`,
      ),
    ),
    ['DISABLED', 'ENABLED'],
  );
  const ess = at(`${CONTAINER}          Essential: ‸`);
  assert.deepEqual(
    ess.items.map((i) => i.insertText),
    ['true', 'false'],
  );
  // right after the colon: a space comes first
  assert.equal(at(`${CONTAINER}          Essential:‸`).items[0].insertText, ' true');
  // Fargate from the service that launches the task definition: only SYS_PTRACE can be added
  const noCompat = TASK.replace('      RequiresCompatibilities: [FARGATE]\n', '');
  const add = `${noCompat}      ContainerDefinitions:\n        - Name: web\n          LinuxParameters:\n            Capabilities:\n              Add:\n                - ‸\n`;
  assert.ok(labels(at(add)).length > 30);
  const launched = `${add}  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: FARGATE\n      TaskDefinition: !Ref AppTask\n`;
  assert.deepEqual(labels(at(launched)), ['SYS_PTRACE']);
});

test('resource Type values, resource attributes, Ref and GetAtt targets (unit)', () => {
  const type = at(`${TASK}  Svc:\n    Type: AWS::ECS::‸`);
  assert.equal(type.replaced, 'AWS::ECS::');
  assert.deepEqual(labels(type).slice(0, 3), ['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ECS::TaskSet']);
  const attrs = at(`${TASK}  Svc:\n    Type: AWS::ECS::Service\n    ‸`);
  assert.deepEqual(labels(attrs), [
    'Properties',
    'DependsOn',
    'Condition',
    'DeletionPolicy',
    'UpdateReplacePolicy',
    'Metadata',
  ]);
  assert.equal(insert(attrs, 'Properties'), 'Properties:\n      $1');
  assert.equal(
    insert(at(`${TASK}  Svc:\n    ‸`), 'Type'),
    'Type: ${1|AWS::ECS::TaskDefinition,AWS::ECS::Service,AWS::ECS::TaskSet|}',
  );
  const td = at(SERVICE('      TaskDefinition: ‸'));
  assert.deepEqual([item(td, '!Ref AppTask').insertText, td.items.length], ['!Ref AppTask', 1]);
  const withParams = `Parameters:\n  Image:\n    Type: String\n${SERVICE('      TaskDefinition: !Ref ‸')}`;
  assert.deepEqual(labels(at(withParams)), ['AppTask', 'Image']);
  assert.deepEqual(labels(at(SERVICE('      TaskDefinition: !GetAtt ‸'))), ['AppTask.TaskDefinitionArn']);
  assert.deepEqual(labels(at(SERVICE('      Cluster: !Sub ‸'))), []);
});

test('service and task set spellings: PlacementStrategies, ForceNewDeployment, AwsvpcConfiguration vs AwsVpcConfiguration (unit)', () => {
  const svc = labels(at(SERVICE('      ‸')));
  for (const n of [
    'PlacementStrategies',
    'ForceNewDeployment',
    'EnableECSManagedTags',
    'NetworkConfiguration',
    'DesiredCount',
  ])
    assert.ok(svc.includes(n), n);
  for (const n of ['PlacementStrategy', 'ClientToken', 'PlacementStrategies (x)']) assert.ok(!svc.includes(n), n);
  assert.deepEqual(labels(at(SERVICE('      NetworkConfiguration:\n        ‸'))), ['AwsvpcConfiguration']);
  assert.deepEqual(labels(at(SERVICE('      NetworkConfiguration:\n        AwsvpcConfiguration:\n          ‸'))), [
    'Subnets',
    'SecurityGroups',
    'AssignPublicIp',
  ]);
  assert.deepEqual(
    labels(at(SERVICE('      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: ‸'))),
    ['DISABLED', 'ENABLED'],
  );
  const taskSet = `${TASK}  Set:\n    Type: AWS::ECS::TaskSet\n    Properties:\n`;
  assert.deepEqual(labels(at(`${taskSet}      ‸`)), [
    'Cluster',
    'TaskDefinition',
    'LoadBalancers',
    'ServiceRegistries',
    'LaunchType',
    'CapacityProviderStrategy',
    'PlatformVersion',
    'NetworkConfiguration',
    'Tags',
    'Service',
    'ExternalId',
    'Scale',
  ]);
  assert.deepEqual(labels(at(`${taskSet}      NetworkConfiguration:\n        ‸`)), ['AwsVpcConfiguration']);
  assert.deepEqual(labels(at(`${taskSet}      Scale:\n        Unit: ‸`)), ['PERCENT']);
});

test('live EFS ids complete FilesystemId and AccessPointId in templates (unit)', () => {
  const live = {
    region: 'eu-west-1',
    fileSystems: [{ id: 'fs-0aaa', name: 'shared', accessPoints: [{ id: 'fsap-0bbb' }] }],
  };
  const efs = `${TASK}      Volumes:\n        - Name: d\n          EFSVolumeConfiguration:\n`;
  assert.deepEqual(labels(at(`${efs}            FilesystemId: ‸`, undefined, { live })), ['fs-0aaa']);
  assert.deepEqual(
    labels(
      at(
        `${efs}            FilesystemId: fs-0aaa\n            AuthorizationConfig:\n              AccessPointId: ‸`,
        undefined,
        { live },
      ),
    ),
    ['fsap-0bbb'],
  );
});
