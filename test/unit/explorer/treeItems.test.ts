import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { nodes } from '../../../client/src/explorer/nodes';
import { toTreeItem } from '../../../client/src/explorer/treeItems';

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
    assert.match(stopped.description!, /STOPPED · Essential container in task exited/);
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
    assert.equal(toTreeItem(cluster).description, '1 services · 3 running · 1 pending');
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
