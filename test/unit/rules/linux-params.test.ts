import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, lintWith, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));
const ec2 = { requiresCompatibilities: ['EC2'], networkMode: 'bridge' };
const lp = (linuxParameters: Record<string, unknown>, patch: Record<string, unknown> = {}) =>
  td(patch, { linuxParameters });

test('cap/valid-names fixes CAP_NET_ADMIN in drop and lower-case names (unit)', () => {
  const text = lp({ capabilities: { drop: ['CAP_NET_ADMIN', 'chown'] } });
  const f = only(lint(text), 'cap/valid-names');
  assert.equal(f.length, 2);
  assert.equal(textAt(text, f[0]), '"CAP_NET_ADMIN"');
  const once = applyFix(text, 'cap/valid-names');
  const twice = applyFix(once, 'cap/valid-names');
  assert.equal(only(lint(twice), 'cap/valid-names').length, 0);
  assert.deepEqual(JSON.parse(twice).containerDefinitions[0].linuxParameters.capabilities.drop, ['NET_ADMIN', 'CHOWN']);
});

test('cap/valid-names leaves Fargate add to fargate/cap-add and accepts valid EC2 adds (unit)', () => {
  assert.equal(only(lint(lp({ capabilities: { add: ['CAP_SYS_PTRACE'] } })), 'cap/valid-names').length, 0);
  assert.equal(only(lint(lp({ capabilities: { add: ['NET_ADMIN', 'SYS_TIME'] } }, ec2)), 'cap/valid-names').length, 0);
  assert.equal(only(lint(lp({ capabilities: { add: ['NET_ADMN'] } }, ec2)), 'cap/valid-names').length, 1);
});

test('cap/drop notes a capability both added and dropped; drop ALL + add is fine (unit)', () => {
  const text = lp({ capabilities: { add: ['NET_ADMIN'], drop: ['NET_ADMIN'] } }, ec2);
  const f = only(lint(text), 'cap/drop');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.equal(only(lint(applyFix(text, 'cap/drop')), 'cap/drop').length, 0);
  assert.equal(only(lint(lp({ capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } }, ec2)), 'cap/drop').length, 0);
});

test('fargate/linux-params-unsupported flags tmpfs and maxSwap on Fargate, not on EC2 or empty lists (unit)', () => {
  const text = lp({ tmpfs: [{ containerPath: '/tmp', size: 64 }], maxSwap: 1024, devices: [] });
  const f = only(lint(text), 'fargate/linux-params-unsupported');
  assert.equal(f.length, 2);
  const once = applyFix(text, 'fargate/linux-params-unsupported');
  assert.equal(
    only(lint(applyFix(once, 'fargate/linux-params-unsupported')), 'fargate/linux-params-unsupported').length,
    0,
  );
  assert.equal(
    only(lint(lp({ tmpfs: [{ containerPath: '/tmp', size: 64 }] }, ec2)), 'fargate/linux-params-unsupported').length,
    0,
  );
  assert.equal(
    only(lint(lp({ initProcessEnabled: true, sharedMemorySize: null })), 'fargate/linux-params-unsupported').length,
    0,
  );
});

test('linux/swappiness flags a value without maxSwap and out of range (unit)', () => {
  assert.equal(only(lint(lp({ swappiness: 150 }, ec2)), 'linux/swappiness').length, 2);
  assert.equal(only(lint(lp({ swappiness: 10, maxSwap: 512 }, ec2)), 'linux/swappiness').length, 0);
});

test('linux/tmpfs flags a relative path, a missing size and an unknown option (unit)', () => {
  assert.equal(
    only(lint(lp({ tmpfs: [{ containerPath: 'tmp', mountOptions: ['noexec', 'bogus'] }] }, ec2)), 'linux/tmpfs').length,
    3,
  );
  assert.equal(
    only(
      lint(lp({ tmpfs: [{ containerPath: '/tmp', size: 64, mountOptions: ['noexec', 'mode=1777'] }] }, ec2)),
      'linux/tmpfs',
    ).length,
    0,
  );
});

test('linux/windows flags linuxParameters on Windows and removes it (unit)', () => {
  const win = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, cpu: '1024', memory: '2048' };
  const text = lp({ initProcessEnabled: true }, win);
  assert.equal(only(lint(text), 'linux/windows').length, 1);
  assert.equal(only(lint(applyFix(text, 'linux/windows')), 'linux/windows').length, 0);
  assert.equal(only(lint(lp({ initProcessEnabled: true })), 'linux/windows').length, 0);
});

test('linux/init-process notes missing init once per task and the fix enables it (unit)', () => {
  const text = td();
  const f = only(lint(text), 'linux/init-process');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  const fixed = applyFix(text, 'linux/init-process');
  assert.equal(JSON.parse(fixed).containerDefinitions[0].linuxParameters.initProcessEnabled, true);
  assert.equal(only(lint(fixed), 'linux/init-process').length, 0);
  const withLp = applyFix(lp({ capabilities: { drop: ['ALL'] } }), 'linux/init-process');
  assert.equal(only(lint(withLp), 'linux/init-process').length, 0);
  const svc = json({
    serviceName: 'web',
    cluster: 'main',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    enableExecuteCommand: true,
  });
  assert.equal(
    only(
      lintWith({ uri: 'file:///ws/td.json', text }, [{ uri: 'file:///ws/svc.json', text: svc }]),
      'linux/init-process',
    ).length,
    0,
  );
});

test('sysctl/namespaces flags a non-namespaced sysctl and warns on conflicting net.* values (unit)', () => {
  const base = fargateTaskDef(
    {},
    {
      systemControls: [
        { namespace: 'vm.max_map_count', value: '262144' },
        { namespace: 'net.core.somaxconn', value: '1024' },
      ],
    },
  );
  const c0 = (base.containerDefinitions as Record<string, unknown>[])[0];
  const text = json({
    ...base,
    containerDefinitions: [
      c0,
      {
        name: 'side',
        image: 'busybox',
        essential: false,
        systemControls: [{ namespace: 'net.core.somaxconn', value: '4096' }],
      },
    ],
  });
  const f = only(lint(text), 'sysctl/namespaces');
  assert.equal(f.length, 2);
  assert.deepEqual(f.map((d) => d.severity).sort(), ['error', 'warning']);
  assert.equal(
    only(
      lint(
        td(
          {},
          {
            systemControls: [
              { namespace: 'net.ipv4.tcp_keepalive_time', value: '60' },
              { namespace: 'kernel.shmmax', value: '1' },
            ],
          },
        ),
      ),
      'sysctl/namespaces',
    ).length,
    0,
  );
});
