import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { nodes } from '../../../client/src/explorer/nodes';
import { toTreeItem } from '../../../client/src/explorer/treeItems';
import { formatBytes, plural } from '../../../client/src/explorer/format';

const conn: Connection = { profile: 'dev', region: 'eu-west-1' };
const root = nodes.connection(conn);
const cluster = nodes.cluster(nodes.clusters(root), {
  clusterArn: 'arn:aws:ecs:eu-west-1:1:cluster/prod',
  clusterName: 'prod',
  status: 'ACTIVE',
  runningTasksCount: 3,
  activeServicesCount: 1,
  pendingTasksCount: 1,
});

describe('toTreeItem (unit)', () => {
  it('maps a running task: green icon, context value, description with placement, revision, CPU/memory', () => {
    const t = toTreeItem(
      nodes.task(cluster, 'arn:c', {
        taskArn: 'arn:aws:ecs:eu-west-1:1:task/prod/abc',
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:1:task-definition/web:3',
        cpu: '256',
        memory: '512',
        healthStatus: 'HEALTHY',
        containers: [{ name: 'app' }],
      }),
    );
    assert.equal(t.label, 'abc');
    assert.equal(t.contextValue, 'fargateLens.task.running');
    assert.deepEqual(t.icon, { id: 'pass-filled', color: 'charts.green' });
    assert.equal(t.description, 'RUNNING · FARGATE 1.4.0 · web:3 · HEALTHY · 0.25 vCPU · 512 MiB');
    assert.equal(t.collapsible, 'collapsed');
    assert.match(t.tooltip!, /\*\*Task abc\*\*/);
  });

  it('shows stop reason for STOPPED tasks and spins for PROVISIONING', () => {
    const stopped = toTreeItem(
      nodes.task(cluster, 'arn:c', {
        taskArn: 'x/t1',
        lastStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      }),
    );
    assert.equal(stopped.contextValue, 'fargateLens.task.stopped');
    assert.match(stopped.description!, /STOPPED · EssentialContainerExited · Essential container in task exited/);
    assert.equal(stopped.icon?.color, 'charts.red');
    assert.equal(
      toTreeItem(nodes.task(cluster, 'arn:c', { taskArn: 'x/t2', lastStatus: 'PROVISIONING' })).icon?.id,
      'loading~spin',
    );
  });

  it('maps services with counts, exec state in the context value, and clusters with counts', () => {
    const s = toTreeItem(
      nodes.service(cluster, 'arn:c', {
        serviceArn: 'a/web',
        serviceName: 'web',
        status: 'ACTIVE',
        desiredCount: 2,
        runningCount: 1,
        pendingCount: 1,
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        enableExecuteCommand: true,
        taskDefinition: 'arn:x:task-definition/web:4',
      }),
    );
    assert.equal(s.contextValue, 'fargateLens.service.execOn');
    assert.equal(s.description, 'FARGATE LATEST · 1/2 running · 1 pending · web:4');
    assert.equal(s.icon?.id, 'sync~spin');
    assert.equal(toTreeItem(cluster).description, '1 service · 3 running · 1 pending');
  });

  it('gives message nodes their action as the click command, and load-more nodes the load command', () => {
    const m = toTreeItem(
      nodes.message(root, 'error', 'Access denied', {
        action: { command: 'fargateLens.refreshNode', title: 'Retry', args: [root] },
      }),
    );
    assert.equal(m.command?.command, 'fargateLens.refreshNode');
    assert.equal(m.icon?.id, 'error');
    const more = toTreeItem(nodes.loadMore(root, 100));
    assert.equal(more.command?.command, 'fargateLens.loadMore');
    assert.equal(more.description, '100 shown');
  });

  it('escapes markdown in tooltips', () => {
    const c = toTreeItem(nodes.cluster(nodes.clusters(root), { clusterArn: 'arn', clusterName: 'a*b[c](d)' }));
    assert.match(c.tooltip!, /a\\\*b\\\[c\\\]\\\(d\\\)/);
  });
});

describe('labels and descriptions users read (unit)', () => {
  const now = Date.parse('2026-12-04T20:00:00Z');
  it('a task: short id as label, full id in tooltip and accessibility label, start time and age', () => {
    const id = '0123456789abcdef0123456789abcdef';
    const t = toTreeItem(
      nodes.task(cluster, 'arn:c', {
        taskArn: `arn:aws:ecs:eu-west-1:1:task/prod/${id}`,
        lastStatus: 'RUNNING',
        createdAt: new Date('2026-12-04T16:40:00Z'),
        startedAt: new Date('2026-12-04T16:47:00Z'),
      }),
      undefined,
      now,
    );
    assert.equal(t.label, '01234567');
    assert.equal(t.accessibilityLabel, `Task ${id} RUNNING`);
    assert.match(t.tooltip!, new RegExp(`\\*\\*Task ${id}\\*\\*`));
    assert.match(t.description!, /started 3h 13m ago$/);
    assert.match(t.tooltip!, /\| Started \| 2026-12-04 16:47:00 UTC \\\(3h 13m ago\\\) \|/);
  });

  it('plurals, EFS size in binary units, region names next to codes', () => {
    assert.equal(plural(1, 'mount target'), '1 mount target');
    assert.equal(plural(0, 'service'), '0 services');
    assert.equal(formatBytes(6144), '6 KiB');
    assert.equal(formatBytes(1610612736), '1.5 GiB');
    assert.equal(formatBytes(1), '1 byte');
    const fs = toTreeItem(
      nodes.fileSystem(nodes.fileSystems(root), {
        FileSystemId: 'fs-1',
        LifeCycleState: 'available',
        NumberOfMountTargets: 1,
        SizeInBytes: { Value: 6144 },
      }),
    );
    assert.equal(fs.description, 'available · 1 mount target · 6 KiB');
    assert.match(fs.tooltip!, /\| Size \| 6 KiB \\\(6,144 bytes, metered\\\) \|/);
    const conn = toTreeItem(root);
    assert.equal(conn.description, 'Europe (Ireland)');
    assert.match(conn.tooltip!, /eu-west-1 · Europe \\\(Ireland\\\)/);
  });

  it('a revision opens as JSON on click', () => {
    const rev = nodes.revision(root, 'arn:aws:ecs:eu-west-1:1:task-definition/web:3', 'ACTIVE', true);
    assert.equal(toTreeItem(rev).command?.command, 'fargateLens.openAsJson');
  });
});
