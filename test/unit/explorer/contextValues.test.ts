/**
 * (unit) Each explorer node's context value against the `viewItem` patterns of package.json's
 * view/item/context menus: a command is offered on exactly the nodes it can act on (Copy ARN where
 * there is an ARN, Open in Console where there is a console page, Stop only on tasks not stopped, ...),
 * and no menu pattern is dead.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { OPEN_AS_JSON_KINDS } from '../../../client/src/commands/openAsJson';
import { consoleUrl } from '../../../client/src/commands/openInConsole';
import { arnOf, nodes, type ExplorerNode, type NodeKind } from '../../../client/src/explorer/nodes';
import { toTreeItem } from '../../../client/src/explorer/treeItems';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { menus: { 'view/item/context': Array<{ command: string; when: string }> } };
};

const conn: Connection = { profile: 'dev', region: 'eu-west-1' };
const A = 'arn:aws:ecs:eu-west-1:111122223333';
const root = nodes.connection(conn);
const clusters = nodes.clusters(root);
const cluster = nodes.cluster(clusters, { clusterArn: `${A}:cluster/prod`, clusterName: 'prod', status: 'ACTIVE' });
const services = nodes.services(cluster, `${A}:cluster/prod`);
const service = (exec: boolean) =>
  nodes.service(services, `${A}:cluster/prod`, {
    serviceArn: `${A}:service/prod/web${exec ? '-x' : ''}`,
    serviceName: 'web',
    enableExecuteCommand: exec,
  });
const events = nodes.serviceEvents(service(false), `${A}:cluster/prod`, {
  serviceArn: `${A}:service/prod/web`,
  serviceName: 'web',
  events: [{ id: 'e1', message: '(service web) has reached a steady state.' }],
});
const standalone = nodes.standaloneTasks(cluster, `${A}:cluster/prod`);
const task = (lastStatus: string) =>
  nodes.task(standalone, `${A}:cluster/prod`, {
    taskArn: `${A}:task/prod/${lastStatus.toLowerCase()}0123456789`,
    lastStatus,
    containers: [{ name: 'app' }],
  });
const container = (lastStatus: string) =>
  nodes.container(task('RUNNING'), `${A}:cluster/prod`, `${A}:task/prod/running0123456789`, {
    name: `app-${lastStatus}`,
    containerArn: `${A}:container/prod/running0123456789/${lastStatus}`,
    lastStatus,
  });
const taskDefinitions = nodes.taskDefinitions(root);
const inactive = nodes.inactiveFamilies(taskDefinitions);
const family = (s: 'ACTIVE' | 'INACTIVE') => nodes.family(taskDefinitions, 'web', s);
const revision = (s: 'ACTIVE' | 'INACTIVE') =>
  nodes.revision(family(s), `${A}:task-definition/web:${s === 'ACTIVE' ? 3 : 1}`, s, s === 'ACTIVE');
const fileSystems = nodes.fileSystems(root);
const fs = nodes.fileSystem(fileSystems, {
  FileSystemId: 'fs-1',
  FileSystemArn: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-1',
});
const ap = nodes.accessPoint(fs, 'fs-1', {
  AccessPointId: 'fsap-1',
  AccessPointArn: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:access-point/fsap-1',
});
const mt = nodes.mountTarget(fs, 'fs-1', { MountTargetId: 'fsmt-1' });

const SAMPLES: ExplorerNode[] = [
  root,
  clusters,
  cluster,
  services,
  service(true),
  service(false),
  standalone,
  nodes.stoppedTasks(cluster, 'arn:aws:ecs:us-east-1:123456789012:cluster/prod', 'web'),
  nodes.stoppedTasks(standalone, 'arn:aws:ecs:us-east-1:123456789012:cluster/prod'),
  ...(['FAILED', 'IN_PROGRESS', 'COMPLETED'] as const).map((rolloutState) =>
    nodes.deployment(
      service(false),
      `${A}:cluster/prod`,
      { serviceArn: `${A}:service/prod/web`, serviceName: 'web' },
      {
        id: `ecs-svc/${rolloutState}`,
        status: 'PRIMARY',
        rolloutState,
      },
    ),
  ),
  events,
  nodes.serviceEvent(events, { id: 'e1', message: '(service web) has reached a steady state.' }, 1),
  task('RUNNING'),
  task('PENDING'),
  task('STOPPED'),
  container('RUNNING'),
  container('STOPPED'),
  taskDefinitions,
  inactive,
  family('ACTIVE'),
  family('INACTIVE'),
  revision('ACTIVE'),
  revision('INACTIVE'),
  fileSystems,
  fs,
  ap,
  mt,
  nodes.loadMore(services, 100),
  nodes.message(services, 'error', 'boom'),
  nodes.message(root, 'error', 'Network error: connect ECONNREFUSED', { scope: 'connection' }),
];

// Every kind of the union has a sample (a Record over NodeKind: a new kind is a compile error here).
const KIND_SEEN: Record<NodeKind, true> = {
  connection: true,
  clusters: true,
  cluster: true,
  services: true,
  service: true,
  standaloneTasks: true,
  stoppedTasks: true,
  deployment: true,
  serviceEvents: true,
  serviceEvent: true,
  task: true,
  container: true,
  taskDefinitions: true,
  inactiveFamilies: true,
  family: true,
  revision: true,
  fileSystems: true,
  fileSystem: true,
  accessPoint: true,
  mountTarget: true,
  loadMore: true,
  message: true,
};

function offered(command: string, node: ExplorerNode): boolean {
  const ctx = toTreeItem(node).contextValue;
  return pkg.contributes.menus['view/item/context']
    .filter((m) => m.command === command)
    .some((m) => {
      const exact = /viewItem == ([\w.]+)/.exec(m.when)?.[1];
      if (exact) return exact === ctx;
      const pattern = /viewItem =~ \/(.+)\/(?:\s|$)/.exec(m.when)?.[1];
      assert.ok(pattern, `${command}: no viewItem pattern in ${m.when}`);
      return new RegExp(pattern).test(ctx);
    });
}

const connectionError = (n: ExplorerNode): boolean => n.kind === 'message' && n.scope === 'connection';
const label = (n: ExplorerNode): string => `${toTreeItem(n).contextValue} (${n.id})`;

/** What each command can act on; the menus must offer it on exactly these nodes. */
const EXPECTED: Record<string, (n: ExplorerNode) => boolean> = {
  'fargateLens.copyArn': (n) => (arnOf(n) ?? '').startsWith('arn:'),
  'fargateLens.openInConsole': (n) => consoleUrl(n) !== undefined,
  'fargateLens.openAsJson': (n) => (OPEN_AS_JSON_KINDS as readonly string[]).includes(n.kind),
  'fargateLens.stopTask': (n) => n.kind === 'task' && n.task.lastStatus !== 'STOPPED',
  // Why did it stop? A stopped task, a service or its failed deployment (their recently stopped tasks).
  'fargateLens.diagnose': (n) =>
    (n.kind === 'task' && n.task.lastStatus === 'STOPPED') ||
    n.kind === 'service' ||
    (n.kind === 'deployment' && n.deployment.rolloutState === 'FAILED'),
  'fargateLens.enableServiceExec': (n) => n.kind === 'service' && !n.service.enableExecuteCommand,
  'fargateLens.disableServiceExec': (n) => n.kind === 'service' && !!n.service.enableExecuteCommand,
  'fargateLens.runTask': (n) =>
    n.kind === 'cluster' || n.kind === 'standaloneTasks' || (n.kind === 'revision' && n.status === 'ACTIVE'),
  'fargateLens.editTaskDefinition': (n) => n.kind === 'revision' || n.kind === 'family',
  'fargateLens.openShell': (n) =>
    (n.kind === 'task' && n.task.lastStatus === 'RUNNING') ||
    (n.kind === 'container' && n.container.lastStatus === 'RUNNING'),
  'fargateLens.runCommandInContainer': (n) =>
    (n.kind === 'task' && n.task.lastStatus === 'RUNNING') ||
    (n.kind === 'container' && n.container.lastStatus === 'RUNNING'),
  'fargateLens.forwardPort': (n) =>
    (n.kind === 'task' && n.task.lastStatus === 'RUNNING') ||
    (n.kind === 'container' && n.container.lastStatus === 'RUNNING'),
  // Service operations (client/src/deploy): every service node.
  ...Object.fromEntries(
    [
      'fargateLens.updateServiceRevision',
      'fargateLens.forceNewDeployment',
      'fargateLens.setDesiredCount',
      'fargateLens.rollBackService',
      'fargateLens.setCircuitBreaker',
      'fargateLens.watchRollout',
      'fargateLens.showServiceEvents',
    ].map((id) => [id, (n: ExplorerNode) => n.kind === 'service'] as const),
  ),
  // Container logs: any container, task (stopped ones too: their logs outlive them) or service.
  'fargateLens.showContainerLogs': (n) => n.kind === 'container' || n.kind === 'task' || n.kind === 'service',
  'fargateLens.followContainerLogs': (n) => n.kind === 'container' || n.kind === 'task' || n.kind === 'service',
  'fargateLens.showPreviousContainerLogs': (n) => n.kind === 'service',
  // Refresh where children come from AWS (a task's containers come with the task); Retry on a connection's error.
  // Service events come with their service (refresh the Services folder).
  'fargateLens.refreshNode': (n) =>
    (toTreeItem(n).collapsible !== 'none' && n.kind !== 'task' && n.kind !== 'serviceEvents') || connectionError(n),
  'fargateLens.openSettings': (n) => connectionError(n),
  'fargateLens.showLogs': (n) => connectionError(n),
};

