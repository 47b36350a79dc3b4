/**
 * The one pure mapping from a node to what VS Code shows. Returns plain data (TreeItemData); the thin
 * vscode layer (view.ts) turns it into a vscode.TreeItem. Context values read `fargateLens.<kind>[.<state>]`.
 */
import { hostOf } from '../aws/clientConfig';
import { connectionLabel } from '../aws/profiles';
import type { RolloutSnapshot } from '../deploy/rollout';
import { rolloutDescription, rolloutTooltip } from '../deploy/rolloutView';
import type { ExplorerNode } from './nodes';
import { parseTaskDefinitionArn, shortId } from './nodes';
import { formatAge, formatBytes, formatTime, plural, regionName, shortTaskId } from './format';
import { deploymentItem, serviceEventItem, serviceEventsItem } from './deploymentItems';
import { join, md, row, table } from './markdown';
import { containerIcon, formatCpuMemory, formatPlacement, serviceIcon, taskIcon, type Icon } from './status';

export interface TreeItemData {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: Icon;
  collapsible: 'none' | 'collapsed' | 'expanded';
  contextValue: string;
  command?: { command: string; title: string; args?: unknown[] };
  /** What screen readers (and the e2e steps) read when the label is abbreviated. */
  accessibilityLabel?: string;
}

/** "exit 137 · OutOfMemoryError: Container killed due to memory usage" (whole reason). */
function containerOutcome(c: { exitCode?: number; reason?: string; lastStatus?: string }): string | undefined {
  return join([
    c.exitCode !== undefined && `exit ${c.exitCode}`,
    c.reason,
    c.exitCode === undefined && !c.reason && c.lastStatus,
  ]);
}

/**
 * `rollout`: the watched rollout of a service node, if one is watched (client/src/deploy/rollout.ts);
 * `now` (ms) dates ages such as "started 5m ago" (tests pass a fixed one).
 */
