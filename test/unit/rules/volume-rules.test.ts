import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const td = (volumes: unknown[], container: Record<string, unknown> = {}, patch: Record<string, unknown> = {}) =>
  json(fargateTaskDef({ volumes, ...patch }, container));
const mount = (sourceVolume: string, containerPath = '/data') => ({ mountPoints: [{ sourceVolume, containerPath }] });

test('vol/name flags invalid and duplicate names at the value (unit)', () => {
  const text = td([{ name: 'bad name', host: {} }, { name: 'a' }, { name: 'a' }], {
    mountPoints: [{ sourceVolume: 'a', containerPath: '/a' }],
  });
  const found = only(lint(text), 'vol/name');
  assert.equal(found.length, 2);
  assert.equal(textAt(text, found[0]), '"bad name"');
  assert.match(found[1].message, /declared twice/);
});

test('vol/name flags an unnamed EFS volume, stays silent for valid unique names (unit)', () => {
  assert.equal(only(lint(td([{ efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }])), 'vol/name').length, 1);
  assert.equal(only(lint(td([{ name: 'data_1-x' }, { name: 'logs' }])), 'vol/name').length, 0);
  assert.equal(only(lint(td([{ host: {} }])), 'vol/name').length, 0);
});

test('vol/one-kind flags a second kind at its key, silent for one kind (unit)', () => {
  const text = td([{ name: 'v', host: {}, efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }], mount('v'));
  const found = only(lint(text), 'vol/one-kind');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"efsVolumeConfiguration"');
  assert.equal(
    only(
      lint(td([{ name: 'v', host: null, efsVolumeConfiguration: { fileSystemId: 'fs-12345678' } }], mount('v'))),
      'vol/one-kind',
    ).length,
    0,
  );
});

test('fargate/docker-volume flags dockerVolumeConfiguration on Fargate only (unit)', () => {
  const vols = [{ name: 'v', dockerVolumeConfiguration: { scope: 'task', driver: 'local' } }];
  const text = td(vols, mount('v'));
  const found = only(lint(text), 'fargate/docker-volume');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"dockerVolumeConfiguration"');
  const fixed = applyFix(text, 'fargate/docker-volume');
  assert.equal(only(lint(fixed), 'fargate/docker-volume').length, 0);
  assert.equal(
    only(lint(td(vols, mount('v'), { requiresCompatibilities: ['EC2'] })), 'fargate/docker-volume').length,
    0,
  );
});

test('fargate/host-source-path flags sourcePath, not an empty host (unit)', () => {
  const text = td([{ name: 'v', host: { sourcePath: '/var/data' } }], mount('v'));
  const found = only(lint(text), 'fargate/host-source-path');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"sourcePath"');
  const fixed = applyFix(text, 'fargate/host-source-path');
  assert.equal(only(lint(fixed), 'fargate/host-source-path').length, 0);
  assert.doesNotThrow(() => JSON.parse(fixed));
  assert.equal(only(lint(td([{ name: 'v', host: {} }], mount('v'))), 'fargate/host-source-path').length, 0);
});

test('fargate/fsx-windows flags FSx volumes on Fargate, not on EC2 (unit)', () => {
  const vols = [
    {
      name: 'v',
      fsxWindowsFileServerVolumeConfiguration: {
        fileSystemId: 'fs-0123456789abcdef0',
        rootDirectory: 'share',
        authorizationConfig: { credentialsParameter: 'arn:aws:ssm:us-east-1:123456789012:parameter/x', domain: 'corp' },
      },
    },
  ];
  assert.equal(only(lint(td(vols, mount('v', 'C:\\data'))), 'fargate/fsx-windows').length, 1);
  assert.equal(
    only(lint(td(vols, mount('v', 'C:\\data'), { requiresCompatibilities: ['EC2'] })), 'fargate/fsx-windows').length,
    0,
  );
});

test('vol/configured-at-launch flags a second volume configured at launch (unit)', () => {
  const text = td(
    [
      { name: 'a', configuredAtLaunch: true },
      { name: 'b', configuredAtLaunch: true },
    ],
    {
      mountPoints: [
        { sourceVolume: 'a', containerPath: '/a' },
        { sourceVolume: 'b', containerPath: '/b' },
      ],
    },
  );
  const found = only(lint(text), 'vol/configured-at-launch');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(
    only(
      lint(
        td([
          { name: 'a', configuredAtLaunch: true },
          { name: 'b', configuredAtLaunch: false },
        ]),
      ),
      'vol/configured-at-launch',
    ).length,
    0,
  );
});

