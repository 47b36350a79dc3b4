/**
 * Explorer tree nodes: plain data, one tagged union, no classes. Every node carries a stable `id`
 * (its parent's id plus its own key), so refreshing a node invalidates exactly its descendants and
 * `reveal` can rebuild the path. Constructors below are the only place ids are made.
 */
import type {
  AccessPoint,
  Cluster,
  Connection,
  Container,
  Deployment,
  DeploymentCircuitBreaker,
  FileSystem,
  MountTarget,
  Service,
  ServiceEvent,
  Task,
  TaskDefinitionStatus,
} from '../aws/types';
import { connectionKey } from '../aws/profiles';

interface Base {
  readonly id: string;
  readonly parentId?: string;
  readonly conn: Connection;
}

export type MessageAction = { command: string; title: string; args?: unknown[] };

export type ExplorerNode =
  | (Base & { kind: 'connection'; /** The endpoint override in use, if any. */ endpoint?: string })
  | (Base & { kind: 'clusters' })
  | (Base & { kind: 'cluster'; cluster: Cluster })
  | (Base & { kind: 'services'; clusterArn: string })
  | (Base & { kind: 'service'; clusterArn: string; service: Service })
  | (Base & { kind: 'standaloneTasks'; clusterArn: string })
  /**
   * "Recently stopped": a service's stopped tasks (ECS keeps them for about an hour), newest first;
   * without `serviceName`, the cluster's stopped standalone tasks.
   */
  | (Base & { kind: 'stoppedTasks'; clusterArn: string; serviceName?: string })
  /** One of a service's deployments (DescribeServices `deployments[]`), with the service's circuit breaker. */
  | (Base & {
      kind: 'deployment';
      clusterArn: string;
      serviceName: string;
      deployment: Deployment;
      circuitBreaker?: DeploymentCircuitBreaker;
    })
  /** "Service events": the service's events as DescribeServices returned them (newest first, at most 100). */
  | (Base & { kind: 'serviceEvents'; clusterArn: string; serviceName: string; events: readonly ServiceEvent[] })
  /** One event, or `count` repeats of the same text (newest `event`, oldest at `firstAt`). */
  | (Base & { kind: 'serviceEvent'; event: ServiceEvent; count: number; firstAt?: Date })
  | (Base & { kind: 'task'; clusterArn: string; task: Task })
  | (Base & { kind: 'container'; clusterArn: string; taskArn: string; container: Container })
  | (Base & { kind: 'taskDefinitions' })
  | (Base & { kind: 'inactiveFamilies' })
  | (Base & { kind: 'family'; family: string; status: TaskDefinitionStatus })
  | (Base & {
      kind: 'revision';
      family: string;
      revision: number;
      taskDefinitionArn: string;
      status: TaskDefinitionStatus;
      latest: boolean;
    })
  | (Base & { kind: 'fileSystems' })
  | (Base & { kind: 'fileSystem'; fileSystem: FileSystem })
  | (Base & { kind: 'accessPoint'; fileSystemId: string; accessPoint: AccessPoint })
  | (Base & { kind: 'mountTarget'; fileSystemId: string; mountTarget: MountTarget })
  | (Base & { kind: 'loadMore'; parentId: string; loaded: number })
  | (Base & {
      kind: 'message';
      severity: 'info' | 'warning' | 'error';
      message: string;
      detail?: string;
      action?: MessageAction;
      /** 'connection': the one error of a connection, shown in place of its folders. */
      scope?: 'connection';
    });

export type NodeKind = ExplorerNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<ExplorerNode, { kind: K }>;

export function isNode(value: unknown): value is ExplorerNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === 'string' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

/** Narrows a command argument to one of the given kinds. */
export function nodeOfKind<K extends NodeKind>(value: unknown, ...kinds: K[]): NodeOf<K> | undefined {
  return isNode(value) && (kinds as string[]).includes(value.kind) ? (value as NodeOf<K>) : undefined;
}

const child = (parent: ExplorerNode, key: string): { id: string; parentId: string; conn: Connection } => ({
  id: `${parent.id}/${key}`,
  parentId: parent.id,
  conn: parent.conn,
});

