import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/service/documents/edits';
import { fargateTaskDef, json, lintWith, only, textAt, lint } from '../helpers';

const efsTd = json(
  fargateTaskDef(
    {
      volumes: [
        {
          name: 'data',
          efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', transitEncryption: 'ENABLED' },
        },
      ],
    },
    { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] },
  ),
);
const plainTd = json(fargateTaskDef());
const windowsTd = json(
  fargateTaskDef({
    cpu: '1024',
    memory: '2048',
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
  }),
);
const svc = (pv: string | undefined, extra: Record<string, unknown> = {}) =>
  json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web:4',
    launchType: 'FARGATE',
    desiredCount: 1,
    ...(pv ? { platformVersion: pv } : {}),
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
    ...extra,
  });
const SVC = 'file:///ws/svc.json';
const TD = 'file:///ws/td.json';
const check = (service: string, td: string) => lintWith({ uri: SVC, text: service }, [{ uri: TD, text: td }]);

function fixAndRecheck(service: string, td: string, ruleId: string): string {
  const d = only(check(service, td), ruleId)[0];
  const preferred = d.fixes!.find((f) => f.isPreferred)!;
  const fixed = applyEdits(service, preferred.edits);
  assert.equal(only(check(fixed, td), ruleId).length, 0, `${ruleId} after its fix`);
  return fixed;
}

test('pv/feature-requires-1.4.0: 1.3.0 with an EFS task definition, related info at the volume; fix re-validates clean (unit)', () => {
  const text = svc('1.3.0');
  const d = only(check(text, efsTd), 'pv/feature-requires-1.4.0');
  assert.equal(d.length, 1);
  assert.equal(textAt(text, d[0]), '"1.3.0"');
  assert.equal(d[0].related?.[0].uri, TD);
  assert.equal(textAt(efsTd, { ...d[0], span: d[0].related[0].span }), '"efsVolumeConfiguration"');
  assert.match(fixAndRecheck(text, efsTd, 'pv/feature-requires-1.4.0'), /"LATEST"/);
});

test('pv/feature-requires-1.4.0 stays silent on LATEST, on omitted versions and without 1.4.0 features (unit)', () => {
  assert.equal(only(check(svc('LATEST'), efsTd), 'pv/feature-requires-1.4.0').length, 0);
  assert.equal(only(check(svc(undefined), efsTd), 'pv/feature-requires-1.4.0').length, 0);
  assert.equal(only(check(svc('1.3.0'), plainTd), 'pv/feature-requires-1.4.0').length, 0);
  assert.equal(only(check(svc('1.3.0', { launchType: 'EC2' }), efsTd), 'pv/feature-requires-1.4.0').length, 0);
});

test('pv/retired flags 1.0.0-1.3.0 on Linux, not 1.0.0 for Windows; fix re-validates clean (unit)', () => {
  for (const v of ['1.0.0', '1.1.0', '1.2.0', '1.3.0'])
    assert.equal(only(check(svc(v), plainTd), 'pv/retired').length, 1, v);
  assert.equal(only(check(svc('1.0.0'), windowsTd), 'pv/retired').length, 0);
  assert.equal(only(check(svc('1.4.0'), plainTd), 'pv/retired').length, 0);
  fixAndRecheck(svc('1.3.0'), plainTd, 'pv/retired');
});

test('pv/unknown flags versions Fargate does not have (unit)', () => {
  assert.equal(only(check(svc('1.5.0'), plainTd), 'pv/unknown').length, 1);
  assert.equal(only(check(svc('latest'), plainTd), 'pv/unknown').length, 1);
  assert.equal(only(check(svc('LATEST'), plainTd), 'pv/unknown').length, 0);
  fixAndRecheck(svc('2.0'), plainTd, 'pv/unknown');
});

test('pv/windows-linux-mismatch: 1.4.0 for a Windows task definition (unit)', () => {
  assert.equal(only(check(svc('1.4.0'), windowsTd), 'pv/windows-linux-mismatch').length, 1);
  assert.equal(only(check(svc('1.0.0'), windowsTd), 'pv/windows-linux-mismatch').length, 0);
  assert.equal(only(check(svc('1.4.0'), plainTd), 'pv/windows-linux-mismatch').length, 0);
  fixAndRecheck(svc('1.4.0'), windowsTd, 'pv/windows-linux-mismatch');
});

test('pv/task-needs-1.4.0 notes the feature and its line on requiresCompatibilities; silent without such features (unit)', () => {
  const d = only(lint(efsTd), 'pv/task-needs-1.4.0');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'info');
  assert.equal(textAt(efsTd, d[0]), '"requiresCompatibilities"');
  assert.match(d[0].message, /EFS volume 'data', line \d+/);
  assert.equal(only(lint(plainTd), 'pv/task-needs-1.4.0').length, 0);
  const refused = json(fargateTaskDef({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } }));
  assert.equal(
    only(lint(refused), 'pv/task-needs-1.4.0').length,
    0,
    'a refused capability is not a platform-version need',
  );
});
