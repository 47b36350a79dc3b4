import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJson } from '../../../server/src/service/documents/json';
import { complete } from '../../../server/src/service/editing/completion';
import type { SchemaKind } from '../../../server/src/service/schema/schemas';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../../fixtures/editing/fargate-taskdef.json'), 'utf8');

/** Completion with the cursor at `|` in `text` (the marker is removed). */
function at(textWithCursor: string, kind: SchemaKind = 'register', fargate?: boolean) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  return complete(text, parseJson(text).root, offset, kind, { fargate });
}
/** Cursor right after `needle` in the fixture. */
function inFixture(needle: string, text = FIXTURE) {
  const offset = text.indexOf(needle) + needle.length;
  assert.ok(offset >= needle.length, needle);
  return complete(text, parseJson(text).root, offset, 'register');
}
const labels = (r: { items: { label: string }[] }) => r.items.map((i) => i.label);

test('property names from the schema, minus those present, with snippets (unit)', () => {
  const r = at('{"containerDefinitions":[{"name":"a","|"}]}');
  const names = labels(r);
  assert.ok(names.includes('image') && names.includes('versionConsistency') && names.includes('restartPolicy'));
  assert.ok(!names.includes('name'));
  const hc = r.items.find((i) => i.label === 'healthCheck (health check)')!;
  assert.match(hc.insertText!, /"CMD-SHELL"/);
  assert.ok(labels(r).includes('logConfiguration (awslogs logging)'));
  assert.ok(labels(r).includes('portMappings (port mapping)'));
  assert.deepEqual(r.replace, { offset: 37, length: 2 });
});

test('snippets: container definition and EFS volume with transit encryption and access point (unit)', () => {
  const root = at('{"family":"x",|}');
  const container = root.items.find((i) => i.label === 'containerDefinitions (container definition)')!;
  assert.match(container.insertText!, /"image"/);
  const efs = at('{"volumes":[{"name":"d",|}]}').items.find(
    (i) => i.label === 'efsVolumeConfiguration (EFS volume configuration)',
  )!;
  assert.match(efs.insertText!, /"transitEncryption": "ENABLED"/);
  assert.match(efs.insertText!, /"accessPointId"/);
  assert.deepEqual(labels(at('{"containerDefinitions":[|]}')), ['container definition']);
  assert.ok(labels(at('{"volumes":[|]}')).includes('EFS volume'));
});

test('completion in incomplete JSON being typed (unit)', () => {
  const r = at(
    '{\n  "family": "x",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "portMappings": [{ "protocol": "|',
  );
  assert.deepEqual(labels(r), ['tcp', 'udp']);
  assert.ok(labels(at('{\n  "family": "x",\n  "netw|')).includes('networkMode'));
  assert.deepEqual(labels(at('{"networkMode": |')).sort(), ['awsvpc', 'bridge', 'host', 'none']);
});

test('Fargate-aware: memory for the cpu and cpu for the memory (unit)', () => {
  assert.deepEqual(labels(inFixture('"memory": "')), ['1024', '2048', '3072', '4096']);
  assert.deepEqual(labels(at('{"cpu": "256", "memory": "|"}')), ['512', '1024', '2048']);
  assert.deepEqual(labels(at('{"cpu": "1 vCPU", "memory": "|"}')), [
    '2048',
    '3072',
    '4096',
    '5120',
    '6144',
    '7168',
    '8192',
  ]);
  assert.deepEqual(labels(at('{"memory": "8192", "cpu": "|"}')), ['1024', '2048', '4096']);
  assert.equal(at('{"cpu": "256", "memory": |}').items[0].insertText, '"512"');
});

test('Fargate-aware: only SYS_PTRACE for capabilities.add on Fargate; all names otherwise (unit)', () => {
  assert.deepEqual(labels(inFixture('"add": ["')), ['SYS_PTRACE']);
  const ec2 = at('{"containerDefinitions":[{"linuxParameters":{"capabilities":{"add":["|"]}}}]}');
  assert.ok(labels(ec2).includes('NET_ADMIN') && labels(ec2).length > 30);
  assert.deepEqual(
    labels(at('{"containerDefinitions":[{"linuxParameters":{"capabilities":{"add":["|"]}}}]}', 'register', true)),
    ['SYS_PTRACE'],
  );
});

test('Fargate log drivers first (unit)', () => {
  const r = inFixture('"logDriver": "');
  const sorted = [...r.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
  assert.deepEqual(sorted.slice(0, 3).sort(), ['awsfirelens', 'awslogs', 'splunk']);
  assert.equal(r.items.find((i) => i.label === 'json-file')!.detail, 'not supported on Fargate');
});

test('declared volume names and container names (unit)', () => {
  assert.deepEqual(labels(inFixture('"sourceVolume": "')), ['data', 'scratch']);
  assert.deepEqual(labels(inFixture('"containerName": "')), ['sidecar']);
  assert.deepEqual(labels(inFixture('"sourceContainer": "')), ['app']);
  assert.deepEqual(labels(at('{"containerDefinitions":[{"name":"web"},{"name":"db","links":["|"]}]}')), ['web']);
  assert.deepEqual(
    labels(at('{"containerDefinitions":[{"name":"web"},{"name":"envoy"}],"proxyConfiguration":{"containerName":"|"}}')),
    ['web', 'envoy'],
  );
});

test('platformVersion values with the retired ones marked (unit)', () => {
  const r = at('{"cluster":"c","taskDefinition":"t","platformVersion":"|"}', 'run-task');
  assert.deepEqual(labels(r), ['LATEST', '1.4.0', '1.0.0', '1.3.0', '1.2.0', '1.1.0']);
  assert.deepEqual(
    r.items.filter((i) => i.tags?.includes(1)).map((i) => i.label),
    ['1.3.0', '1.2.0', '1.1.0'],
  );
  assert.match(r.items[2].detail!, /Windows/);
  assert.ok(labels(at('{"serviceName":"s","platformVersion":"|"}', 'create-service')).includes('LATEST'));
});

test('describe output: completion inside taskDefinition (unit)', () => {
  assert.deepEqual(labels(at('{"taskDefinition":{"cpu":"512","memory":"|"}}', 'describe-wrapped')), [
    '1024',
    '2048',
    '3072',
    '4096',
  ]);
});
