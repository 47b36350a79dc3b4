import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fargateTaskDef, json, lint, only, textAt } from '../helpers';

const live = {
  region: 'eu-west-1',
  fileSystems: [{ id: 'fs-0123456789abcdef0', name: 'shared', accessPoints: [{ id: 'fsap-0123456789abcdef0' }] }],
};
const td = (fsId: string, apId: string) =>
  json(
    fargateTaskDef(
      {
        volumes: [
          {
            name: 'd',
            efsVolumeConfiguration: {
              fileSystemId: fsId,
              transitEncryption: 'ENABLED',
              authorizationConfig: { accessPointId: apId },
            },
          },
        ],
      },
      { mountPoints: [{ sourceVolume: 'd', containerPath: '/d' }] },
    ),
  );

test('efs/fs-not-found and efs/ap-not-found name the region when ids are not in the connected account (unit)', () => {
  const text = td('fs-0000000000000dead', 'fsap-0123456789abcdef0');
  const fs = only(lint(text, undefined, { live }), 'efs/fs-not-found');
  assert.equal(fs.length, 1);
  assert.equal(textAt(text, fs[0]), '"fs-0000000000000dead"');
  assert.match(fs[0].message, /eu-west-1/);
  const text2 = td('fs-0123456789abcdef0', 'fsap-00000000000000bad');
  const ap = only(lint(text2, undefined, { live }), 'efs/ap-not-found');
  assert.equal(ap.length, 1);
  assert.match(ap[0].message, /eu-west-1/);
});

test('live EFS rules are silent when ids exist, and when not connected (unit)', () => {
  const ok = td('fs-0123456789abcdef0', 'fsap-0123456789abcdef0');
  assert.equal(lint(ok, undefined, { live }).filter((d) => /not-found/.test(d.ruleId)).length, 0);
  const missing = td('fs-0000000000000dead', 'fsap-00000000000000bad');
  assert.equal(lint(missing).filter((d) => /not-found/.test(d.ruleId)).length, 0);
});
