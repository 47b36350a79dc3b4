/**
 * The explorer's state, free of VS Code: which connections are shown, cached children per node,
 * "load more" tokens, per-cluster task indexes, error nodes, and change events. The tree view
 * (view.ts) and the commands drive it; unit tests drive it with a fake ApiFactory.
 */
import { describeAwsError } from '../aws/errors';
import { connectionKey } from '../aws/profiles';
import type { ApiFactory, Connection, Task, TaskDefinition } from '../aws/types';
import type { Logger } from '../ui/logChannels';
import { connectionErrorNode, errorLogLine, errorNode, isConnectionLevel } from './errorNodes';
import { emptyMessage, loadChildren, loadClusterTasks } from './loaders';
import { assertNever, nodes, type ExplorerNode, type NodeOf } from './nodes';
import { isTransitionalService, isTransitionalTask } from './status';
import { welcomeFor, type Welcome } from './welcome';

export interface ExplorerSettings {
  pageSize: number;
  concurrency: number;
  /** A "Recently stopped" folder under "Standalone tasks" (services always have theirs). */
  showStoppedTasks: boolean;
  /** The endpoint override in use (setting or AWS_ENDPOINT_URL), shown with errors and on the connection. */
  endpoint?: string;
}

interface CacheEntry {
  children: ExplorerNode[];
  nextToken?: string;
}

type Listener = (node: ExplorerNode | undefined) => void;

/** A Map that forgets its oldest entry beyond `max` entries. */
class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: K, value: V): this {
    super.set(key, value);
    if (this.size > this.max) this.delete(this.keys().next().value as K);
    return this;
  }
}

export class ExplorerModel {
  private readonly cache = new Map<string, Promise<CacheEntry>>();
  private readonly taskIndex = new Map<string, Promise<Task[]>>();
  /** Revisions are immutable (only their status changes): details by ARN, at most a bounded number. */
  private readonly revisions = new BoundedMap<string, Promise<TaskDefinition>>(200);
  private readonly registry = new Map<string, ExplorerNode>();
  private readonly listeners = new Set<Listener>();
  private readonly loadListeners = new Set<(node: ExplorerNode, children: readonly ExplorerNode[]) => void>();
  /** A connection-level failure per connection key: shown once instead of the connection's folders. */
  private readonly connectionErrors = new Map<string, unknown>();
  /** When each node was first seen transitional, and when each parent was last polled for it. */
  private readonly transitionalSince = new Map<string, number>();
  private readonly lastPolled = new Map<string, number>();

  constructor(
    private readonly apis: ApiFactory,
    private readonly connections: () => readonly Connection[],
    private readonly settings: () => ExplorerSettings,
    private readonly log?: Logger,
  ) {}

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Children loaded from AWS (e.g. stopped tasks, for the diagnosis findings). */
  onDidLoad(listener: (node: ExplorerNode, children: readonly ExplorerNode[]) => void): { dispose(): void } {
    this.loadListeners.add(listener);
    return { dispose: () => this.loadListeners.delete(listener) };
  }

  roots(): ExplorerNode[] {
    const endpoint = this.settings().endpoint;
    return this.remember(this.connections().map((c) => nodes.connection(c, endpoint)));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parentId ? this.registry.get(node.parentId) : undefined;
  }

  getNode(id: string): ExplorerNode | undefined {
    return this.registry.get(id);
  }

  /** The loaded nodes that match (for redrawing the nodes of one service). */
  findNodes(pred: (node: ExplorerNode) => boolean): ExplorerNode[] {
    return [...this.registry.values()].filter(pred);
  }

  /**
   * With a welcome listener (the VS Code view), the root is empty while every connection lacks
   * credentials, cannot be reached or holds nothing, and the listener hears why (welcome.ts).
   */
  onWelcome?: (welcome: Welcome | undefined) => void;

  /** A revision's full task definition, for its tooltip (one DescribeTaskDefinition per revision, kept). */
  revisionDetails(node: NodeOf<'revision'>): Promise<TaskDefinition> {
    let p = this.revisions.get(node.taskDefinitionArn);
    if (!p) {
      p = this.apis(node.conn).then(
        async (apis) => (await apis.ecs.describeTaskDefinition(node.taskDefinitionArn)).taskDefinition,
      );
      p.catch(() => this.revisions.delete(node.taskDefinitionArn));
      this.revisions.set(node.taskDefinitionArn, p);
    }
    return p;
  }

