import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));
const windows = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } };

test('fargate/network-mode-awsvpc flags an omitted networkMode and the fix adds awsvpc (unit)', () => {
  const text = td({ networkMode: undefined });
  const f = only(lint(text), 'fargate/network-mode-awsvpc');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Fargate only supports network mode 'awsvpc'\./);
  assert.equal(textAt(text, f[0]), '"requiresCompatibilities"');
  const fixed = applyFix(text, 'fargate/network-mode-awsvpc');
  assert.equal(JSON.parse(fixed).networkMode, 'awsvpc');
  assert.equal(only(lint(fixed), 'fargate/network-mode-awsvpc').length, 0);
});

test('fargate/network-mode-awsvpc replaces bridge; silent for awsvpc and for EC2 bridge (unit)', () => {
  const text = td({ networkMode: 'bridge' });
  const f = only(lint(text), 'fargate/network-mode-awsvpc');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"bridge"');
  assert.equal(f[0].fixes?.[0].isPreferred, true);
  assert.equal(only(lint(applyFix(text, 'fargate/network-mode-awsvpc')), 'fargate/network-mode-awsvpc').length, 0);
  assert.equal(only(lint(td()), 'fargate/network-mode-awsvpc').length, 0);
  assert.equal(
    only(lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge' })), 'fargate/network-mode-awsvpc').length,
    0,
  );
});

test('fargate/network-mode-awsvpc applies when a Fargate service in another file launches the task (unit)', () => {
  const text = td({ requiresCompatibilities: undefined, networkMode: 'bridge' });
  const svc = json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    desiredCount: 1,
  });
  const f = only(
    lintWith({ uri: 'file:///ws/td.json', text }, [{ uri: 'file:///ws/svc.json', text: svc }]),
    'fargate/network-mode-awsvpc',
  );
  assert.equal(f.length, 1);
  assert.equal(f[0].related?.[0].uri, 'file:///ws/svc.json');
});

test('fargate/task-cpu-memory-required flags missing cpu with AWS text and fixes it (unit)', () => {
  const text = td({ cpu: undefined });
  const f = only(lint(text), 'fargate/task-cpu-memory-required');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Fargate requires that 'cpu' be defined at the task level\./);
  const fixed = applyFix(text, 'fargate/task-cpu-memory-required');
  assert.equal(JSON.parse(fixed).cpu, '256');
  assert.equal(only(lint(fixed), 'fargate/task-cpu-memory-required').length, 0);
  assert.equal(only(lint(fixed), 'fargate/cpu-memory-combo').length, 0);
});

test('fargate/task-cpu-memory-required adds both when both are missing, sized for the containers (unit)', () => {
  const text = td({ cpu: undefined, memory: undefined }, { memory: 3000 });
  const f = only(lint(text), 'fargate/task-cpu-memory-required');
  assert.equal(f.length, 1);
  const fixed = JSON.parse(applyFix(text, 'fargate/task-cpu-memory-required'));
  assert.deepEqual([fixed.cpu, fixed.memory], ['512', '3072']);
  assert.equal(only(lint(td()), 'fargate/task-cpu-memory-required').length, 0);
  assert.equal(
    only(
      lint(
        td(
          { requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined, memory: undefined },
          { memory: 512 },
        ),
      ),
      'fargate/task-cpu-memory-required',
    ).length,
    0,
  );
});

test('fargate/cpu-memory-combo flags memory invalid for cpu; nearest-memory fix re-validates clean (unit)', () => {
  const text = td({ cpu: '256', memory: '4096' });
  const f = only(lint(text), 'fargate/cpu-memory-combo');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"4096"');
  assert.match(f[0].message, /Invalid 'cpu' setting for task\./);
  assert.match(f[0].message, /512, 1024, 2048 MiB/);
  const nearestMem = applyFix(text, 'fargate/cpu-memory-combo', 'Set memory to 2048 (nearest valid for cpu 256)');
  assert.equal(only(lint(nearestMem), 'fargate/cpu-memory-combo').length, 0);
  const nearestCpu = applyFix(text, 'fargate/cpu-memory-combo', 'Set cpu to 512 (fits memory 4096 MiB)');
  assert.equal(JSON.parse(nearestCpu).cpu, '512');
  assert.equal(only(lint(nearestCpu), 'fargate/cpu-memory-combo').length, 0);
});

test('fargate/cpu-memory-combo flags a non-Fargate cpu and fixes it to the cpu for the memory (unit)', () => {
  const text = td({ cpu: '300', memory: '1024' });
  const f = only(lint(text), 'fargate/cpu-memory-combo');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"300"');
  const fixed = applyFix(text, 'fargate/cpu-memory-combo');
  assert.equal(only(lint(fixed), 'fargate/cpu-memory-combo').length, 0);
});

test('fargate/cpu-memory-combo accepts the table edges and unit strings; silent on EC2 (unit)', () => {
  for (const [cpu, memory] of [
    ['256', '512'],
    ['4096', '30720'],
    ['8192', '61440'],
    ['16384', '122880'],
    ['.5 vCPU', '4 GB'],
  ]) {
    assert.equal(only(lint(td({ cpu, memory })), 'fargate/cpu-memory-combo').length, 0, `${cpu}/${memory}`);
  }
  assert.equal(
    only(
      lint(td({ requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: '256', memory: '4096' })),
      'fargate/cpu-memory-combo',
    ).length,
    0,
  );
});

