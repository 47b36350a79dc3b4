import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS } from '../../../client/src/deploy/defaults';
import { diffTaskDefinitions } from '../../../client/src/deploy/diff';
import { readFileTaskDefs } from '../../../client/src/deploy/fileTaskDefs';
import { normaliseTaskDefinition, Placeholder } from '../../../client/src/deploy/normalise';

/** What a real DescribeTaskDefinition returns for `minimalFile` (every member ECS fills in). */
const describedByAws = {
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  compatibilities: ['EC2', 'FARGATE'],
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  registeredAt: new Date('2026-01-01T00:00:00Z'),
  registeredBy: 'arn:aws:iam::123456789012:user/dev',
  cpu: '256',
  memory: '512',
  volumes: [],
  placementConstraints: [],
  enableFaultInjection: false,
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
      healthCheck: { command: ['CMD-SHELL', 'true'], interval: 30, timeout: 5, retries: 3 },
    },
  ],
};

const minimalFile = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      portMappings: [{ containerPort: 80 }],
      healthCheck: { command: ['CMD-SHELL', 'true'] },
    },
  ],
};

const diff = (registered: Record<string, unknown>, file: Record<string, unknown>) =>
  diffTaskDefinitions(normaliseTaskDefinition(registered), normaliseTaskDefinition(file));

test('a minimal file equals what DescribeTaskDefinition returns for it: read-only members and filled-in defaults removed on both sides (unit)', () => {
  assert.deepEqual(diff(describedByAws, minimalFile), { differences: [], notCompared: [] });
  assert.deepEqual(normaliseTaskDefinition(describedByAws), normaliseTaskDefinition(minimalFile));
});

test('every default the normaliser relies on names its source in the API reference, and is removed (unit)', () => {
  const kinds: Record<string, (member: string, value: unknown) => Record<string, unknown>> = {
    task: (m, v) => ({ ...minimalFile, [m]: v }),
    container: (m, v) => ({ ...minimalFile, containerDefinitions: [{ name: 'web', image: 'x', [m]: v }] }),
    portMapping: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [{ name: 'web', image: 'x', portMappings: [{ containerPort: 80, [m]: v }] }],
    }),
    mountPoint: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [
        { name: 'web', image: 'x', mountPoints: [{ sourceVolume: 'd', containerPath: '/d', [m]: v }] },
      ],
    }),
    volumeFrom: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [{ name: 'web', image: 'x', volumesFrom: [{ sourceContainer: 'o', [m]: v }] }],
    }),
    healthCheck: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [{ name: 'web', image: 'x', healthCheck: { command: ['CMD', 'true'], [m]: v } }],
    }),
    linuxParameters: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [{ name: 'web', image: 'x', linuxParameters: { capabilities: { drop: ['ALL'] }, [m]: v } }],
    }),
    restartPolicy: (m, v) => ({
      ...minimalFile,
      containerDefinitions: [{ name: 'web', image: 'x', restartPolicy: { enabled: true, [m]: v } }],
    }),
    efsVolume: (m, v) => ({
      ...minimalFile,
      volumes: [{ name: 'd', efsVolumeConfiguration: { fileSystemId: 'fs-1', [m]: v } }],
    }),
    efsAuth: (m, v) => ({
      ...minimalFile,
      volumes: [
        {
          name: 'd',
          efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { accessPointId: 'fsap-1', [m]: v } },
        },
      ],
    }),
    dockerVolume: (m, v) => ({
      ...minimalFile,
      volumes: [{ name: 'd', dockerVolumeConfiguration: { driver: 'local', [m]: v } }],
    }),
  };
  for (const d of DEFAULTS) {
    assert.match(d.source, /ECS API reference, \w+\.\w+/, `${d.on}.${d.member} names its source`);
    const build = kinds[d.on];
    assert.ok(build, `a test builder for ${d.on}`);
    const withDefault = build(d.member, d.value);
    const without = build(d.member, undefined);
    assert.deepEqual(
      diff(withDefault, without).differences,
      [],
      `${d.on}.${d.member} = ${JSON.stringify(d.value)} equals omitted`,
    );
    const other = typeof d.value === 'boolean' ? !d.value : typeof d.value === 'number' ? d.value + 1 : 'OTHER';
    assert.equal(
      diff(withDefault, build(d.member, other)).differences.length,
      1,
      `${d.on}.${d.member} other value differs`,
    );
  }
});

