import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, fargateTaskDef, json, lint, only, textAt } from '../helpers';

const td = (patch: Record<string, unknown> = {}, container: Record<string, unknown> = {}) =>
  json(fargateTaskDef(patch, container));
const ports = (portMappings: unknown[], patch: Record<string, unknown> = {}) => td(patch, { portMappings });
const bridge = { requiresCompatibilities: ['EC2'], networkMode: 'bridge' };

test('port/awsvpc-hostport flags a different hostPort; both fixes re-validate clean (unit)', () => {
  const text = ports([{ containerPort: 8080, hostPort: 80 }]);
  const f = only(lint(text), 'port/awsvpc-hostport');
  assert.equal(f.length, 1);
  assert.equal(textAt(text, f[0]), '80');
  assert.match(f[0].message, /host ports and container ports in port mappings must match/);
  assert.equal(f[0].fixes?.[0].isPreferred, true);
  const same = applyFix(text, 'port/awsvpc-hostport', 'Set hostPort to 8080');
  assert.equal(only(lint(same), 'port/awsvpc-hostport').length, 0);
  const removed = applyFix(text, 'port/awsvpc-hostport', 'Remove hostPort');
  assert.equal(JSON.parse(removed).containerDefinitions[0].portMappings[0].hostPort, undefined);
  assert.equal(only(lint(removed), 'port/awsvpc-hostport').length, 0);
});

test('port/awsvpc-hostport accepts equal, omitted and 0 host ports, and bridge translation (unit)', () => {
  assert.equal(
    only(
      lint(ports([{ containerPort: 80, hostPort: 80 }, { containerPort: 81 }, { containerPort: 82, hostPort: 0 }])),
      'port/awsvpc-hostport',
    ).length,
    0,
  );
  assert.equal(only(lint(ports([{ containerPort: 8080, hostPort: 80 }], bridge)), 'port/awsvpc-hostport').length, 0);
});

test('port/none-mode flags port mappings without networking (unit)', () => {
  const text = ports([{ containerPort: 80 }], { requiresCompatibilities: ['EC2'], networkMode: 'none' });
  assert.equal(only(lint(text), 'port/none-mode').length, 1);
  assert.equal(only(lint(applyFix(text, 'port/none-mode')), 'port/none-mode').length, 0);
  assert.equal(
    only(lint(ports([], { requiresCompatibilities: ['EC2'], networkMode: 'none' })), 'port/none-mode').length,
    0,
  );
});

test('port/range flags 0 and 70000 container ports, accepts 65535 (unit)', () => {
  assert.equal(only(lint(ports([{ containerPort: 0 }, { containerPort: 70000 }])), 'port/range').length, 2);
  assert.equal(only(lint(ports([{ containerPort: 65535 }, { containerPort: 1 }])), 'port/range').length, 0);
});

test('port/protocol warns on TCP and fixes the case; tcp/udp are fine (unit)', () => {
  const text = ports([{ containerPort: 80, protocol: 'TCP' }]);
  const f = only(lint(text), 'port/protocol');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(only(lint(applyFix(text, 'port/protocol')), 'port/protocol').length, 0);
  assert.equal(only(lint(ports([{ containerPort: 80, protocol: 'udp' }])), 'port/protocol').length, 0);
});

test('port/app-protocol flags HTTP and fixes the case (unit)', () => {
  const text = ports([{ containerPort: 80, appProtocol: 'HTTP' }]);
  assert.equal(only(lint(text), 'port/app-protocol').length, 1);
  assert.equal(only(lint(applyFix(text, 'port/app-protocol')), 'port/app-protocol').length, 0);
  assert.equal(only(lint(ports([{ containerPort: 80, appProtocol: 'grpc' }])), 'port/app-protocol').length, 0);
});

test('port/name flags upper case, leading hyphen and duplicates; accepts web-http (unit)', () => {
  const text = ports([
    { containerPort: 80, name: 'Web' },
    { containerPort: 81, name: '-x' },
    { containerPort: 82, name: 'a' },
    { containerPort: 83, name: 'a' },
  ]);
  assert.equal(only(lint(text), 'port/name').length, 3);
  assert.equal(only(lint(ports([{ containerPort: 80, name: 'web-http_1' }])), 'port/name').length, 0);
});

test('port/container-port-range flags hostPort, bad order and overlaps; accepts a clean range (unit)', () => {
  const text = ports([
    { containerPortRange: '9000-9100', hostPort: 9000 },
    { containerPortRange: '9050-9060' },
    { containerPortRange: '200-100' },
  ]);
  assert.equal(only(lint(text), 'port/container-port-range').length, 3);
  assert.equal(
    only(
      lint(ports([{ containerPortRange: '9000-9100' }, { containerPortRange: '9200-9300' }])),
      'port/container-port-range',
    ).length,
    0,
  );
});

test('port/duplicate flags the same containerPort twice in an awsvpc task, not different protocols (unit)', () => {
  const base = fargateTaskDef();
  const c0 = (base.containerDefinitions as Record<string, unknown>[])[0];
  const text = json({
    ...base,
    containerDefinitions: [
      c0,
      { name: 'side', image: 'busybox', essential: false, portMappings: [{ containerPort: 80 }] },
    ],
  });
  const f = only(lint(text), 'port/duplicate');
  assert.equal(f.length, 1);
  assert.equal(f[0].related?.length, 1);
  assert.equal(
    only(
      lint(
        ports([
          { containerPort: 53, protocol: 'tcp' },
          { containerPort: 53, protocol: 'udp' },
        ]),
      ),
      'port/duplicate',
    ).length,
    0,
  );
  assert.equal(
    only(
      lint(
        ports(
          [
            { containerPort: 80, hostPort: 0 },
            { containerPort: 80, hostPort: 0 },
          ],
          bridge,
        ),
      ),
      'port/duplicate',
    ).length,
    0,
  );
});

test('port/windows-3150 flags port 3150 on Windows Fargate only (unit)', () => {
  const win = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, cpu: '1024', memory: '2048' };
  assert.equal(only(lint(ports([{ containerPort: 3150 }], win)), 'port/windows-3150').length, 1);
  assert.equal(only(lint(ports([{ containerPort: 3150 }])), 'port/windows-3150').length, 0);
});

test('port/firelens-24224 warns when a FireLens task maps 24224 (unit)', () => {
  const text = td({}, { firelensConfiguration: { type: 'fluentbit' }, portMappings: [{ containerPort: 24224 }] });
  const f = only(lint(text), 'port/firelens-24224');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(only(lint(td({}, { portMappings: [{ containerPort: 24224 }] })), 'port/firelens-24224').length, 0);
});