test('fargate/windows-min-cpu flags 512 cpu on Windows and raises cpu and memory (unit)', () => {
  const text = td({ ...windows, cpu: '512', memory: '1024' });
  const f = only(lint(text), 'fargate/windows-min-cpu');
  assert.equal(f.length, 1);
  const fixed = applyFix(text, 'fargate/windows-min-cpu');
  assert.deepEqual([JSON.parse(fixed).cpu, JSON.parse(fixed).memory], ['1024', '2048']);
  assert.equal(only(lint(fixed), 'fargate/windows-min-cpu').length, 0);
  assert.equal(only(lint(td({ ...windows, cpu: '1024', memory: '2048' })), 'fargate/windows-min-cpu').length, 0);
  assert.equal(only(lint(td({ cpu: '512', memory: '1024' })), 'fargate/windows-min-cpu').length, 0);
});

test('fargate/ipc-mode flags ipcMode with AWS text; null is fine (unit)', () => {
  const text = td({ ipcMode: 'task' });
  const f = only(lint(text), 'fargate/ipc-mode');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Tasks using the Fargate launch type do not support ipcMode\./);
  assert.equal(only(lint(applyFix(text, 'fargate/ipc-mode')), 'fargate/ipc-mode').length, 0);
  assert.equal(only(lint(td({ ipcMode: null })), 'fargate/ipc-mode').length, 0);
});

test('fargate/pid-mode flags host, accepts task (unit)', () => {
  const text = td({ pidMode: 'host' });
  const f = only(lint(text), 'fargate/pid-mode');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '"host"');
  assert.equal(only(lint(applyFix(text, 'fargate/pid-mode', "Set pidMode to 'task'")), 'fargate/pid-mode').length, 0);
  assert.equal(only(lint(td({ pidMode: 'task' })), 'fargate/pid-mode').length, 0);
  assert.equal(
    only(lint(td({ ...windows, cpu: '1024', memory: '2048', pidMode: 'task' })), 'fargate/pid-mode').length,
    1,
  );
});

test('fargate/placement-constraints flags a constraint, not an empty list (unit)', () => {
  const text = td({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }] });
  assert.equal(only(lint(text), 'fargate/placement-constraints').length, 1);
  assert.equal(only(lint(applyFix(text, 'fargate/placement-constraints')), 'fargate/placement-constraints').length, 0);
  assert.equal(only(lint(td({ placementConstraints: [] })), 'fargate/placement-constraints').length, 0);
});

test('fargate/requires-attributes warns on a lone requiresAttributes; describe copies go to task/readonly-fields (unit)', () => {
  const text = td({ requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }] });
  const all = lint(text);
  assert.equal(only(all, 'fargate/requires-attributes').length, 1);
  assert.equal(only(all, 'task/readonly-fields').length, 0);
  assert.equal(only(lint(applyFix(text, 'fargate/requires-attributes')), 'fargate/requires-attributes').length, 0);
  const copy = lint(td({ requiresAttributes: [{ name: 'x' }], revision: 2 }));
  assert.equal(only(copy, 'fargate/requires-attributes').length, 0);
  assert.equal(only(copy, 'task/readonly-fields').length, 1);
});

test('fargate/os-family errors on EC2-only Windows versions, warns on 2025, accepts 2022 (unit)', () => {
  const os = (v: string) => td({ runtimePlatform: { operatingSystemFamily: v }, cpu: '1024', memory: '2048' });
  const f = only(lint(os('WINDOWS_SERVER_2016_FULL')), 'fargate/os-family');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(
    only(lint(applyFix(os('WINDOWS_SERVER_2016_FULL'), 'fargate/os-family')), 'fargate/os-family').length,
    0,
  );
  assert.equal(only(lint(os('WINDOWS_SERVER_2025_CORE')), 'fargate/os-family')[0].severity, 'warning');
  assert.equal(only(lint(os('WINDOWS_SERVER_2022_FULL')), 'fargate/os-family').length, 0);
});

test('fargate/windows-x86 flags ARM64 Windows and fixes it; Linux ARM64 is fine (unit)', () => {
  const text = td({
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' },
    cpu: '1024',
    memory: '2048',
  });
  const f = only(lint(text), 'fargate/windows-x86');
  assert.equal(f.length, 1);
  assert.equal(only(lint(applyFix(text, 'fargate/windows-x86')), 'fargate/windows-x86').length, 0);
  assert.equal(
    only(
      lint(td({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } })),
      'fargate/windows-x86',
    ).length,
    0,
  );
});

test('templated values are never judged by the task, fargate, container and port rules (unit)', () => {
  const text = td(
    {
      cpu: '{{ must_env `CPU` }}',
      memory: '${MEMORY}',
      networkMode: '${NETWORK_MODE}',
      family: '{{ family }}',
      executionRoleArn: '${EXEC_ROLE}',
      ephemeralStorage: { sizeInGiB: '${SIZE}' },
    },
    {
      image: '<IMAGE1_NAME>',
      name: '${NAME}',
      memory: '${CTR_MEM}',
      portMappings: [{ containerPort: '${PORT}', hostPort: '${HOST_PORT}', protocol: '${PROTO}' }],
      user: '${USER}',
    },
  );
  const mine = /^(task|fargate|ctr|awsvpc|port|cap|linux|sysctl)\//;
  const judged = lint(text).filter((d) => mine.test(d.ruleId) && d.severity !== 'info');
  assert.deepEqual(
    judged.map((d) => `${d.ruleId}: ${d.message}`),
    [],
  );
});