  connectionError(conn: Connection): unknown {
    return this.connectionErrors.get(connectionKey(conn));
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) {
      const roots = this.roots();
      if (!this.onWelcome) return roots;
      const welcome = await welcomeFor(this, roots, this.settings().endpoint);
      this.onWelcome(welcome);
      return welcome ? [] : roots;
    }
    const failed = node.kind === 'connection' ? this.connectionErrors.get(connectionKey(node.conn)) : undefined;
    if (failed !== undefined) return this.remember([connectionErrorNode(node, failed, this.settings().endpoint)]);
    let entry = this.cache.get(node.id);
    if (!entry) {
      entry = this.firstPage(node);
      this.cache.set(node.id, entry);
    }
    const { children, nextToken } = await entry;
    return nextToken ? [...children, this.remember([nodes.loadMore(node, children.length)])[0]] : children;
  }

  /** Appends the next page under the load-more node's parent. */
  async loadMore(loadMore: ExplorerNode): Promise<void> {
    if (loadMore.kind !== 'loadMore') return;
    const parent = this.registry.get(loadMore.parentId);
    const current = this.cache.get(loadMore.parentId);
    if (!parent || !current) return;
    const before = await current;
    if (!before.nextToken) return;
    const next = this.load(parent, before.nextToken).then((page) =>
      page.error
        ? { children: [...before.children, ...page.children], nextToken: before.nextToken }
        : { children: [...before.children, ...page.children], nextToken: page.nextToken },
    );
    this.cache.set(parent.id, next);
    await next;
    this.fire(parent);
  }

  /** Forgets a node's children and everything below (or everything), then tells the view. Refreshing a connection retries it. */
  refresh(node?: ExplorerNode): void {
    if (node?.kind === 'message') node = this.getParent(node) ?? node;
    if (!node) this.connectionErrors.clear();
    else if (node.kind === 'connection') this.connectionErrors.delete(connectionKey(node.conn));
    this.invalidate(node);
  }

  private invalidate(node: ExplorerNode | undefined): void {
    if (!node) {
      this.cache.clear();
      this.taskIndex.clear();
      this.revisions.clear();
      this.fire(undefined);
      return;
    }
    const prefix = `${node.id}/`;
    for (const id of [...this.cache.keys()]) if (id === node.id || id.startsWith(prefix)) this.cache.delete(id);
    for (const id of [...this.registry.keys()]) if (id.startsWith(prefix)) this.registry.delete(id);
    const clusterArn = clusterArnOf(node);
    if (clusterArn) this.taskIndex.delete(taskKey(node.conn, clusterArn));
    if (node.kind === 'connection' || node.kind === 'clusters') {
      for (const k of [...this.taskIndex.keys()])
        if (k.startsWith(`${connectionKey(node.conn)}#`)) this.taskIndex.delete(k);
    }
    this.fire(node);
  }

  /**
   * Refreshes the parents of loaded nodes in transitional states whose poll is due; returns how many.
   * A node polls every `baseMs` for its first two minutes in a transitional state, then ever less
   * often (transitionalDelayMs), so a deployment that never finishes does not poll at full rate forever.
   */
  refreshTransitional(now: number = Date.now(), baseMs = 10_000): number {
    const targets = new Map<string, ExplorerNode>();
    const seen = new Set<string>();
    for (const node of this.registry.values()) {
      if (!this.cache.has(node.parentId ?? '')) continue;
      const transitional =
        (node.kind === 'task' && isTransitionalTask(node.task)) ||
        (node.kind === 'service' && isTransitionalService(node.service));
      const parent = transitional ? this.getParent(node) : undefined;
      if (!parent) continue;
      seen.add(node.id);
      const since = this.transitionalSince.get(node.id) ?? now;
      this.transitionalSince.set(node.id, since);
      const last = this.lastPolled.get(parent.id);
      if (last === undefined || now - last >= transitionalDelayMs(now - since, baseMs)) targets.set(parent.id, parent);
    }
    for (const id of [...this.transitionalSince.keys()]) if (!seen.has(id)) this.transitionalSince.delete(id);
    for (const parent of targets.values()) {
      this.lastPolled.set(parent.id, now);
      this.invalidate(parent);
    }
    return targets.size;
  }

  /** Loads the path to a task and returns its node (for reveal after RunTask). */
  async findTask(conn: Connection, clusterArn: string, taskArn: string): Promise<ExplorerNode | undefined> {
    const key = connectionKey(conn);
    const root = this.roots().find((r) => connectionKey(r.conn) === key);
    if (!root) return undefined;
    const clusters = (await this.getChildren(root)).find((n) => n.kind === 'clusters');
    const cluster =
      clusters &&
      (await this.getChildren(clusters)).find((n) => n.kind === 'cluster' && n.cluster.clusterArn === clusterArn);
    if (!cluster) return undefined;
    this.taskIndex.delete(taskKey(conn, clusterArn));
    const folders = await this.getChildren(cluster);
    const candidates: ExplorerNode[] = [];
    for (const folder of folders) {
      if (folder.kind === 'standaloneTasks') candidates.push(folder);
      if (folder.kind === 'services')
        candidates.push(...(await this.getChildren(folder)).filter((n) => n.kind === 'service'));
    }
    for (const parent of candidates) {
      this.refresh(parent);
      const task = (await this.getChildren(parent)).find((n) => n.kind === 'task' && n.task.taskArn === taskArn);
      if (task) return task;
    }
    return undefined;
  }

  private async firstPage(node: ExplorerNode): Promise<CacheEntry> {
    const page = await this.load(node, undefined);
    if (page.children.length === 0 && !page.nextToken) {
      const empty = emptyMessage(node);
      return { children: empty ? this.remember([empty]) : [] };
    }
    return page;
  }

  private async load(node: ExplorerNode, token: string | undefined): Promise<CacheEntry & { error?: boolean }> {
    const settings = this.settings();
    try {
      const apis = await this.apis(node.conn);
      const page = await loadChildren(
        node,
        {
          apis,
          concurrency: settings.concurrency,
          pageSize: settings.pageSize,
          showStoppedTasks: settings.showStoppedTasks,
          clusterTasks: (clusterArn) => this.clusterTasks(node.conn, clusterArn),
        },
        token,
      );
      for (const l of this.loadListeners) l(node, page.children);
      return { children: this.remember(page.children), nextToken: page.nextToken };
    } catch (err) {
      this.reportFailure(node, err);
      return { children: this.remember([errorNode(node, err)]), error: true };
    }
  }

  /** Logs a failed load; a connection-level failure replaces the connection's folders by one error. */
  private reportFailure(node: ExplorerNode, err: unknown): void {
    const endpoint = this.settings().endpoint;
    const key = connectionKey(node.conn);
    const connectionWide = node.kind !== 'connection' && isConnectionLevel(describeAwsError(err, node.conn.profile));
    if (connectionWide && this.connectionErrors.has(key)) return; // already reported for this connection
    this.log?.error(errorLogLine(node, err, endpoint));
    if (!connectionWide) return;
    this.connectionErrors.set(key, err);
    const root = this.roots().find((r) => connectionKey(r.conn) === key);
    if (root) this.invalidate(root);
  }

  private clusterTasks(conn: Connection, clusterArn: string): Promise<Task[]> {
    const key = taskKey(conn, clusterArn);
    let p = this.taskIndex.get(key);
    if (!p) {
      const { concurrency } = this.settings();
      p = this.apis(conn).then((apis) => loadClusterTasks(apis, clusterArn, concurrency));
      p.catch(() => this.taskIndex.delete(key));
      this.taskIndex.set(key, p);
    }
    return p;
  }

  private remember(list: ExplorerNode[]): ExplorerNode[] {
    for (const n of list) this.registry.set(n.id, n);
    return list;
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of this.listeners) l(node);
  }
}

