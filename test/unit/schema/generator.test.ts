import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { generate, htmlToMarkdown } from '../../../scripts/gen-schemas';

const ROOT = path.resolve(__dirname, '../../..');
const MODELS = path.join(ROOT, 'node_modules/@aws-sdk/client-ecs/dist-types/models');

/** Member names of an SDK interface, read independently of the generator (plain TS AST walk). */
function sdkMembers(name: string): string[] {
  for (const file of fs.readdirSync(MODELS).filter((f) => f.startsWith('models_'))) {
    const sf = ts.createSourceFile(
      file,
      fs.readFileSync(path.join(MODELS, file), 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    for (const st of sf.statements) {
      if (ts.isInterfaceDeclaration(st) && st.name.text === name)
        return st.members.filter(ts.isPropertySignature).map((m) => m.name.getText(sf));
    }
  }
  throw new Error(`no interface ${name}`);
}

/**
 * The generator also reads the Smithy model in models/aws (for integer types and fallback docs), so the
 * committed schemas can be checked for freshness from the repository alone.
 */
const SMITHY = path.resolve(ROOT, 'models/aws/ecs-2014-11-13.smithy.json');
const canGenerate = fs.existsSync(SMITHY);
const committedFiles = Object.fromEntries(
  fs
    .readdirSync(path.join(ROOT, 'schemas'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, fs.readFileSync(path.join(ROOT, 'schemas', f), 'utf8')]),
);
const generated = canGenerate ? generate() : { files: committedFiles };
const schema = (file: string) =>
  JSON.parse(generated.files[file]) as {
    $comment: string;
    properties: Record<string, any>;
    definitions: Record<string, any>;
  };

test(
  'committed schemas equal a fresh generation (unit)',
  { skip: !canGenerate && `Smithy model not found at ${SMITHY}` },
  () => {
    for (const [name, text] of Object.entries(generated.files)) {
      const committed = fs.readFileSync(path.join(ROOT, 'schemas', name), 'utf8');
      assert.equal(committed, text, `schemas/${name} is stale: run npm run schemas`);
    }
  },
);

test('each schema names its generator, input and SDK version (unit)', () => {
  const version = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules/@aws-sdk/client-ecs/package.json'), 'utf8'),
  ).version;
  for (const name of Object.keys(generated.files)) {
    const s = schema(name);
    assert.match(s.$comment, /scripts\/gen-schemas\.ts/);
    assert.ok(s.$comment.includes(`@aws-sdk/client-ecs ${version}`));
    assert.equal(Object.keys(s)[0], '$comment');
  }
});

test('every member of the SDK request shapes is in the schemas (unit)', () => {
  const td = schema('task-definition.schema.json');
  for (const m of sdkMembers('RegisterTaskDefinitionRequest'))
    assert.ok(td.properties[m], `RegisterTaskDefinitionRequest.${m}`);
  for (const shape of ['ContainerDefinition', 'Volume']) {
    for (const m of sdkMembers(shape)) assert.ok(td.definitions[shape].properties[m], `${shape}.${m}`);
  }
  const svc = schema('service.schema.json');
  for (const m of sdkMembers('CreateServiceRequest'))
    assert.ok(svc.properties[m] && svc.definitions.CreateServiceRequest.properties[m], `CreateServiceRequest.${m}`);
  for (const m of sdkMembers('UpdateServiceRequest')) assert.ok(svc.properties[m], `UpdateServiceRequest.${m}`);
  const run = schema('run-task.schema.json');
  for (const m of sdkMembers('RunTaskRequest')) assert.ok(run.properties[m], `RunTaskRequest.${m}`);
});

test('fields newer than the Smithy copy are present (unit)', () => {
  const td = schema('task-definition.schema.json');
  assert.ok(td.properties.enableFaultInjection);
  assert.deepEqual(td.definitions.ContainerDefinition.properties.versionConsistency.enum, ['disabled', 'enabled']);
  assert.ok(td.definitions.ContainerDefinition.properties.restartPolicy.$ref);
  assert.ok(td.definitions.Volume.properties.s3filesVolumeConfiguration);
});

test('every property has a type or reference, and a markdown description (unit)', () => {
  for (const name of Object.keys(generated.files)) {
    const s = schema(name);
    const check = (owner: string, props: Record<string, any>) => {
      for (const [k, p] of Object.entries(props)) {
        assert.ok(p.type || p.$ref || k === 'hookDetails', `${owner}.${k} has no type`);
        assert.equal(typeof p.markdownDescription, 'string', `${owner}.${k}`);
      }
    };
    check('root', s.properties);
    for (const [d, def] of Object.entries(s.definitions)) check(d, def.properties);
  }
});

test('types and enums follow the SDK and Smithy (unit)', () => {
  const d = schema('task-definition.schema.json').definitions;
  assert.equal(d.PortMapping.properties.containerPort.type, 'integer');
  assert.deepEqual(d.PortMapping.properties.protocol.enum, ['tcp', 'udp']);
  assert.equal(schema('task-definition.schema.json').properties.cpu.type, 'string');
  assert.deepEqual(schema('task-definition.schema.json').properties.networkMode.enum.sort(), [
    'awsvpc',
    'bridge',
    'host',
    'none',
  ]);
  assert.equal(d.ContainerDefinition.properties.dockerLabels.additionalProperties.type, 'string');
  assert.equal(d.ContainerDefinition.additionalProperties, false);
  assert.deepEqual(d.EFSVolumeConfiguration.required, ['fileSystemId']);
});

test('API documentation HTML becomes markdown (unit)', () => {
  const md = htmlToMarkdown(
    '<p>Use <code>awsvpc</code>. See <a href="https://x/y">the guide</a>.</p> <note> <p>Only <i>Linux</i>.</p> </note><ul><li><p>one</p></li><li><p>two</p></li></ul>',
  );
  assert.equal(md, 'Use `awsvpc`. See [the guide](https://x/y).\n\n> **Note:** Only _Linux_.\n\n- one\n- two');
});
