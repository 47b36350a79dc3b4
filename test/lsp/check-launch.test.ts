import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK_LAUNCH_REQUEST, type CheckLaunchResult } from '../../server/src/protocol';
import { FIXTURES } from './client';
import { startInProcess } from './inProcess';

test("checkLaunch runs the cross-file rules on a file with a live service's launch settings, then forgets the service (lsp)", async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fl-lsp-launch-'));
  cpSync(FIXTURES, ws, { recursive: true });
  rmSync(join(ws, 'uploads-service.json'));
  writeFileSync(
    join(ws, 'batch-task-def.json'),
    JSON.stringify({
      family: 'batch',
      requiresCompatibilities: ['EC2'],
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'job', image: 'busybox', memory: 128, essential: true }],
    }),
  );
  const client = await startInProcess(ws);
  try {
    const { uri } = await client.open('uploads-task-def.json');
    const first = await client.diagnostics(uri);
    const launch = (platformVersion: string) => ({
      serviceName: 'uploads',
      cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/main',
      taskDefinition: 'uploads',
      desiredCount: 2,
      launchType: 'FARGATE',
      platformVersion,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
    });
    const old = await client.connection.sendRequest<CheckLaunchResult>(CHECK_LAUNCH_REQUEST, {
      uri,
      launch: launch('1.3.0'),
    });
    assert.ok(
      old.findings.some((f) => f.ruleId === 'pv/feature-requires-1.4.0' && f.severity === 'error'),
      JSON.stringify(old.findings),
    );
    const fine = await client.connection.sendRequest<CheckLaunchResult>(CHECK_LAUNCH_REQUEST, {
      uri,
      launch: launch('LATEST'),
    });
    assert.deepEqual(
      fine.findings.filter((f) => f.ruleId.startsWith('pv/')),
      [],
    );
    // The virtual service left the index: the file's own diagnostics are what they were.
    const after = await client.diagnostics(uri, (p) => (p.version ?? 0) >= (first.version ?? 0));
    assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), first.diagnostics.map((d) => d.code).sort());

    // A capacity provider conflict: a service placing tasks with the FARGATE_SPOT capacity provider,
    // and a file whose task definition is compatible with EC2 only (a warning under awsvpc: see the rule).
    const ec2 = await client.open('batch-task-def.json');
    await client.diagnostics(ec2.uri);
    const spot = await client.connection.sendRequest<CheckLaunchResult>(CHECK_LAUNCH_REQUEST, {
      uri: ec2.uri,
      launch: {
        serviceName: 'batch',
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/main',
        taskDefinition: 'batch',
        desiredCount: 1,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
      },
    });
    assert.ok(
      spot.findings.some((f) => f.ruleId === 'service/requires-compat'),
      JSON.stringify(spot.findings),
    );
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
