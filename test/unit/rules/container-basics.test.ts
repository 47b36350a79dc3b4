import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));
const two = (a: Record<string, unknown>, b: Record<string, unknown>, patch: Record<string, unknown> = {}) => {
  const base = fargateTaskDef(patch);
  const c0 = (base.containerDefinitions as Record<string, unknown>[])[0];
  return json({
    ...base,
    containerDefinitions: [
      { ...c0, ...a },
      { name: 'sidecar', image: 'busybox', essential: false, ...b },
    ],
  });
};

test('ctr/name flags invalid characters and a missing name with AWS text (unit)', () => {
  const text = td({}, { name: 'my.app' });
  const f = only(lint(text), 'ctr/name');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Container\.name contains invalid characters/);
  const missing = only(lint(td({}, { name: undefined })), 'ctr/name');
  assert.match(missing[0].message, /Container\.name should not be null or empty/);
  assert.equal(only(lint(td({}, { name: 'web_1-a' })), 'ctr/name').length, 0);
});

test('ctr/name-unique flags the second container with the same name (unit)', () => {
  const text = two({}, { name: 'app' });
  const f = only(lint(text), 'ctr/name-unique');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Container names must be unique within a Task Definition/);
  assert.equal(f[0].related?.length, 1);
  assert.equal(only(lint(two({}, {})), 'ctr/name-unique').length, 0);
});