test('every node kind has a sample and a context value fargateLens.<kind>[.<state>] (unit)', () => {
  assert.deepEqual([...new Set(SAMPLES.map((n) => n.kind))].sort(), (Object.keys(KIND_SEEN) as NodeKind[]).sort());
  for (const n of SAMPLES)
    assert.match(toTreeItem(n).contextValue, new RegExp(`^fargateLens\\.${n.kind}(\\.[a-zA-Z]+)?$`));
});

for (const [command, expected] of Object.entries(EXPECTED)) {
  test(`${command} is offered on exactly the nodes it acts on (unit)`, () => {
    const wrong = SAMPLES.filter((n) => offered(command, n) !== expected(n)).map(
      (n) => `${label(n)}: offered ${offered(command, n)}, expected ${expected(n)}`,
    );
    assert.deepEqual(wrong, []);
  });
}

test('every item menu entry is covered above and its pattern matches some node (unit)', () => {
  for (const m of pkg.contributes.menus['view/item/context']) {
    assert.ok(m.command in EXPECTED, `add ${m.command} to EXPECTED`);
    assert.ok(
      SAMPLES.some((n) => offered(m.command, n)),
      `${m.command}: ${m.when} matches no node`,
    );
  }
});

/** Leaves whose tooltip already holds everything there is (a click selects them, nothing more). */
const TOOLTIP_ONLY = new Set(['deployment', 'serviceEvent']);

test('a click does something sensible on every node kind: it expands, or runs a command the node is offered (unit)', () => {
  const kinds = new Set<string>();
  for (const n of SAMPLES) {
    kinds.add(n.kind);
    const item = toTreeItem(n);
    if (item.collapsible !== 'none' || TOOLTIP_ONLY.has(n.kind)) continue;
    if (n.kind === 'message' && !n.action) continue; // an informational line
    assert.ok(item.command, `${n.kind}: a leaf with no click action`);
    assert.deepEqual(item.command.args, n.kind === 'message' ? item.command.args : [n], n.kind);
    const offered = EXPECTED[item.command.command];
    if (offered) assert.ok(offered(n), `${n.kind}: click runs ${item.command.command}, which is not offered on it`);
  }
  for (const k of ['container', 'revision', 'accessPoint', 'mountTarget', 'loadMore']) assert.ok(kinds.has(k), k);
});
