/**
 * How each node's children are fetched: one page at a time (for "load more"), batched describes,
 * and one task index per cluster shared by its services and its standalone-tasks folder, so
 * expanding everything costs list pages + ceil(n/100) DescribeTasks + ceil(n/10) DescribeServices.
 */
import {
  collectPages,
  describeClustersBatched,
  describeServicesBatched,
  describeTasksBatched,
  inOrder,
} from '../aws/batch';
import type { AwsApis, Task } from '../aws/types';
import { assertNever, nodes, type ExplorerNode } from './nodes';
import { groupServiceEvents } from './serviceEvents';

export interface ChildPage {
  children: ExplorerNode[];
  nextToken?: string;
}

export interface LoaderContext {
  apis: AwsApis;
  /** Show the "Recently stopped" folder under "Standalone tasks". */
  showStoppedTasks: boolean;
  concurrency: number;
  /** Page size for lists we slice ourselves (tasks of a cluster). */
  pageSize: number;
  /** The tasks of a cluster (cached by the model). */
  clusterTasks(clusterArn: string): Promise<Task[]>;
}

/** Lists the RUNNING tasks of a cluster and describes them in batches of 100 (stopped ones: stoppedTasks folders). */
export async function loadClusterTasks(apis: AwsApis, clusterArn: string, concurrency: number): Promise<Task[]> {
  const listed = await collectPages((nextToken) =>
    apis.ecs.listTasks(clusterArn, { desiredStatus: 'RUNNING', nextToken }),
  );
  const unique = [...new Set(listed.items)];
  if (unique.length === 0) return [];
  return inOrder(unique, await describeTasksBatched(apis.ecs, clusterArn, unique, concurrency), (t) => t.taskArn);
}

const slice = <T>(items: T[], token: string | undefined, size: number): { items: T[]; nextToken?: string } => {
  const start = token ? Number(token) : 0;
  const end = start + size;
  return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
};

/** Stopped tasks shown per folder (bounded memory; ECS keeps them about an hour). */
export const MAX_STOPPED_SHOWN = 100;
/** Stopped tasks of a whole cluster looked at to find its standalone ones (ListTasks cannot filter by group). */
export const MAX_STOPPED_SCANNED = 500;

export function isServiceTask(task: Task, serviceName?: string): boolean {
  return serviceName ? task.group === `service:${serviceName}` : (task.group ?? '').startsWith('service:');
}

