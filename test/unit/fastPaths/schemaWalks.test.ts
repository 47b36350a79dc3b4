import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../../server/src/service/documents/json';
import { ALL_SCHEMA_KINDS, schemaFor, type SchemaNode } from '../../../server/src/service/schema/schemas';
import { treeIsValid } from '../../../server/src/service/fastPaths/schemaQuickCheck';
import { validateTree } from '../../../server/src/service/fastPaths/schemaTreeValidator';

const taskDef = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx',
      essential: true,
      portMappings: [{ containerPort: 80, protocol: 'tcp' }],
      environment: [{ name: 'A', value: '1' }],
    },
  ],
  volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED' } }],
};

/** One-member changes that each make a schema problem (type, enum, required, unknown property, nested). */
const broken: [string, (td: Record<string, unknown>) => void][] = [
  ['unknown root member', (td) => (td.famly = 'x')],
  ['wrong root type', (td) => (td.cpu = 256)],
  ['bad enum', (td) => (td.networkMode = 'AWSVPC')],
  ['integer written with a dot', (td) => ((td.containerDefinitions as Record<string, unknown>[])[0].memory = 512.5)],
  [
    'missing required in an item',
    (td) => delete (td.volumes as Record<string, Record<string, unknown>>[])[0].efsVolumeConfiguration.fileSystemId,
  ],
  [
    'unknown member deep down',
    (td) =>
      ((
        (td.containerDefinitions as Record<string, unknown>[])[0].portMappings as Record<string, unknown>[]
      )[0].hostport = 80),
  ],
  ['object where a string belongs', (td) => (td.family = { a: 1 })],
  ['null member', (td) => (td.taskRoleArn = null)],
];

const parse = (value: unknown) => {
  const text = JSON.stringify(value, null, 2);
  return { text, root: parseJson(text).root! };
};

test('treeIsValid agrees with validateTree on a valid task definition and on each kind of problem (unit)', () => {
  const ok = parse(taskDef);
  assert.equal(treeIsValid(ok.root, schemaFor('register'), ok.text), true);
  assert.deepEqual(validateTree(ok.root, schemaFor('register'), ok.text), []);
  for (const [what, change] of broken) {
    const td = structuredClone(taskDef) as Record<string, unknown>;
    change(td);
    const { text, root } = parse(td);
    assert.notEqual(validateTree(root, schemaFor('register'), text).length, 0, what);
    assert.equal(treeIsValid(root, schemaFor('register'), text), false, what);
  }
});

test('treeIsValid never passes a tree validateTree faults, for every schema kind (unit)', () => {
  const inputs: unknown[] = [
    taskDef,
    taskDef.containerDefinitions,
    { taskDefinition: taskDef },
    { serviceName: 's', taskDefinition: 'web', desiredCount: 1 },
    [],
    {},
    'x',
    1,
  ];
  for (const value of inputs) {
    const { text, root } = parse(value);
    for (const kind of ALL_SCHEMA_KINDS) {
      const problems = validateTree(root, schemaFor(kind), text);
      if (treeIsValid(root, schemaFor(kind), text)) assert.deepEqual(problems, [], `${kind}: ${text.slice(0, 40)}`);
    }
  }
});

test('treeIsValid: duplicate keys are judged conservatively (the last one counts for validateTree) (unit)', () => {
  const schema: SchemaNode = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
  const text = '{"a": 1, "a": "x"}';
  const root = parseJson(text).root!;
  assert.deepEqual(validateTree(root, schema, text), []);
  assert.equal(treeIsValid(root, schema, text), false);
  const both = '{"a": "y", "a": "x"}';
  assert.equal(treeIsValid(parseJson(both).root!, schema, both), true);
});

test('treeIsValid resolves $ref with recursive definitions (unit)', () => {
  const schema: SchemaNode = {
    $ref: '#/definitions/Node',
    definitions: {
      Node: {
        type: 'object',
        properties: { next: { $ref: '#/definitions/Node' }, v: { type: 'integer' } },
        additionalProperties: false,
      },
    },
  };
  const good = '{"v": 1, "next": {"v": 2, "next": {}}}';
  const bad = '{"v": 1, "next": {"v": 2, "next": {"w": 3}}}';
  assert.equal(treeIsValid(parseJson(good).root!, schema, good), true);
  assert.equal(treeIsValid(parseJson(bad).root!, schema, bad), false);
  assert.notEqual(validateTree(parseJson(bad).root, schema, bad).length, 0);
});