export function toTreeItem(node: ExplorerNode, rollout?: RolloutSnapshot, now: number = Date.now()): TreeItemData {
  const base = { id: node.id, contextValue: `fargateLens.${node.kind}` };
  switch (node.kind) {
    case 'connection':
      return {
        ...base,
        label: connectionLabel(node.conn),
        icon: { id: 'cloud' },
        collapsible: 'expanded',
        description: join([regionName(node.conn.region), node.endpoint && hostOf(node.endpoint)]),
        tooltip: table('Connection', [
          row('Profile', node.conn.profile ?? 'default credential chain'),
          row('Region', join([node.conn.region, regionName(node.conn.region)])),
          row('Endpoint', node.endpoint ?? 'AWS (default endpoints)'),
        ]),
      };
    case 'clusters':
      return { ...base, label: 'Clusters', icon: { id: 'server-environment' }, collapsible: 'expanded' };
    case 'cluster': {
      const c = node.cluster;
      return {
        ...base,
        label: c.clusterName,
        icon: { id: 'server-environment', color: c.status === 'ACTIVE' ? undefined : 'disabledForeground' },
        description: join([
          c.status !== 'ACTIVE' && c.status,
          plural(c.activeServicesCount ?? 0, 'service'),
          `${c.runningTasksCount ?? 0} running`,
          (c.pendingTasksCount ?? 0) > 0 && `${c.pendingTasksCount} pending`,
        ]),
        tooltip: table(`Cluster ${c.clusterName}`, [
          row('Status', c.status),
          row('Services', c.activeServicesCount),
          row('Running tasks', c.runningTasksCount),
          row('Pending tasks', c.pendingTasksCount),
          row('Capacity providers', c.capacityProviders?.join(', ')),
          row('ARN', c.clusterArn),
        ]),
        collapsible: 'collapsed',
      };
    }
    case 'services':
      return { ...base, label: 'Services', icon: { id: 'layers' }, collapsible: 'collapsed' };
    case 'stoppedTasks':
      return {
        ...base,
        label: 'Recently stopped',
        tooltip: node.serviceName
          ? 'Stopped tasks of this service, newest first: stop code, whole reason, exit codes. Diagnose explains why.'
          : 'Stopped standalone tasks of this cluster, newest first: stop code, whole reason, exit codes. Diagnose explains why.',
        description: 'kept by ECS for about an hour',
        icon: { id: 'history' },
        collapsible: 'collapsed',
      };
    case 'deployment':
      return deploymentItem(node, now);
    case 'serviceEvents':
      return serviceEventsItem(node, now);
    case 'serviceEvent':
      return serviceEventItem(node, now);
    case 'standaloneTasks':
      return {
        ...base,
        label: 'Standalone tasks',
        description: 'not started by a service',
        icon: { id: 'tasklist' },
        collapsible: 'collapsed',
      };
    case 'service': {
      const s = node.service;
      const cp = s.capacityProviderStrategy?.map((x) => x.capacityProvider).join('+');
      const td = s.taskDefinition ? parseTaskDefinitionArn(s.taskDefinition) : undefined;
      const rolloutState = s.deployments?.find((d) => d.status === 'PRIMARY')?.rolloutState;
      return {
        ...base,
        label: s.serviceName,
        icon: serviceIcon(s),
        collapsible: 'collapsed',
        contextValue: `fargateLens.service.${s.enableExecuteCommand ? 'execOn' : 'execOff'}`,
        description: join([
          formatPlacement(s.launchType, cp, s.platformVersion),
          `${s.runningCount ?? 0}/${s.desiredCount ?? 0} running`,
          (s.pendingCount ?? 0) > 0 && `${s.pendingCount} pending`,
          td && `${td.family}:${td.revision}`,
          rolloutDescription(rollout) ?? (rolloutState && rolloutState !== 'COMPLETED' && rolloutState),
        ]),
        tooltip:
          table(`Service ${s.serviceName}`, [
            row('Status', s.status),
            row('Desired', s.desiredCount),
            row('Running', s.runningCount),
            row('Pending', s.pendingCount),
            row('Launch type', s.launchType),
            row('Capacity providers', cp),
            row('Platform version', s.platformVersion),
            row('Task definition', td && `${td.family}:${td.revision}`),
            row(
              'Deployments',
              s.deployments
                ?.map((d) => `${d.status} ${d.rolloutState ?? ''} ${d.runningCount ?? 0}/${d.desiredCount ?? 0}`)
                .join('; '),
            ),
            row('ECS Exec', s.enableExecuteCommand ? 'enabled' : 'disabled'),
            row('ARN', s.serviceArn),
          ]) + rolloutTooltip(rollout, md),
      };
    }
    case 'task': {
      const t = node.task;
      const td = t.taskDefinitionArn ? parseTaskDefinitionArn(t.taskDefinitionArn) : undefined;
      const stopped = t.lastStatus === 'STOPPED';
      const age = formatAge(t.startedAt ?? t.createdAt, now);
      const startedAgo = age && (age === 'just now' ? age : `${age} ago`);
      return {
        ...base,
        label: shortTaskId(t.taskArn),
        accessibilityLabel: `Task ${shortId(t.taskArn)} ${t.lastStatus ?? ''}`.trim(),
        icon: taskIcon(t),
        collapsible: (t.containers?.length ?? 0) > 0 ? 'collapsed' : 'none',
        contextValue: `fargateLens.task.${(t.lastStatus ?? 'unknown').toLowerCase()}`,
        description: join([
          t.lastStatus,
          stopped && t.stopCode,
          stopped && t.stoppedReason,
          formatPlacement(t.launchType, t.capacityProviderName, t.platformVersion),
          td && `${td.family}:${td.revision}`,
          t.healthStatus && t.healthStatus !== 'UNKNOWN' && t.healthStatus,
          formatCpuMemory(t.cpu, t.memory),
          !stopped && startedAgo && `${t.startedAt ? 'started' : 'created'} ${startedAgo}`,
        ]),
        tooltip: table(`Task ${shortId(t.taskArn)}`, [
          row('Last status', t.lastStatus),
          row('Desired status', t.desiredStatus),
          row('Stop code', t.stopCode),
          row('Stopped reason', t.stoppedReason),
          row('Launch type', t.launchType),
          row('Capacity provider', t.capacityProviderName),
          row('Platform version', t.platformVersion),
          row('Task definition', td && `${td.family}:${td.revision}`),
          row('Health', t.healthStatus),
          row('CPU / memory', formatCpuMemory(t.cpu, t.memory)),
          row('Started by', t.startedBy),
          row('Group', t.group),
          row(
            'ECS Exec',
            t.enableExecuteCommand === undefined ? undefined : t.enableExecuteCommand ? 'enabled' : 'disabled',
          ),
          row('Created', formatTime(t.createdAt)),
          row('Started', t.startedAt && `${formatTime(t.startedAt)} (${startedAgo})`),
          row('Stopped', t.stoppedAt && `${formatTime(t.stoppedAt)} (${formatAge(t.stoppedAt, now) ?? ''} ago)`),
          row('ARN', t.taskArn),
          ...(stopped ? (t.containers ?? []).map((c) => row(`Container ${c.name}`, containerOutcome(c))) : []),
        ]),
      };
    }
    case 'container': {
      const c = node.container;
      return {
        ...base,
        label: c.name,
        icon: containerIcon(c.lastStatus, c.healthStatus),
        collapsible: 'none',
        contextValue: `fargateLens.container.${(c.lastStatus ?? 'unknown').toLowerCase()}`,
        // Click shows what the container printed (its log configuration decides where that is).
        command: { command: 'fargateLens.showContainerLogs', title: 'Show Container Logs', args: [node] },
        description: join([
          c.lastStatus,
          c.healthStatus && c.healthStatus !== 'UNKNOWN' && c.healthStatus,
          c.exitCode !== undefined && c.lastStatus === 'STOPPED' && `exit ${c.exitCode}`,
          c.lastStatus === 'STOPPED' && c.reason,
          c.image,
        ]),
        tooltip: table(`Container ${c.name}`, [
          row('Status', c.lastStatus),
          row('Health', c.healthStatus),
          row('Image', c.image),
          row('Exit code', c.exitCode),
          row('Reason', c.reason),
          row('CPU / memory', formatCpuMemory(c.cpu, c.memory)),
          row('Runtime id', c.runtimeId),
        ]),
      };
    }
    case 'taskDefinitions':
      return { ...base, label: 'Task definitions', icon: { id: 'file-code' }, collapsible: 'collapsed' };
    case 'inactiveFamilies':
      return {
        ...base,
        label: 'Inactive task definitions',
        description: 'load on expand',
        icon: { id: 'archive' },
        collapsible: 'collapsed',
      };
    case 'family':
      return {
        ...base,
        label: node.family,
        icon: { id: 'symbol-class', color: node.status === 'ACTIVE' ? undefined : 'disabledForeground' },
        collapsible: 'collapsed',
        contextValue: `fargateLens.family.${node.status.toLowerCase()}`,
      };
    case 'revision':
      return {
        ...base,
        label: `${node.family}:${node.revision}`,
        icon: { id: 'versions', color: node.status === 'ACTIVE' ? undefined : 'disabledForeground' },
        collapsible: 'none',
        contextValue: `fargateLens.revision.${node.status.toLowerCase()}`,
        // Click shows the revision; its details load into the tooltip on hover (view.ts, revisionDetails.ts).
        command: { command: 'fargateLens.openAsJson', title: 'Open as JSON', args: [node] },
        description: join([node.latest && 'latest', node.status === 'INACTIVE' && 'INACTIVE']),
        tooltip: table(`Task definition ${node.family}:${node.revision}`, [
          row('Status', node.status),
          row('ARN', node.taskDefinitionArn),
        ]),
      };
    case 'fileSystems':
      return { ...base, label: 'EFS file systems', icon: { id: 'database' }, collapsible: 'collapsed' };
    case 'fileSystem': {
      const f = node.fileSystem;
      return {
        ...base,
        label: f.Name ? `${f.Name}` : f.FileSystemId,
        icon: { id: 'database', color: f.LifeCycleState === 'available' ? undefined : 'charts.yellow' },
        collapsible: 'collapsed',
        description: join([
          f.Name && f.FileSystemId,
          f.LifeCycleState,
          plural(f.NumberOfMountTargets ?? 0, 'mount target'),
          formatBytes(f.SizeInBytes?.Value),
          f.Encrypted && 'encrypted',
        ]),
        tooltip: table(`EFS ${f.FileSystemId}`, [
          row('Name', f.Name),
          row('State', f.LifeCycleState),
          row('Performance mode', f.PerformanceMode),
          row('Throughput mode', f.ThroughputMode),
          row('Encrypted', f.Encrypted),
          row('Mount targets', f.NumberOfMountTargets),
          row(
            'Size',
            f.SizeInBytes?.Value === undefined
              ? undefined
              : `${formatBytes(f.SizeInBytes.Value)} (${f.SizeInBytes.Value.toLocaleString('en-US')} bytes, metered)`,
          ),
          row('ARN', f.FileSystemArn),
        ]),
      };
    }
    case 'accessPoint': {
      const a = node.accessPoint;
      return {
        ...base,
        label: a.Name ?? a.AccessPointId,
        icon: { id: 'key' },
        collapsible: 'none',
        command: { command: 'fargateLens.openAsJson', title: 'Open as JSON', args: [node] },
        description: join([
          a.Name && a.AccessPointId,
          a.RootDirectory?.Path,
          a.PosixUser && `uid ${a.PosixUser.Uid}:${a.PosixUser.Gid}`,
        ]),
        tooltip: table(`Access point ${a.AccessPointId}`, [
          row('Name', a.Name),
          row('State', a.LifeCycleState),
          row('Root directory', a.RootDirectory?.Path),
          row('POSIX user', a.PosixUser && `${a.PosixUser.Uid}:${a.PosixUser.Gid}`),
          row('ARN', a.AccessPointArn),
        ]),
      };
    }
    case 'mountTarget': {
      const m = node.mountTarget;
      return {
        ...base,
        label: m.MountTargetId,
        icon: { id: 'plug' },
        collapsible: 'none',
        command: { command: 'fargateLens.openAsJson', title: 'Open as JSON', args: [node] },
        description: join([m.AvailabilityZoneName, m.SubnetId, m.IpAddress, m.LifeCycleState]),
        tooltip: table(`Mount target ${m.MountTargetId}`, [
          row('Subnet', m.SubnetId),
          row('Availability zone', m.AvailabilityZoneName),
          row('IP address', m.IpAddress),
          row('State', m.LifeCycleState),
        ]),
      };
    }
    case 'loadMore':
      return {
        ...base,
        label: 'Load more…',
        description: `${node.loaded} shown`,
        icon: { id: 'ellipsis' },
        collapsible: 'none',
        command: { command: 'fargateLens.loadMore', title: 'Load more', args: [node] },
      };
    case 'message':
      return {
        ...base,
        label: node.message,
        description: node.detail,
        collapsible: 'none',
        contextValue:
          node.scope === 'connection' ? 'fargateLens.message.connectionError' : `fargateLens.message.${node.severity}`,
        icon:
          node.severity === 'error'
            ? { id: 'error', color: 'errorForeground' }
            : node.severity === 'warning'
              ? { id: 'warning', color: 'list.warningForeground' }
              : { id: 'info' },
        tooltip: node.action
          ? `${md(node.message)}\n\n${md(node.detail)}\n\nClick: ${md(node.action.title)}`
          : md(node.message),
        command: node.action
          ? { command: node.action.command, title: node.action.title, args: node.action.args }
          : undefined,
      };
  }
}