test('host port: equal to the container port under awsvpc and host, 0 under bridge, both mean omitted (unit)', () => {
  const pm = (networkMode: string, hostPort: number) => ({
    ...minimalFile,
    networkMode,
    containerDefinitions: [{ name: 'web', image: 'x', portMappings: [{ containerPort: 80, hostPort }] }],
  });
  const bare = (networkMode: string) => ({
    ...minimalFile,
    networkMode,
    containerDefinitions: [{ name: 'web', image: 'x', portMappings: [{ containerPort: 80 }] }],
  });
  assert.deepEqual(diff(pm('awsvpc', 80), bare('awsvpc')).differences, []);
  assert.deepEqual(diff(pm('host', 80), bare('host')).differences, []);
  assert.deepEqual(diff(pm('bridge', 0), bare('bridge')).differences, []);
  assert.deepEqual(diff(pm('bridge', 8080), bare('bridge')).differences, [
    {
      path: 'containerDefinitions[name=web].portMappings[containerPort=80].hostPort',
      registered: 8080,
      file: undefined,
    },
  ]);
  // networkMode omitted is bridge (its default) on both sides.
  const { networkMode: _omit, ...noMode } = bare('bridge');
  assert.deepEqual(diff(bare('bridge'), noMode).differences, []);
});

test('order without meaning is ignored (environment, secrets, tags, compatibilities, containers, placement constraints, ignored exit codes); order with meaning is not (command) (unit)', () => {
  const a = {
    ...minimalFile,
    requiresCompatibilities: ['FARGATE', 'EC2'],
    tags: [
      { key: 'b', value: '2' },
      { key: 'a', value: '1' },
    ],
    containerDefinitions: [
      {
        name: 'web',
        image: 'x',
        command: ['a', 'b'],
        environment: [
          { name: 'B', value: '2' },
          { name: 'A', value: '1' },
        ],
        secrets: [
          { name: 'S2', valueFrom: 'arn:2' },
          { name: 'S1', valueFrom: 'arn:1' },
        ],
      },
      { name: 'log', image: 'y', essential: false },
    ],
  };
  const b = {
    ...minimalFile,
    requiresCompatibilities: ['EC2', 'FARGATE'],
    tags: [
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
    ],
    containerDefinitions: [
      { name: 'log', image: 'y', essential: false },
      {
        name: 'web',
        image: 'x',
        command: ['a', 'b'],
        environment: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
        secrets: [
          { name: 'S1', valueFrom: 'arn:1' },
          { name: 'S2', valueFrom: 'arn:2' },
        ],
      },
    ],
  };
  assert.deepEqual(diff(a, b).differences, []);
  // Placement constraints (no identifying member) and a restart policy's ignored exit codes are sets too.
  const constraints = [
    { type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' },
    { type: 'memberOf', expression: 'attribute:ecs.os-type == linux' },
  ];
  const restart = (codes: number[]) => ({ enabled: true, ignoredExitCodes: codes });
  assert.deepEqual(
    diff(
      {
        ...a,
        placementConstraints: constraints,
        containerDefinitions: [{ ...a.containerDefinitions[1], restartPolicy: restart([0, 143]) }],
      },
      {
        ...a,
        placementConstraints: [...constraints].reverse(),
        containerDefinitions: [{ ...a.containerDefinitions[1], restartPolicy: restart([143, 0]) }],
      },
    ).differences,
    [],
  );
  const c = structuredClone(b);
  c.containerDefinitions[1].command = ['b', 'a'];
  assert.deepEqual(diff(a, c).differences, [
    { path: 'containerDefinitions[name=web].command', registered: ['a', 'b'], file: ['b', 'a'] },
  ]);
});

test('task cpu and memory: "1 vCPU" / "2 GB" / numbers read as the strings of units the API returns (unit)', () => {
  const n = normaliseTaskDefinition({ family: 'w', cpu: '1 vCPU', memory: '2 GB', containerDefinitions: [] });
  assert.equal(n.cpu, '1024');
  assert.equal(n.memory, '2048');
  assert.equal(normaliseTaskDefinition({ family: 'w', cpu: 512, memory: '0.5GB' }).memory, '512');
  assert.equal(normaliseTaskDefinition({ family: 'w', cpu: 512 }).cpu, '512');
});

test('reserved aws: tags are removed; DescribeTaskDefinition tags given beside the definition are compared (unit)', () => {
  const registered = normaliseTaskDefinition(minimalFile, {
    tags: [
      { key: 'aws:cloudformation:stack-name', value: 's' },
      { key: 'team', value: 'a' },
    ],
  });
  assert.deepEqual(registered.tags, [{ key: 'team', value: 'a' }]);
  const d = diffTaskDefinitions(
    registered,
    normaliseTaskDefinition({ ...minimalFile, tags: [{ key: 'team', value: 'b' }] }),
  );
  assert.deepEqual(d.differences, [{ path: 'tags[key=team].value', registered: 'a', file: 'b' }]);
});

test('a CloudFormation resource (YAML) compares with its registered revision under API names, with typed numbers and booleans (unit)', () => {
  const yaml = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Parameters:',
    '  Image: { Type: String }',
    'Resources:',
    '  Web:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      Family: web',
    '      NetworkMode: awsvpc',
    '      RequiresCompatibilities: [FARGATE]',
    '      Cpu: 256',
    '      Memory: "512"',
    '      ContainerDefinitions:',
    '        - Name: web',
    '          Image: !Ref Image',
    '          Essential: "true"',
    '          PortMappings:',
    '            - ContainerPort: "80"',
    '          HealthCheck:',
    '            Command: [CMD-SHELL, "true"]',
    '          Environment:',
    '            - Name: PORT',
    '              Value: 80',
    '      Volumes:',
    '        - Name: data',
    '          EFSVolumeConfiguration:',
    '            FilesystemId: fs-1',
    '            TransitEncryption: ENABLED',
    '            AuthorizationConfig: { IAM: ENABLED }',
  ].join('\n');
  const { taskDefs } = readFileTaskDefs('file:///ws/stack.yaml', yaml);
  assert.equal(taskDefs.length, 1);
  assert.equal(taskDefs[0].family, 'web');
  const registered = {
    ...describedByAws,
    containerDefinitions: [{ ...describedByAws.containerDefinitions[0], environment: [{ name: 'PORT', value: '80' }] }],
    volumes: [
      {
        name: 'data',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-1',
          rootDirectory: '/',
          transitEncryption: 'ENABLED',
          authorizationConfig: { iam: 'ENABLED' },
        },
      },
    ],
  };
  const d = diffTaskDefinitions(normaliseTaskDefinition(registered), normaliseTaskDefinition(taskDefs[0].value));
  assert.deepEqual(d.differences, []);
  assert.deepEqual(d.notCompared, [
    { path: 'containerDefinitions[name=web].image', file: '!Ref Image', registered: 'nginx:1.27' },
  ]);
});