function taskKey(conn: Connection, clusterArn: string): string {
  return `${connectionKey(conn)}#${clusterArn}`;
}

function clusterArnOf(node: ExplorerNode): string | undefined {
  switch (node.kind) {
    case 'cluster':
      return node.cluster.clusterArn;
    case 'services':
    case 'service':
    case 'standaloneTasks':
    case 'stoppedTasks':
    case 'deployment':
    case 'serviceEvents':
    case 'task':
    case 'container':
      return node.clusterArn;
    case 'connection':
    case 'clusters':
    case 'taskDefinitions':
    case 'inactiveFamilies':
    case 'family':
    case 'revision':
    case 'fileSystems':
    case 'fileSystem':
    case 'accessPoint':
    case 'mountTarget':
    case 'serviceEvent':
    case 'loadMore':
    case 'message':
      return undefined;
    default:
      return assertNever(node);
  }
}

export { errorNode } from './errorNodes';

/** The poll interval for a node transitional for `ageMs`: `baseMs` for 2 minutes, then doubling every 2 minutes, at most 5 minutes. */
export function transitionalDelayMs(ageMs: number, baseMs: number): number {
  const period = 120_000;
  if (ageMs < period) return baseMs;
  return Math.max(baseMs, Math.min(baseMs * 2 ** Math.ceil((ageMs - period + 1) / period), 300_000));
}
