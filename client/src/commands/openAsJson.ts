/** Open as JSON: describes the resource afresh and shows it in a read-only `fargate-lens:` document. */
import { nodeOfKind, nameFromArn, shortId } from '../explorer/nodes';
import type { CommandDeps } from './types';

/** The kinds Open as JSON works on (its menu entry must match exactly these). */
export const OPEN_AS_JSON_KINDS = [
  'cluster',
  'service',
  'task',
  'revision',
  'fileSystem',
  'accessPoint',
  'mountTarget',
] as const;

export async function openAsJson(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = nodeOfKind(arg, ...OPEN_AS_JSON_KINDS);
  if (!node) {
    deps.ui.error(
      'Open as JSON works on clusters, services, tasks, task definitions, file systems, access points and mount targets in the explorer.',
    );
    return;
  }
  const apis = await deps.apis(node.conn);
  const region = node.conn.region;
  let uri: string;
  switch (node.kind) {
    case 'cluster': {
      const [c] = await apis.ecs.describeClusters([node.cluster.clusterArn]);
      uri = deps.documents.put(region, 'cluster', node.cluster.clusterName, c ?? node.cluster);
      break;
    }
    case 'service': {
      const [s] = await apis.ecs.describeServices(node.clusterArn, [node.service.serviceArn]);
      uri = deps.documents.put(
        region,
        `service/${nameFromArn(node.clusterArn)}`,
        node.service.serviceName,
        s ?? node.service,
      );
      break;
    }
    case 'task': {
      const [t] = await apis.ecs.describeTasks(node.clusterArn, [node.task.taskArn]);
      uri = deps.documents.put(
        region,
        `task/${nameFromArn(node.clusterArn)}`,
        shortId(node.task.taskArn),
        t ?? node.task,
      );
      break;
    }
    case 'revision': {
      const described = await apis.ecs.describeTaskDefinition(node.taskDefinitionArn);
      uri = deps.documents.put(region, 'task-definition', `${node.family}-${node.revision}`, described);
      break;
    }
    case 'fileSystem':
      uri = deps.documents.put(region, 'efs', node.fileSystem.FileSystemId, node.fileSystem);
      break;
    // As listed with their file system (DescribeAccessPoints / DescribeMountTargets): nothing more to read.
    case 'accessPoint':
      uri = deps.documents.put(region, `efs/${node.fileSystemId}`, node.accessPoint.AccessPointId, node.accessPoint);
      break;
    case 'mountTarget':
      uri = deps.documents.put(region, `efs/${node.fileSystemId}`, node.mountTarget.MountTargetId, node.mountTarget);
      break;
  }
  await deps.ui.openReadOnly(uri);
}
