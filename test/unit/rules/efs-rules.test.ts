import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const FS = 'fs-0123456789abcdef0';
const efsTd = (
  efs: Record<string, unknown>,
  patch: Record<string, unknown> = {},
  container: Record<string, unknown> = {},
) =>
  json(
    fargateTaskDef(
      { volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: FS, ...efs } }], ...patch },
      { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }], ...container },
    ),
  );

test('efs/fs-id flags malformed and missing ids, accepts ids and ARNs (unit)', () => {
  const text = efsTd({ fileSystemId: 'fs-123' });
  const found = only(lint(text), 'efs/fs-id');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"fs-123"');
  assert.match(found[0].message, /too short/);
  assert.equal(only(lint(efsTd({ fileSystemId: undefined })), 'efs/fs-id').length, 1);
  assert.equal(only(lint(efsTd({})), 'efs/fs-id').length, 0);
  assert.equal(
    only(
      lint(efsTd({ fileSystemId: `arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/${FS}` })),
      'efs/fs-id',
    ).length,
    0,
  );
  assert.equal(only(lint(efsTd({ fileSystemId: '${EFS_ID}' })), 'efs/fs-id').length, 0);
});

test('efs/ap-id flags a file-system id used as access point, accepts fsap ids (unit)', () => {
  const text = efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: FS } });
  const found = only(lint(text), 'efs/ap-id');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /file system id/);
  assert.equal(
    only(
      lint(efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' } })),
      'efs/ap-id',
    ).length,
    0,
  );
});

test('efs/ap-needs-tls flags an access point without TLS; fix adds ENABLED (unit)', () => {
  const text = efsTd({ authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' } });
  const found = only(lint(text), 'efs/ap-needs-tls');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"fsap-0123456789abcdef0"');
  assert.equal(found[0].fixes?.[0].isPreferred, true);
  const fixed = applyFix(text, 'efs/ap-needs-tls');
  assert.equal(JSON.parse(fixed).volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
  assert.equal(only(lint(fixed), 'efs/ap-needs-tls').length, 0);
});

test('efs/ap-needs-tls points at DISABLED and replaces it; silent with ENABLED (unit)', () => {
  const text = efsTd({
    transitEncryption: 'DISABLED',
    authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' },
  });
  const found = only(lint(text), 'efs/ap-needs-tls');
  assert.equal(textAt(text, found[0]), '"DISABLED"');
  assert.equal(only(lint(applyFix(text, 'efs/ap-needs-tls')), 'efs/ap-needs-tls').length, 0);
  assert.equal(
    only(
      lint(efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' } })),
      'efs/ap-needs-tls',
    ).length,
    0,
  );
});

test('efs/iam-needs-tls flags IAM without TLS; fix re-validates clean (unit)', () => {
  const text = efsTd(
    { authorizationConfig: { iam: 'ENABLED' } },
    { taskRoleArn: 'arn:aws:iam::123456789012:role/app' },
  );
  const found = only(lint(text), 'efs/iam-needs-tls');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"ENABLED"');
  assert.equal(only(lint(applyFix(text, 'efs/iam-needs-tls')), 'efs/iam-needs-tls').length, 0);
  assert.equal(only(lint(efsTd({ authorizationConfig: { iam: 'DISABLED' } })), 'efs/iam-needs-tls').length, 0);
});

test('efs/iam-needs-task-role flags IAM without a task role (unit)', () => {
  const text = efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } });
  const found = only(lint(text), 'efs/iam-needs-task-role');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'error');
  assert.equal(
    only(
      lint(
        efsTd(
          { transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } },
          { taskRoleArn: 'arn:aws:iam::123456789012:role/app' },
        ),
      ),
      'efs/iam-needs-task-role',
    ).length,
    0,
  );
});

