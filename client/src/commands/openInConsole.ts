/** Open in the AWS console: builds the console URL for a node (commercial partition). */
import type { ExplorerNode } from '../explorer/nodes';
import { assertNever, isNode, nameFromArn, shortId } from '../explorer/nodes';
import type { CommandDeps } from './types';

export function consoleUrl(node: ExplorerNode): string | undefined {
  const r = node.conn.region;
  const ecs = `https://${r}.console.aws.amazon.com/ecs/v2`;
  const q = `?region=${r}`;
  const e = encodeURIComponent;
  switch (node.kind) {
    case 'cluster':
      return `${ecs}/clusters/${e(node.cluster.clusterName)}/services${q}`;
    case 'service':
      return `${ecs}/clusters/${e(nameFromArn(node.clusterArn))}/services/${e(node.service.serviceName)}/health${q}`;
    case 'task':
      return `${ecs}/clusters/${e(nameFromArn(node.clusterArn))}/tasks/${e(shortId(node.task.taskArn))}/configuration${q}`;
    case 'container':
      return `${ecs}/clusters/${e(nameFromArn(node.clusterArn))}/tasks/${e(shortId(node.taskArn))}/configuration${q}`;
    case 'family':
      return `${ecs}/task-definitions/${e(node.family)}${q}`;
    case 'revision':
      return `${ecs}/task-definitions/${e(node.family)}/${node.revision}/containers${q}`;
    case 'fileSystem':
      return `https://${r}.console.aws.amazon.com/efs/home${q}#/file-systems/${e(node.fileSystem.FileSystemId)}`;
    case 'accessPoint':
      return `https://${r}.console.aws.amazon.com/efs/home${q}#/access-points/${e(node.accessPoint.AccessPointId)}`;
    case 'clusters':
    case 'connection':
      return `${ecs}/clusters${q}`;
    case 'services':
    case 'standaloneTasks':
    case 'stoppedTasks':
    case 'deployment':
    case 'serviceEvents':
    case 'serviceEvent':
    case 'taskDefinitions':
    case 'inactiveFamilies':
    case 'fileSystems':
    case 'mountTarget':
    case 'loadMore':
    case 'message':
      return undefined;
    default:
      return assertNever(node);
  }
}

export async function openInConsole(deps: CommandDeps, arg?: unknown): Promise<void> {
  const url = isNode(arg) ? consoleUrl(arg) : undefined;
  if (!url) {
    deps.ui.error('This item has no console page.');
    return;
  }
  await deps.ui.openExternal(url);
}