test('mount/source-exists offers rename to the closest volume and re-validates clean (unit)', () => {
  const text = td([{ name: 'uploads' }], mount('upload'));
  const found = only(lint(text), 'mount/source-exists');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"upload"');
  assert.equal(found[0].fixes?.[0].isPreferred, true);
  const fixed = applyFix(text, 'mount/source-exists', "Rename to 'uploads'");
  assert.equal(only(lint(fixed), 'mount/source-exists').length, 0);
});

test('mount/source-exists declares a missing volume when there are none (unit)', () => {
  const text = json(fargateTaskDef({}, mount('scratch')));
  const fixed = applyFix(text, 'mount/source-exists', "Declare volume 'scratch'");
  assert.deepEqual(JSON.parse(fixed).volumes, [{ name: 'scratch' }]);
  assert.equal(only(lint(fixed), 'mount/source-exists').length, 0);
  const fixed2 = applyFix(td([{ name: 'other' }], mount('zzzzzz')), 'mount/source-exists', "Declare volume 'zzzzzz'");
  assert.equal(only(lint(fixed2), 'mount/source-exists').length, 0);
});

test('mount/source-exists is silent for declared volumes and computed volume lists (unit)', () => {
  assert.equal(only(lint(td([{ name: 'v' }], mount('v'))), 'mount/source-exists').length, 0);
  const templated = json(fargateTaskDef({ volumes: '${VOLUMES}' }, mount('v')));
  assert.equal(only(lint(templated), 'mount/source-exists').length, 0);
  const bare = json([{ name: 'app', image: 'nginx', mountPoints: [{ sourceVolume: 'v', containerPath: '/v' }] }]);
  assert.equal(only(lint(bare), 'mount/source-exists').length, 0);
});

test('mount/container-path flags relative paths, accepts absolute ones (unit)', () => {
  const text = td([{ name: 'v' }], mount('v', 'data'));
  const found = only(lint(text), 'mount/container-path');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"data"');
  assert.equal(only(lint(td([{ name: 'v' }], mount('v', '/data'))), 'mount/container-path').length, 0);
  const win = td([{ name: 'v' }], mount('v', 'C:\\data'), {
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
    cpu: '1024',
    memory: '2048',
  });
  assert.equal(only(lint(win), 'mount/container-path').length, 0);
});

test('mount/duplicate-path flags the second mount at one path (unit)', () => {
  const text = td([{ name: 'a' }, { name: 'b' }], {
    mountPoints: [
      { sourceVolume: 'a', containerPath: '/data' },
      { sourceVolume: 'b', containerPath: '/data/' },
    ],
  });
  const found = only(lint(text), 'mount/duplicate-path');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"/data/"');
  const ok = td([{ name: 'a' }, { name: 'b' }], {
    mountPoints: [
      { sourceVolume: 'a', containerPath: '/data' },
      { sourceVolume: 'b', containerPath: '/data2' },
    ],
  });
  assert.equal(only(lint(ok), 'mount/duplicate-path').length, 0);
});

test('mount/unused-volume warns on a volume nobody mounts; fix removes it (unit)', () => {
  const text = td([{ name: 'used' }, { name: 'spare' }], mount('used'));
  const found = only(lint(text), 'mount/unused-volume');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"spare"');
  assert.equal(found[0].severity, 'warning');
  const fixed = applyFix(text, 'mount/unused-volume');
  assert.equal(only(lint(fixed), 'mount/unused-volume').length, 0);
  assert.equal(only(lint(td([{ name: 'used' }], mount('used'))), 'mount/unused-volume').length, 0);
});