test('efs/iam-needs-task-role is a warning when a run-task input overrides the task role (unit)', () => {
  const text = efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } });
  const run = json({
    cluster: 'c',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    overrides: { taskRoleArn: 'arn:aws:iam::123456789012:role/app' },
  });
  const found = only(
    lintWith({ uri: 'file:///ws/td.json', text }, [{ uri: 'file:///ws/run.json', text: run }]),
    'efs/iam-needs-task-role',
  );
  assert.equal(found[0].severity, 'warning');
});

test('efs/ap-root-dir flags rootDirectory with an access point; fix removes it (unit)', () => {
  const text = efsTd({
    rootDirectory: '/app',
    transitEncryption: 'ENABLED',
    authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' },
  });
  const found = only(lint(text), 'efs/ap-root-dir');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"/app"');
  const fixed = applyFix(text, 'efs/ap-root-dir');
  assert.equal(only(lint(fixed), 'efs/ap-root-dir').length, 0);
  assert.doesNotThrow(() => JSON.parse(fixed));
  assert.equal(
    only(
      lint(
        efsTd({
          rootDirectory: '/',
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0' },
        }),
      ),
      'efs/ap-root-dir',
    ).length,
    0,
  );
  assert.equal(only(lint(efsTd({ rootDirectory: '/app' })), 'efs/ap-root-dir').length, 0);
});

test('efs/port-without-tls warns on a port without TLS (unit)', () => {
  const text = efsTd({ transitEncryptionPort: 2999 });
  const found = only(lint(text), 'efs/port-without-tls');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.equal(
    only(lint(applyFix(text, 'efs/port-without-tls', 'Remove transitEncryptionPort')), 'efs/port-without-tls').length,
    0,
  );
  assert.equal(
    only(lint(efsTd({ transitEncryptionPort: 2999, transitEncryption: 'ENABLED' })), 'efs/port-without-tls').length,
    0,
  );
});

test('efs/port-range flags 0 and 70000, accepts 2049 (unit)', () => {
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED', transitEncryptionPort: 70000 })), 'efs/port-range').length,
    1,
  );
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED', transitEncryptionPort: 0 })), 'efs/port-range').length,
    1,
  );
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED', transitEncryptionPort: 2049 })), 'efs/port-range').length,
    0,
  );
});

test('efs/enum flags lower case and fixes it (unit)', () => {
  const text = efsTd({ transitEncryption: 'enabled' });
  const found = only(lint(text), 'efs/enum');
  assert.equal(found.length, 1);
  assert.equal(textAt(text, found[0]), '"enabled"');
  assert.equal(only(lint(applyFix(text, 'efs/enum')), 'efs/enum').length, 0);
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED', authorizationConfig: { iam: 'DISABLED' } })), 'efs/enum').length,
    0,
  );
});

test('efs/tls-recommended is info when TLS is off, silent when on (unit)', () => {
  const found = only(lint(efsTd({})), 'efs/tls-recommended');
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'info');
  assert.equal(only(lint(efsTd({ transitEncryption: 'ENABLED' })), 'efs/tls-recommended').length, 0);
});

test('efs/windows flags EFS on Windows Fargate, not on Linux (unit)', () => {
  const win = {
    runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
    cpu: '1024',
    memory: '2048',
  };
  assert.equal(
    only(
      lint(
        efsTd({ transitEncryption: 'ENABLED' }, win, {
          mountPoints: [{ sourceVolume: 'data', containerPath: 'C:\\data' }],
        }),
      ),
      'efs/windows',
    ).length,
    1,
  );
  assert.equal(only(lint(efsTd({ transitEncryption: 'ENABLED' })), 'efs/windows').length, 0);
});

test('efs/supervisor-memory notes when containers take all task memory (unit)', () => {
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED' }, {}, { memory: 512 })), 'efs/supervisor-memory').length,
    1,
  );
  assert.equal(
    only(lint(efsTd({ transitEncryption: 'ENABLED' }, {}, { memory: 448 })), 'efs/supervisor-memory').length,
    0,
  );
});
