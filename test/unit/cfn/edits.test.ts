import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type DocumentModel } from '../../../server/src/service/shapes/document';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { at, child, prop, str, type ArrayNode, type ObjectNode } from '../../../server/src/service/documents/ast';
import type { OffsetEdit } from '../../../server/src/service/types';

const URI = 'file:///ws/template.yaml';
const YAML = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Task:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      Family: web # the family',
  '      Cpu: 256',
  '      RequiresCompatibilities: [FARGATE]',
  '      ContainerDefinitions:',
  '        - Name: app',
  '          Image: nginx',
  '          LinuxParameters:',
  '            Capabilities:',
  '              Add:',
  '                - SYS_PTRACE',
  '                - NET_ADMIN',
  '                - SYS_ADMIN',
  '          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: /ecs/web}}',
  '      Volumes:',
  '        - Name: data',
  '  Svc:',
  '    Type: AWS::ECS::Service',
  '    Properties:',
  '      TaskDefinition: !Ref Task',
  '      PlatformVersion: 1.3.0',
  '',
].join('\n');

/** Applies one edit, re-parses, and checks the result is still a clean template. */
function apply(text: string, edit: (doc: DocumentModel) => OffsetEdit, uri = URI): DocumentModel {
  const out = applyEdits(text, [edit(parseDocument(uri, text))]);
  const doc = parseDocument(uri, out);
  assert.deepEqual(
    doc.parseFindings.filter((f) => f.severity === 'error'),
    [],
    out,
  );
  assert.equal(doc.dialect, 'cfn', out);
  return doc;
}
const td = (d: DocumentModel) => d.taskDefs[0];
const add = (d: DocumentModel) => at(td(d).containers[0], 'linuxParameters', 'capabilities', 'add') as ArrayNode;