test('template placeholders in a JSON file are shown as written and not compared (unit)', () => {
  const text = JSON.stringify(
    { ...minimalFile, containerDefinitions: [{ ...minimalFile.containerDefinitions[0], image: '${IMAGE}' }] },
    null,
    2,
  ).replace('"memory": "512"', '"memory": {{ memory }}');
  const [td] = readFileTaskDefs('file:///ws/td.json', text).taskDefs;
  assert.ok(td.value.memory instanceof Placeholder);
  const n = normaliseTaskDefinition(td.value);
  assert.equal(JSON.stringify(n.memory), '"{{ memory }}"');
  const d = diffTaskDefinitions(normaliseTaskDefinition(describedByAws), n);
  assert.deepEqual(d.differences, []);
  assert.deepEqual(
    d.notCompared.map((x) => [x.path, x.file]),
    [
      ['containerDefinitions[name=web].image', '${IMAGE}'],
      ['memory', '{{ memory }}'],
    ],
  );
});

test('a describe-task-definition output file is read with its tags (unit)', () => {
  const text = JSON.stringify({ taskDefinition: describedByAws, tags: [{ key: 'team', value: 'a' }] });
  const [td] = readFileTaskDefs('file:///ws/described.json', text).taskDefs;
  assert.equal(td.shape, 'describe');
  assert.deepEqual(
    normaliseTaskDefinition(td.value),
    normaliseTaskDefinition({ ...minimalFile, tags: [{ key: 'team', value: 'a' }] }),
  );
});