test('ctr/image flags empty and malformed images, skips placeholders and digests (unit)', () => {
  assert.match(
    only(lint(td({}, { image: '' })), 'ctr/image')[0].message,
    /Container\.image should not be null or empty/,
  );
  const bad = td({}, { image: 'nginx latest' });
  const f = only(lint(bad), 'ctr/image');
  assert.equal(f.length, 1);
  assert.equal(textAt(bad, f[0]), '"nginx latest"');
  assert.equal(only(lint(td({}, { image: 'nginx@sha256:abc' })), 'ctr/image').length, 1);
  assert.equal(only(lint(td({}, { image: '<IMAGE1_NAME>' })), 'ctr/image').length, 0);
  assert.equal(
    only(
      lint(td({}, { image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}` })),
      'ctr/image',
    ).length,
    0,
  );
  assert.equal(only(lint(td({}, { image: '${IMAGE_URI}' })), 'ctr/image').length, 0);
});

test('ctr/essential flags a task whose containers are all non-essential, and fixes it (unit)', () => {
  const text = two({ essential: false }, {});
  const f = only(lint(text), 'ctr/essential');
  assert.equal(f.length, 1);
  assert.equal(only(lint(applyFix(text, 'ctr/essential')), 'ctr/essential').length, 0);
  assert.equal(only(lint(two({ essential: undefined }, {})), 'ctr/essential').length, 0);
});

test('ctr/memory-vs-reservation flags a reservation above memory; equal is accepted (unit)', () => {
  const text = td({}, { memory: 256, memoryReservation: 512 });
  const f = only(lint(text), 'ctr/memory-vs-reservation');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '512');
  assert.equal(only(lint(applyFix(text, 'ctr/memory-vs-reservation')), 'ctr/memory-vs-reservation').length, 0);
  assert.equal(only(lint(td({}, { memory: 512, memoryReservation: 512 })), 'ctr/memory-vs-reservation').length, 0);
});

test('ctr/memory-min warns below 6 MiB (unit)', () => {
  const f = only(lint(td({}, { memory: 2 })), 'ctr/memory-min');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(only(lint(td({}, { memory: 6 })), 'ctr/memory-min').length, 0);
});

test('ctr/memory-sum: a container above the task errors with AWS text; hard limits only adding up warn (unit)', () => {
  const one = td({ memory: '512' }, { memory: 1024 });
  const f = only(lint(one), 'ctr/memory-sum');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /The 'memory' setting for container 'app' is greater than for the task/);
  const sum = only(
    lint(two({ memory: 400, memoryReservation: 200 }, { memory: 400, memoryReservation: 200 }, { memory: '512' })),
    'ctr/memory-sum',
  );
  assert.equal(sum.length, 1);
  assert.equal(sum[0].severity, 'warning');
  const reserved = only(
    lint(two({ memoryReservation: 300 }, { memoryReservation: 300 }, { memory: '512' })),
    'ctr/memory-sum',
  );
  assert.equal(reserved[0].severity, 'error');
  assert.equal(only(lint(two({ memory: 256 }, { memory: 256 }, { memory: '512' })), 'ctr/memory-sum').length, 0);
});

test('ctr/cpu-sum flags containers above the task cpu; equal is fine (unit)', () => {
  const f = only(lint(two({ cpu: 256 }, { cpu: 128 }, { cpu: '256' })), 'ctr/cpu-sum');
  assert.equal(f.length, 1);
  assert.match(
    f[0].message,
    /The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'/,
  );
  assert.equal(only(lint(td({ cpu: '256' }, { cpu: 256 })), 'ctr/cpu-sum').length, 0);
});

test('ctr/ec2-memory-required flags an EC2 container without memory; task memory or reservation satisfies it (unit)', () => {
  const ec2 = { requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined, memory: undefined };
  const f = only(lint(td(ec2)), 'ctr/ec2-memory-required');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /At least one of 'memory' or 'memoryReservation' must be specified/);
  assert.equal(only(lint(td(ec2, { memoryReservation: 256 })), 'ctr/ec2-memory-required').length, 0);
  assert.equal(only(lint(td({ ...ec2, memory: '512' })), 'ctr/ec2-memory-required').length, 0);
  assert.equal(only(lint(td({ cpu: '256', memory: '512' })), 'ctr/ec2-memory-required').length, 0);
});

test('fargate/unsupported-fields flags privileged and extraHosts on Fargate, not false/empty or EC2 (unit)', () => {
  const text = td({}, { privileged: true, extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.1' }] });
  const f = only(lint(text), 'fargate/unsupported-fields');
  assert.equal(f.length, 2);
  assert.equal(textAt(text, f[0]), '"privileged"');
  assert.equal(only(lint(applyFix(text, 'fargate/unsupported-fields')), 'fargate/unsupported-fields').length, 1);
  assert.equal(
    only(lint(td({}, { privileged: false, dnsServers: [], extraHosts: null })), 'fargate/unsupported-fields').length,
    0,
  );
  assert.equal(
    only(
      lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' }, { privileged: true })),
      'fargate/unsupported-fields',
    ).length,
    0,
  );
  const gpu = only(lint(td({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] })), 'fargate/unsupported-fields');
  assert.equal(gpu.length, 1);
});

test('awsvpc/hostname flags hostname with awsvpc (AWS text), not with bridge or null (unit)', () => {
  const text = td({}, { hostname: 'web' });
  const f = only(lint(text), 'awsvpc/hostname');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /hostname is not supported on container when networkMode=awsvpc\./);
  assert.equal(only(lint(applyFix(text, 'awsvpc/hostname')), 'awsvpc/hostname').length, 0);
  assert.equal(
    only(lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' }, { hostname: 'web' })), 'awsvpc/hostname')
      .length,
    0,
  );
  assert.equal(only(lint(td({}, { hostname: null })), 'awsvpc/hostname').length, 0);
});

test('awsvpc/links flags links outside bridge mode only (unit)', () => {
  const text = td({}, { links: ['db'] });
  assert.equal(only(lint(text), 'awsvpc/links').length, 1);
  assert.equal(only(lint(text), 'fargate/unsupported-fields').length, 0, 'one finding per token');
  assert.equal(only(lint(applyFix(text, 'awsvpc/links')), 'awsvpc/links').length, 0);
  assert.equal(
    only(lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' }, { links: ['db'] })), 'awsvpc/links')
      .length,
    0,
  );
});