/** Children of `node` (one page). Throws on AWS errors; the model turns them into error nodes. */
export async function loadChildren(node: ExplorerNode, ctx: LoaderContext, token?: string): Promise<ChildPage> {
  const { ecs, efs } = ctx.apis;
  switch (node.kind) {
    case 'connection':
      return { children: [nodes.clusters(node), nodes.taskDefinitions(node), nodes.fileSystems(node)] };
    case 'clusters': {
      const page = await ecs.listClusters(token);
      const clusters = page.items.length ? await describeClustersBatched(ecs, page.items, ctx.concurrency) : [];
      return {
        children: inOrder(page.items, clusters, (c) => c.clusterArn).map((c) => nodes.cluster(node, c)),
        nextToken: page.nextToken,
      };
    }
    case 'cluster':
      return {
        children: [nodes.services(node, node.cluster.clusterArn), nodes.standaloneTasks(node, node.cluster.clusterArn)],
      };
    case 'services': {
      const page = await ecs.listServices(node.clusterArn, token);
      const services = page.items.length
        ? await describeServicesBatched(ecs, node.clusterArn, page.items, ctx.concurrency)
        : [];
      return {
        children: inOrder(page.items, services, (s) => s.serviceArn).map((s) =>
          nodes.service(node, node.clusterArn, s),
        ),
        nextToken: page.nextToken,
      };
    }
    case 'service':
    case 'standaloneTasks': {
      const all = await ctx.clusterTasks(node.clusterArn);
      const mine =
        node.kind === 'service'
          ? all.filter((t) => isServiceTask(t, node.service.serviceName) && t.lastStatus !== 'STOPPED')
          : all.filter((t) => !isServiceTask(t) && t.lastStatus !== 'STOPPED');
      const page = slice(mine, token, ctx.pageSize);
      const children = page.items.map((t) => nodes.task(node, node.clusterArn, t));
      if (token) return { children, nextToken: page.nextToken };
      if (node.kind === 'standaloneTasks') {
        if (!ctx.showStoppedTasks) return { children, nextToken: page.nextToken };
        const none = mine.length === 0 ? emptyMessage(node) : undefined;
        if (none) children.push(none);
        children.push(nodes.stoppedTasks(node, node.clusterArn));
        return { children, nextToken: page.nextToken };
      }
      // Deployments first (what a rollout is doing), then tasks, events and the recently stopped ones.
      const s = node.service;
      const deployments = (s.deployments ?? []).map((d) => nodes.deployment(node, node.clusterArn, s, d));
      if (mine.length === 0) children.push(nodes.message(node, 'info', 'No running tasks'));
      children.push(
        nodes.serviceEvents(node, node.clusterArn, s),
        nodes.stoppedTasks(node, node.clusterArn, s.serviceName),
      );
      return { children: [...deployments, ...children], nextToken: page.nextToken };
    }
    case 'stoppedTasks': {
      // Per service: ListTasks (desiredStatus STOPPED, serviceName) and DescribeTasks in batches of 100.
      // Standalone: the cluster's stopped tasks (bounded), keeping those no service started.
      const max = node.serviceName ? MAX_STOPPED_SHOWN : MAX_STOPPED_SCANNED;
      const listed = await collectPages(
        (nextToken) =>
          ecs.listTasks(node.clusterArn, { desiredStatus: 'STOPPED', serviceName: node.serviceName, nextToken }),
        max,
      );
      const arns = listed.items.slice(0, max);
      const described = arns.length ? await describeTasksBatched(ecs, node.clusterArn, arns, ctx.concurrency) : [];
      const tasks = node.serviceName ? described : described.filter((t) => !isServiceTask(t));
      const when = (t: Task): number => new Date(t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0).getTime();
      return {
        children: tasks
          .sort((a, b) => when(b) - when(a))
          .slice(0, MAX_STOPPED_SHOWN)
          .map((t) => nodes.task(node, node.clusterArn, t)),
      };
    }
    case 'serviceEvents':
      return {
        children: groupServiceEvents(node.events).map((g) => nodes.serviceEvent(node, g.event, g.count, g.firstAt)),
      };
    case 'task':
      return {
        children: (node.task.containers ?? []).map((c) => nodes.container(node, node.clusterArn, node.task.taskArn, c)),
      };
    case 'taskDefinitions': {
      const page = await ecs.listTaskDefinitionFamilies('ACTIVE', token);
      const families = page.items.map((f) => nodes.family(node, f, 'ACTIVE'));
      return { children: token ? families : [...families, nodes.inactiveFamilies(node)], nextToken: page.nextToken };
    }
    case 'inactiveFamilies': {
      const page = await ecs.listTaskDefinitionFamilies('INACTIVE', token);
      return { children: page.items.map((f) => nodes.family(node, f, 'INACTIVE')), nextToken: page.nextToken };
    }
    case 'family': {
      const page = await ecs.listTaskDefinitions(node.family, node.status, token);
      return {
        children: page.items.map((arn, i) =>
          nodes.revision(node, arn, node.status, !token && i === 0 && node.status === 'ACTIVE'),
        ),
        nextToken: page.nextToken,
      };
    }
    case 'fileSystems': {
      const page = await efs.describeFileSystems(token);
      return { children: page.items.map((f) => nodes.fileSystem(node, f)), nextToken: page.nextToken };
    }
    case 'fileSystem': {
      const id = node.fileSystem.FileSystemId;
      const [aps, mts] = await Promise.all([
        collectPages((t) => efs.describeAccessPoints(id, t)),
        collectPages((t) => efs.describeMountTargets(id, t)),
      ]);
      return {
        children: [
          ...aps.items.map((a) => nodes.accessPoint(node, id, a)),
          ...mts.items.map((m) => nodes.mountTarget(node, id, m)),
        ],
      };
    }
    case 'container':
    case 'deployment':
    case 'serviceEvent':
    case 'revision':
    case 'accessPoint':
    case 'mountTarget':
    case 'loadMore':
    case 'message':
      return { children: [] };
    default:
      return assertNever(node);
  }
}

/** What to say when a node has no children. */
export function emptyMessage(node: ExplorerNode): ExplorerNode | undefined {
  const at = node.conn.region;
  switch (node.kind) {
    case 'clusters':
      return nodes.message(node, 'info', `No clusters in ${at}`, {
        action: { command: 'fargateLens.selectRegions', title: 'Select regions' },
      });
    case 'services':
      return nodes.message(node, 'info', 'No services in this cluster');
    case 'stoppedTasks':
      return nodes.message(node, 'info', 'No task stopped in the last hour');
    case 'serviceEvents':
      return nodes.message(node, 'info', 'No events');
    case 'standaloneTasks':
      return nodes.message(node, 'info', 'No standalone tasks running', {
        action: { command: 'fargateLens.runTask', title: 'Run task', args: [node] },
      });
    case 'service':
      return nodes.message(node, 'info', 'No running tasks');
    case 'taskDefinitions':
    case 'inactiveFamilies':
      return nodes.message(node, 'info', `No task definitions in ${at}`);
    case 'family':
      return nodes.message(node, 'info', 'No revisions');
    case 'fileSystems':
      return nodes.message(node, 'info', `No EFS file systems in ${at}`);
    case 'fileSystem':
      return nodes.message(node, 'info', 'No access points or mount targets');
    case 'connection':
    case 'cluster':
    case 'task':
    case 'container':
    case 'deployment':
    case 'serviceEvent':
    case 'revision':
    case 'accessPoint':
    case 'mountTarget':
    case 'loadMore':
    case 'message':
      return undefined;
    default:
      return assertNever(node);
  }
}
