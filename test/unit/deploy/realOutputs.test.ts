/**
 * The normaliser against what the real ECS returns, not what moto returns: outputs printed in the AWS
 * CLI's own documentation (aws/aws-cli, awscli/examples/ecs/*.rst, published as the "Examples" of
 * https://docs.aws.amazon.com/cli/latest/reference/ecs/), each compared with the file that was
 * registered. Real ECS fills in members moto does not (registeredAt/By, compatibilities, hostPort,
 * protocol, empty lists, placementConstraints), so these are the test of those members.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffTaskDefinitions } from '../../../client/src/deploy/diff';
import { readFileTaskDefs } from '../../../client/src/deploy/fileTaskDefs';
import { normaliseTaskDefinition } from '../../../client/src/deploy/normalise';

const diff = (registered: Record<string, unknown>, file: Record<string, unknown>, tags?: []) =>
  diffTaskDefinitions(normaliseTaskDefinition(registered, { tags }), normaliseTaskDefinition(file));

/** register-task-definition.rst, Example 1: the file `sleep360.json`, as the page gives it. */
const sleep360File = `{
    "containerDefinitions": [
        {
            "name": "sleep",
            "image": "busybox",
            "cpu": 10,
            "command": [
                "sleep",
                "360"
            ],
            "memory": 10,
            "essential": true
        }
    ],
    "family": "sleep360"
}`;

/** register-task-definition.rst, Example 1: the output ECS printed for it. */
const sleep360Registered = {
  taskDefinitionArn: 'arn:aws:ecs:us-west-2:123456789012:task-definition/sleep360:2',
  containerDefinitions: [
    {
      name: 'sleep',
      image: 'busybox',
      cpu: 10,
      memory: 10,
      portMappings: [],
      essential: true,
      command: ['sleep', '360'],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    },
  ],
  family: 'sleep360',
  revision: 2,
  volumes: [],
  status: 'ACTIVE',
  placementConstraints: [],
  compatibilities: ['EC2'],
};

/**
 * describe-task-definition.rst: `aws ecs describe-task-definition --task-definition hello_world:8`
 * (the page prints registeredAt as ISO text; the SDK gives a Date, both read-only).
 */
const helloWorld8 = {
  taskDefinition: {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:012345678910:task-definition/hello_world:8',
    containerDefinitions: [
      {
        cpu: 10,
        environment: [],
        essential: true,
        image: 'wordpress',
        links: ['mysql'],
        memory: 500,
        mountPoints: [],
        name: 'wordpress',
        portMappings: [{ containerPort: 80, hostPort: 80 }],
        volumesFrom: [],
      },
      {
        cpu: 10,
        environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }],
        essential: true,
        image: 'mysql',
        memory: 500,
        mountPoints: [],
        name: 'mysql',
        portMappings: [],
        volumesFrom: [],
      },
    ],
    family: 'hello_world',
    revision: 8,
    volumes: [],
    status: 'ACTIVE',
    placementConstraints: [],
    compatibilities: ['EXTERNAL', 'EC2'],
    registeredAt: new Date('2024-06-21T11:15:12.669000-05:00'),
    registeredBy: 'arn:aws:sts::012345678910:assumed-role/demo-role/jane-doe',
  },
  tags: [],
};

/** What its author wrote (the page does not print it): only the members chosen, no defaults. */
const helloWorldFile = {
  family: 'hello_world',
  containerDefinitions: [
    {
      name: 'wordpress',
      image: 'wordpress',
      links: ['mysql'],
      cpu: 10,
      memory: 500,
      portMappings: [{ containerPort: 80, hostPort: 80 }],
    },
    {
      name: 'mysql',
      image: 'mysql',
      cpu: 10,
      memory: 500,
      environment: [{ name: 'MYSQL_ROOT_PASSWORD', value: 'password' }],
    },
  ],
};

test('AWS CLI docs, register-task-definition example 1: the file and the output ECS printed for it compare equal (unit)', () => {
  const [td] = readFileTaskDefs('file:///ws/sleep360.json', sleep360File).taskDefs;
  assert.equal(td.family, 'sleep360');
  assert.deepEqual(diff(sleep360Registered, td.value), { differences: [], notCompared: [] });
  // Nothing ECS added survives normalisation: the registered side is exactly what the file chose.
  assert.deepEqual(normaliseTaskDefinition(sleep360Registered), {
    family: 'sleep360',
    containerDefinitions: [{ name: 'sleep', command: ['sleep', '360'], cpu: 10, image: 'busybox', memory: 10 }],
  });
});

test('AWS CLI docs, describe-task-definition hello_world:8 (bridge by default, EXTERNAL/EC2, registeredAt/By): equals the file that registered it; one change is one difference (unit)', () => {
  const { taskDefinition, tags } = helloWorld8;
  assert.deepEqual(diff(taskDefinition, helloWorldFile, tags as []), { differences: [], notCompared: [] });
  // The describe output saved as a file (`aws ecs describe-task-definition ... > td.json`) reads the same.
  const [saved] = readFileTaskDefs('file:///ws/hello.json', JSON.stringify(helloWorld8)).taskDefs;
  assert.equal(saved.shape, 'describe');
  assert.deepEqual(diff(taskDefinition, saved.value, tags as []).differences, []);
  const changed = structuredClone(helloWorldFile);
  changed.containerDefinitions[1].memory = 1024;
  assert.deepEqual(diff(taskDefinition, changed, tags as []).differences, [
    { path: 'containerDefinitions[name=mysql].memory', registered: 500, file: 1024 },
  ]);
  // links is compared as a whole list (its items have no key): an added link is one difference.
  const linked = structuredClone(helloWorldFile);
  linked.containerDefinitions[0].links = ['mysql', 'cache'];
  assert.equal(diff(taskDefinition, linked, tags as []).differences.length, 1);
});
