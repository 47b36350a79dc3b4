import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));

test('task/runtime-platform-enum flags a wrong-case architecture with a case fix (unit)', () => {
  const text = td({ runtimePlatform: { cpuArchitecture: 'arm64', operatingSystemFamily: 'LINUX' } });
  const f = only(lint(text), 'task/runtime-platform-enum');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"arm64"');
  const fixed = applyFix(text, 'task/runtime-platform-enum');
  assert.equal(only(lint(fixed), 'task/runtime-platform-enum').length, 0);
  assert.equal(JSON.parse(fixed).runtimePlatform.cpuArchitecture, 'ARM64');
});

test('task/runtime-platform-enum accepts every documented value (unit)', () => {
  assert.equal(
    only(
      lint(td({ runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } })),
      'task/runtime-platform-enum',
    ).length,
    0,
  );
});

test('task/runtime-platform-default notes a Fargate task without runtimePlatform once (unit)', () => {
  const text = td();
  const f = only(lint(text), 'task/runtime-platform-default');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.equal(textAt(text, f[0]), '"requiresCompatibilities"');
  const fixed = applyFix(text, 'task/runtime-platform-default');
  assert.equal(only(lint(fixed), 'task/runtime-platform-default').length, 0);
  assert.equal(
    only(lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })), 'task/runtime-platform-default').length,
    0,
  );
});

test('task/compat-enum flags FARGATE_SPOT and fixes it to FARGATE (unit)', () => {
  const text = td({ requiresCompatibilities: ['FARGATE_SPOT'] });
  const f = only(lint(text), 'task/compat-enum');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"FARGATE_SPOT"');
  const fixed = applyFix(text, 'task/compat-enum');
  assert.equal(only(lint(fixed), 'task/compat-enum').length, 0);
  assert.equal(only(lint(td({ requiresCompatibilities: ['EC2', 'FARGATE'] })), 'task/compat-enum').length, 0);
});

test('task/network-mode-enum flags AWSVPC with a case fix, accepts host (unit)', () => {
  const text = td({ networkMode: 'AWSVPC' });
  const all = lint(text);
  const f = only(all, 'task/network-mode-enum');
  assert.equal(f.length, 1);
  assert.equal(only(all, 'fargate/network-mode-awsvpc').length, 0, 'case variant is the enum rule only');
  const fixed = applyFix(text, 'task/network-mode-enum');
  assert.equal(only(lint(fixed), 'task/network-mode-enum').length, 0);
  assert.equal(
    only(lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'host' })), 'task/network-mode-enum').length,
    0,
  );
});

test('task/cpu-units notes unit strings, flags unparseable values, stays silent on plain numbers (unit)', () => {
  const text = td({ cpu: '1 vCPU', memory: '2GB' });
  const f = only(lint(text), 'task/cpu-units');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /1024 CPU units/);
  assert.match(f[1].message, /2048 MiB/);
  assert.equal(only(lint(text), 'fargate/cpu-memory-combo').length, 0, 'units are normalised before the combo check');
  const bad = only(lint(td({ cpu: 'one' })), 'task/cpu-units');
  assert.equal(bad.length, 1);
  assert.equal(bad[0].severity, 'error');
  assert.equal(only(lint(td({ cpu: '1024', memory: '2048' })), 'task/cpu-units').length, 0);
});

test('task/ephemeral-storage-range flags 20 and 500 and clamps them (unit)', () => {
  for (const [size, want] of [
    [20, 21],
    [500, 200],
  ] as const) {
    const text = td({ ephemeralStorage: { sizeInGiB: size } });
    const f = only(lint(text), 'task/ephemeral-storage-range');
    assert.equal(f.length, 1);
    assert.equal(textAt(text, f[0]), String(size));
    const fixed = applyFix(text, 'task/ephemeral-storage-range');
    assert.equal(JSON.parse(fixed).ephemeralStorage.sizeInGiB, want);
    assert.equal(only(lint(fixed), 'task/ephemeral-storage-range').length, 0);
  }
  assert.equal(only(lint(td({ ephemeralStorage: { sizeInGiB: 21 } })), 'task/ephemeral-storage-range').length, 0);
  assert.equal(only(lint(td({ ephemeralStorage: { sizeInGiB: 200 } })), 'task/ephemeral-storage-range').length, 0);
});

test('task/inference-accelerators warns on a non-empty list only (unit)', () => {
  const f = only(
    lint(td({ inferenceAccelerators: [{ deviceName: 'd1', deviceType: 'eia2.medium' }] })),
    'task/inference-accelerators',
  );
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(only(lint(td({ inferenceAccelerators: [] })), 'task/inference-accelerators').length, 0);
});

const proxy = (containerName: string) => ({
  proxyConfiguration: {
    type: 'APPMESH',
    containerName,
    properties: [
      { name: 'IgnoredUID', value: '1337' },
      { name: 'AppPorts', value: '80' },
    ],
  },
});

test('task/proxy-appmesh-eol errors on a missing proxy container and warns on App Mesh EOL (unit)', () => {
  const text = json(fargateTaskDef(proxy('envoi'), {}));
  const withEnvoy = JSON.parse(text);
  withEnvoy.containerDefinitions.push({
    name: 'envoy',
    image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29',
    essential: true,
  });
  const t2 = json(withEnvoy);
  const f = only(lint(t2), 'task/proxy-appmesh-eol');
  assert.equal(f.length, 2);
  const missing = f.find((d) => d.severity === 'error')!;
  assert.equal(textAt(t2, missing), '"envoi"');
  const fixed = applyEdits(t2, missing.fixes!.find((x) => x.title === "Change to 'envoy'")!.edits);
  const after = only(lint(fixed), 'task/proxy-appmesh-eol');
  assert.equal(after.length, 1);
  assert.equal(after[0].severity, 'warning');
});

test('task/proxy-appmesh-eol stays silent without proxyConfiguration (unit)', () => {
  assert.equal(only(lint(td()), 'task/proxy-appmesh-eol').length, 0);
  assert.equal(only(lint(td({ proxyConfiguration: null })), 'task/proxy-appmesh-eol').length, 0);
});