export const nodes = {
  connection: (conn: Connection, endpoint?: string): ExplorerNode => ({
    kind: 'connection',
    id: `conn:${connectionKey(conn)}`,
    conn,
    ...(endpoint ? { endpoint } : {}),
  }),
  clusters: (p: ExplorerNode): ExplorerNode => ({ kind: 'clusters', ...child(p, 'clusters') }),
  cluster: (p: ExplorerNode, cluster: Cluster): ExplorerNode => ({
    kind: 'cluster',
    ...child(p, `cluster:${cluster.clusterArn}`),
    cluster,
  }),
  services: (p: ExplorerNode, clusterArn: string): ExplorerNode => ({
    kind: 'services',
    ...child(p, 'services'),
    clusterArn,
  }),
  service: (p: ExplorerNode, clusterArn: string, service: Service): ExplorerNode => ({
    kind: 'service',
    ...child(p, `service:${service.serviceArn}`),
    clusterArn,
    service,
  }),
  standaloneTasks: (p: ExplorerNode, clusterArn: string): ExplorerNode => ({
    kind: 'standaloneTasks',
    ...child(p, 'standalone'),
    clusterArn,
  }),
  stoppedTasks: (p: ExplorerNode, clusterArn: string, serviceName?: string): ExplorerNode => ({
    kind: 'stoppedTasks',
    ...child(p, 'stopped'),
    clusterArn,
    ...(serviceName === undefined ? {} : { serviceName }),
  }),
  deployment: (p: ExplorerNode, clusterArn: string, service: Service, deployment: Deployment): ExplorerNode => ({
    kind: 'deployment',
    ...child(p, `deployment:${deployment.id ?? deployment.taskDefinition ?? deployment.status}`),
    clusterArn,
    serviceName: service.serviceName,
    deployment,
    ...(service.deploymentConfiguration?.deploymentCircuitBreaker
      ? { circuitBreaker: service.deploymentConfiguration.deploymentCircuitBreaker }
      : {}),
  }),
  serviceEvents: (p: ExplorerNode, clusterArn: string, service: Service): ExplorerNode => ({
    kind: 'serviceEvents',
    ...child(p, 'events'),
    clusterArn,
    serviceName: service.serviceName,
    events: service.events ?? [],
  }),
  serviceEvent: (p: ExplorerNode, event: ServiceEvent, count: number, firstAt?: Date): ExplorerNode => ({
    kind: 'serviceEvent',
    ...child(p, `event:${event.id ?? `${String(event.createdAt)}:${event.message}`}`),
    event,
    count,
    ...(firstAt ? { firstAt } : {}),
  }),
  task: (p: ExplorerNode, clusterArn: string, task: Task): ExplorerNode => ({
    kind: 'task',
    ...child(p, `task:${task.taskArn}`),
    clusterArn,
    task,
  }),
  container: (p: ExplorerNode, clusterArn: string, taskArn: string, container: Container): ExplorerNode => ({
    kind: 'container',
    ...child(p, `container:${container.name}`),
    clusterArn,
    taskArn,
    container,
  }),
  taskDefinitions: (p: ExplorerNode): ExplorerNode => ({ kind: 'taskDefinitions', ...child(p, 'taskdefs') }),
  inactiveFamilies: (p: ExplorerNode): ExplorerNode => ({ kind: 'inactiveFamilies', ...child(p, 'inactive') }),
  family: (p: ExplorerNode, family: string, status: TaskDefinitionStatus): ExplorerNode => ({
    kind: 'family',
    ...child(p, `family:${family}`),
    family,
    status,
  }),
  revision: (
    p: ExplorerNode,
    taskDefinitionArn: string,
    status: TaskDefinitionStatus,
    latest: boolean,
  ): ExplorerNode => {
    const { family, revision } = parseTaskDefinitionArn(taskDefinitionArn);
    return { kind: 'revision', ...child(p, `rev:${revision}`), family, revision, taskDefinitionArn, status, latest };
  },
  fileSystems: (p: ExplorerNode): ExplorerNode => ({ kind: 'fileSystems', ...child(p, 'efs') }),
  fileSystem: (p: ExplorerNode, fileSystem: FileSystem): ExplorerNode => ({
    kind: 'fileSystem',
    ...child(p, `fs:${fileSystem.FileSystemId}`),
    fileSystem,
  }),
  accessPoint: (p: ExplorerNode, fileSystemId: string, accessPoint: AccessPoint): ExplorerNode => ({
    kind: 'accessPoint',
    ...child(p, `ap:${accessPoint.AccessPointId}`),
    fileSystemId,
    accessPoint,
  }),
  mountTarget: (p: ExplorerNode, fileSystemId: string, mountTarget: MountTarget): ExplorerNode => ({
    kind: 'mountTarget',
    ...child(p, `mt:${mountTarget.MountTargetId}`),
    fileSystemId,
    mountTarget,
  }),
  loadMore: (p: ExplorerNode, loaded: number): ExplorerNode => ({
    kind: 'loadMore',
    id: `${p.id}/#more`,
    parentId: p.id,
    conn: p.conn,
    loaded,
  }),
  message: (
    p: ExplorerNode | { id: string; conn: Connection },
    severity: 'info' | 'warning' | 'error',
    message: string,
    extra: { detail?: string; action?: MessageAction; scope?: 'connection' } = {},
  ): ExplorerNode => ({
    kind: 'message',
    id: `${p.id}/#msg`,
    parentId: p.id,
    conn: p.conn,
    severity,
    message,
    ...extra,
  }),
};

export function parseTaskDefinitionArn(arn: string): { family: string; revision: number } {
  const tail = arn.split('/').pop() ?? arn;
  const m = /^(.*):(\d+)$/.exec(tail);
  return m ? { family: m[1], revision: Number(m[2]) } : { family: tail, revision: 0 };
}

export function shortId(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

export function nameFromArn(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

/** The ARN a node stands for, when it has one (Copy ARN is offered exactly for these kinds). */
export function arnOf(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'cluster':
      return node.cluster.clusterArn;
    case 'service':
      return node.service.serviceArn;
    case 'task':
      return node.task.taskArn;
    case 'container':
      return node.container.containerArn;
    case 'revision':
      return node.taskDefinitionArn;
    case 'fileSystem':
      return node.fileSystem.FileSystemArn;
    case 'accessPoint':
      return node.accessPoint.AccessPointArn;
    case 'connection':
    case 'clusters':
    case 'services':
    case 'standaloneTasks':
    case 'stoppedTasks':
    case 'deployment':
    case 'serviceEvents':
    case 'serviceEvent':
    case 'taskDefinitions':
    case 'inactiveFamilies':
    case 'family':
    case 'fileSystems':
    case 'loadMore':
    case 'message':
    case 'mountTarget': // mount targets have no ARN
      return undefined;
    default:
      return assertNever(node);
  }
}

/** For the `default` of a switch over node kinds: a kind added to the union and not handled is a compile error. */
export function assertNever(node: never): never {
  throw new Error(`unhandled explorer node kind ${String((node as { kind?: unknown }).kind)}`);
}