test('YAML edits: replace a scalar, rename a key, add CloudFormation-named properties (unit)', () => {
  let d = apply(YAML, (doc) => doc.edits.replaceValue(doc.launches[0].platformVersion!, 'LATEST'));
  assert.equal(str(d.launches[0].platformVersion), 'LATEST');
  assert.match(d.text, /PlatformVersion: LATEST\n/);
  d = apply(YAML, (doc) => doc.edits.replaceValue(child(td(doc).root, 'cpu')!, '512'));
  assert.match(d.text, /Cpu: '512'\n/);
  d = apply(YAML, (doc) => doc.edits.addProperty(td(doc).root!, 'networkMode', 'awsvpc'));
  assert.equal(str(child(td(d).root, 'networkMode')), 'awsvpc');
  assert.match(d.text, /\n {6}NetworkMode: awsvpc\n {2}Svc:/);
  d = apply(YAML, (doc) =>
    doc.edits.addProperty(td(doc).volumes[0], 'efsVolumeConfiguration', {
      fileSystemId: 'fs-1',
      authorizationConfig: { iam: 'ENABLED' },
    }),
  );
  assert.match(
    d.text,
    /EFSVolumeConfiguration:\n {12}FilesystemId: fs-1\n {12}AuthorizationConfig:\n {14}IAM: ENABLED/,
  );
  assert.equal(str(at(td(d).volumes[0], 'efsVolumeConfiguration', 'authorizationConfig', 'iam')), 'ENABLED');
  d = apply(YAML, (doc) => doc.edits.replaceKey(prop(td(doc).root, 'family')!, 'family'));
  assert.match(d.text, /Family: web # the family/);
});

test('YAML edits: flow maps keep map keys as written (unit)', () => {
  const d = apply(YAML, (doc) =>
    doc.edits.addProperty(
      at(td(doc).containers[0], 'logConfiguration', 'options') as ObjectNode,
      'awslogs-region',
      'us-east-1',
    ),
  );
  assert.match(d.text, /Options: \{awslogs-group: \/ecs\/web, awslogs-region: us-east-1\}/);
  const d2 = apply(YAML, (doc) =>
    doc.edits.addProperty(child(td(doc).containers[0], 'logConfiguration') as ObjectNode, 'secretOptions', [
      { name: 'k', valueFrom: 'arn' },
    ]),
  );
  assert.match(d2.text, /SecretOptions: \[\{Name: k, ValueFrom: arn\}\]/);
});

test('YAML edits: remove and append block sequence items (unit)', () => {
  let d = apply(YAML, (doc) => doc.edits.removeItem(add(doc), 1));
  assert.deepEqual(
    add(d).items.map((i) => str(i)),
    ['SYS_PTRACE', 'SYS_ADMIN'],
  );
  d = apply(YAML, (doc) => doc.edits.removeItem(add(doc), 2));
  assert.deepEqual(
    add(d).items.map((i) => str(i)),
    ['SYS_PTRACE', 'NET_ADMIN'],
  );
  d = apply(d.text, (doc) => doc.edits.removeItem(add(doc), 0));
  d = apply(d.text, (doc) => doc.edits.removeItem(add(doc), 0));
  assert.equal(add(d).items.length, 0);
  d = apply(YAML, (doc) =>
    doc.edits.appendItem(td(doc).containersNode as ArrayNode, { name: 'sidecar', image: 'busybox', essential: false }),
  );
  assert.equal(td(d).containers.length, 2);
  assert.equal(str(child(td(d).containers[1], 'name')), 'sidecar');
  assert.match(d.text, /\n {8}- Name: sidecar\n {10}Image: busybox\n {10}Essential: false/);
  d = apply(YAML, (doc) => doc.edits.appendItem(child(td(doc).root, 'requiresCompatibilities') as ArrayNode, 'EC2'));
  assert.match(d.text, /\[FARGATE, EC2\]/);
});

test('YAML edits: remove properties (first after a dash, middle, last, only) (unit)', () => {
  let d = apply(YAML, (doc) => doc.edits.removeProperty(td(doc).containers[0], prop(td(doc).containers[0], 'name')!));
  assert.equal(child(td(d).containers[0], 'name'), undefined);
  assert.equal(str(child(td(d).containers[0], 'image')), 'nginx');
  d = apply(YAML, (doc) => doc.edits.removeProperty(td(doc).root!, prop(td(doc).root, 'cpu')!));
  assert.equal(child(td(d).root, 'cpu'), undefined);
  assert.equal(str(child(td(d).root, 'family')), 'web');
  d = apply(YAML, (doc) => doc.edits.removeProperty(td(doc).root!, prop(td(doc).root, 'volumes')!));
  assert.equal(child(td(d).root, 'volumes'), undefined);
  assert.equal(d.launches.length, 1);
  d = apply(YAML, (doc) => doc.edits.removeProperty(td(doc).volumes[0], prop(td(doc).volumes[0], 'name')!));
  assert.equal(td(d).volumes[0].properties.length, 0);
  d = apply(YAML, (doc) =>
    doc.edits.removeProperty(doc.launches[0].node, prop(doc.launches[0].node, 'platformVersion')!),
  );
  assert.equal(d.launches[0].platformVersion, undefined);
});

test('YAML edits: replacing a scalar by an object writes a nested block (unit)', () => {
  const d = apply(YAML, (doc) => doc.edits.replaceValue(child(td(doc).volumes[0], 'name')!, { host: 1 }));
  assert.match(d.text, /- Name:\n {12}Host: 1\n/);
});

test('JSON template edits use CloudFormation names (unit)', () => {
  const json = JSON.stringify(
    {
      Resources: {
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'web',
            Volumes: [{ Name: 'd' }],
            ContainerDefinitions: [
              {
                Name: 'app',
                Image: 'nginx',
                LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'g' } },
              },
            ],
          },
        },
      },
    },
    null,
    2,
  );
  const uri = 'file:///ws/template.json';
  let d = apply(
    json,
    (doc) =>
      doc.edits.addProperty(td(doc).volumes[0], 'efsVolumeConfiguration', {
        fileSystemId: 'fs-1',
        transitEncryption: 'ENABLED',
      }),
    uri,
  );
  const parsed = JSON.parse(d.text);
  assert.deepEqual(parsed.Resources.Task.Properties.Volumes[0].EFSVolumeConfiguration, {
    FilesystemId: 'fs-1',
    TransitEncryption: 'ENABLED',
  });
  d = apply(
    json,
    (doc) =>
      doc.edits.addProperty(
        at(td(doc).containers[0], 'logConfiguration', 'options') as ObjectNode,
        'awslogs-region',
        'eu-west-1',
      ),
    uri,
  );
  assert.equal(
    JSON.parse(d.text).Resources.Task.Properties.ContainerDefinitions[0].LogConfiguration.Options['awslogs-region'],
    'eu-west-1',
  );
  d = apply(json, (doc) => doc.edits.replaceKey(prop(td(doc).root, 'family')!, 'family'), uri);
  assert.equal(JSON.parse(d.text).Resources.Task.Properties.Family, 'web');
  assert.equal(parseDocument(uri, json).edits.key('networkMode'), 'NetworkMode');
});

test('YAML edits keep CRLF line endings (unit)', () => {
  const crlf = YAML.replace(/\n/g, '\r\n');
  let d = apply(crlf, (doc) => doc.edits.addProperty(td(doc).root!, 'networkMode', 'awsvpc'));
  d = apply(d.text, (doc) =>
    doc.edits.appendItem(td(doc).containersNode as ArrayNode, { name: 'b', image: 'busybox' }),
  );
  d = apply(d.text, (doc) => doc.edits.removeItem(add(doc), 2));
  d = apply(d.text, (doc) =>
    doc.edits.removeProperty(doc.launches[0].node, prop(doc.launches[0].node, 'platformVersion')!),
  );
  assert.equal(/[^\r]\n/.test(d.text), false, 'no bare LF');
  assert.equal(str(child(td(d).root, 'networkMode')), 'awsvpc');
  assert.equal(td(d).containers.length, 2);
  assert.deepEqual(
    add(d).items.map((i) => str(i)),
    ['SYS_PTRACE', 'NET_ADMIN'],
  );
});