test('volfrom/source flags unknown and self references, accepts another container (unit)', () => {
  const base = fargateTaskDef() as { containerDefinitions: Record<string, unknown>[] };
  const sidecar = (src: string) => ({
    name: 'side',
    image: 'busybox',
    essential: false,
    volumesFrom: [{ sourceContainer: src }],
  });
  const text = json({ ...base, containerDefinitions: [...base.containerDefinitions, sidecar('apps')] });
  const found = only(lint(text), 'volfrom/source');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"apps"');
  const fixed = applyFix(text, 'volfrom/source', "Rename to 'app'");
  assert.equal(only(lint(fixed), 'volfrom/source').length, 0);
  assert.equal(
    only(
      lint(json({ ...base, containerDefinitions: [...base.containerDefinitions, sidecar('side')] })),
      'volfrom/source',
    ).length,
    1,
  );
  assert.equal(
    only(
      lint(json({ ...base, containerDefinitions: [...base.containerDefinitions, sidecar('app')] })),
      'volfrom/source',
    ).length,
    0,
  );
});

test('fargate/docker-volume applies when a FARGATE service launches the task definition (unit)', () => {
  const text = json({
    ...fargateTaskDef({ volumes: [{ name: 'v', dockerVolumeConfiguration: { scope: 'task' } }] }, mount('v')),
    requiresCompatibilities: undefined,
  });
  const svc = json({ serviceName: 'web', cluster: 'c', taskDefinition: 'web', launchType: 'FARGATE', desiredCount: 1 });
  const found = only(
    lintWith({ uri: 'file:///ws/td.json', text }, [{ uri: 'file:///ws/svc.json', text: svc }]),
    'fargate/docker-volume',
  );
  assert.equal(found.length, 1);
  assert.match(found[0].message, /launched on Fargate by service web/);
});

test('vol/configured-at-launch warns when a linked run-task input supplies no volumeConfigurations (unit)', () => {
  const NET = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } };
  const text = td([{ name: 'ebs', configuredAtLaunch: true }], mount('ebs'));
  const run = {
    uri: 'file:///ws/run.json',
    text: json({ cluster: 'main', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: NET }),
  };
  const found = only(lintWith({ uri: 'file:///ws/td.json', text }, [run]), 'vol/configured-at-launch');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.equal(textAt(text, found[0]), '"configuredAtLaunch"');
  assert.equal(found[0].related?.[0].uri, run.uri);
  const ok = {
    uri: run.uri,
    text: json({
      cluster: 'main',
      taskDefinition: 'web',
      launchType: 'FARGATE',
      networkConfiguration: NET,
      volumeConfigurations: [
        { name: 'ebs', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 20 } },
      ],
    }),
  };
  assert.equal(only(lintWith({ uri: 'file:///ws/td.json', text }, [ok]), 'vol/configured-at-launch').length, 0);
});

test('vol/configured-at-launch, the reverse: a launch configures a volume the task definition does not configure at launch (unit)', () => {
  const NET = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } };
  const run = (name: string) => ({
    uri: 'file:///ws/run.json',
    text: json({
      cluster: 'main',
      taskDefinition: 'web',
      launchType: 'FARGATE',
      networkConfiguration: NET,
      volumeConfigurations: [
        { name, managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 20 } },
      ],
    }),
  });
  // A volume of that name that is not configured at launch: reported at the volume, related to the launch.
  const bind = td([{ name: 'data', host: {} }], mount('data'));
  const a = only(lintWith({ uri: 'file:///ws/td.json', text: bind }, [run('data')]), 'vol/configured-at-launch');
  assert.equal(a.length, 1);
  assert.equal(a[0].severity, 'error');
  assert.match(a[0].message, /volume 'data' of this task definition is not configured at launch/);
  assert.equal(a[0].related?.[0].uri, 'file:///ws/run.json');
  // No volume of that name at all (a typo next to the right one).
  const ebs = td([{ name: 'ebs', configuredAtLaunch: true }], mount('ebs'));
  const b = only(lintWith({ uri: 'file:///ws/td.json', text: ebs }, [run('ebss')]), 'vol/configured-at-launch');
  assert.ok(
    b.some((d) => /has no volume 'ebss'/.test(d.message)),
    JSON.stringify(b.map((d) => d.message)),
  );
  // The matching name: nothing.
  assert.equal(
    only(lintWith({ uri: 'file:///ws/td.json', text: ebs }, [run('ebs')]), 'vol/configured-at-launch').length,
    0,
  );
});
