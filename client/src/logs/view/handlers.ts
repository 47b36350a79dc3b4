/**
 * Show Container Logs / Follow Container Logs / Show Logs of Last Stopped Task: from a tree node (container, task,
 * service) or the palette (pick a cluster, then a service or task), a time range and a CloudWatch
 * filter pattern, into a log view. VS Code-free: the UI, the views and the settings are ports.
 */
import type { ApiFactory, Connection } from '../../aws/types';
import type { PickItem, Ui } from '../../commands/types';
import { nodeOfKind } from '../../explorer/nodes';
import {
  explainEmpty,
  followLogs,
  logsAccess,
  LogTargetError,
  planLogs,
  readRange,
  type LogPlan,
  type LogTarget,
  type LogsAccess,
} from '../index';
import { parseSince, timestampFormatter } from '../time';
import { LogViewModel } from './model';

export interface LogSettings {
  maxLines: number;
  ansi: 'render' | 'strip';
  /** IANA zone; undefined = the local zone. */
  timeZone?: string;
  liveTail: boolean;
}

/** A log view the user sees; `closed` aborts when its last editor tab closes. */
export interface OpenedView {
  closed: AbortSignal;
  /** The model changed: re-render (throttled by the view). */
  changed(): void;
}

export interface LogViewPort {
  open(model: LogViewModel, name: string): Promise<OpenedView>;
}

export interface LogCommandDeps {
  ui: Ui;
  views: LogViewPort;
  apis: ApiFactory;
  connections: () => readonly Connection[];
  settings: () => LogSettings;
  now?: () => number;
}

/** Options a caller (a test, another command) can pass to skip the prompts. */
export interface LogCommandOptions {
  since?: string;
  filter?: string;
}

type Mode = 'show' | 'follow' | 'previous';

export function logCommandHandlers(deps: LogCommandDeps): Record<string, (...args: unknown[]) => Promise<void>> {
  return {
    'fargateLens.showContainerLogs': (node, opts) =>
      openLogs(deps, 'show', node, opts as LogCommandOptions | undefined),
    'fargateLens.followContainerLogs': (node, opts) =>
      openLogs(deps, 'follow', node, opts as LogCommandOptions | undefined),
    'fargateLens.showPreviousContainerLogs': (node, opts) =>
      openLogs(deps, 'previous', node, opts as LogCommandOptions | undefined),
  };
}

const short = (arn: string): string => arn.split('/').pop() ?? arn;

function targetOf(node: unknown, mode: Mode): { target: LogTarget; conn: Connection; title: string } | undefined {
  const n = nodeOfKind(node, 'container', 'task', 'service');
  if (!n) return undefined;
  if (n.kind === 'container')
    return {
      conn: n.conn,
      target: { kind: 'task', cluster: n.clusterArn, task: n.taskArn, container: n.container.name },
      title: `${n.container.name} · task ${short(n.taskArn).slice(0, 8)}`,
    };
  if (n.kind === 'task')
    return {
      conn: n.conn,
      target: { kind: 'task', cluster: n.clusterArn, task: n.task.taskArn },
      title: `task ${short(n.task.taskArn).slice(0, 8)}`,
    };
  return {
    conn: n.conn,
    target: { kind: 'service', cluster: n.clusterArn, service: n.service.serviceArn, previous: mode === 'previous' },
    title: `service ${n.service.serviceName}${mode === 'previous' ? ' · last stopped task' : ''}`,
  };
}

async function pickTarget(
  deps: LogCommandDeps,
  mode: Mode,
): Promise<{ target: LogTarget; conn: Connection; title: string } | undefined> {
  const conns = deps.connections();
  const conn =
    conns.length <= 1
      ? conns[0]
      : await deps.ui.pick(
          conns.map((c) => ({ label: c.region, description: c.profile ?? 'default', value: c })),
          { title: 'Region' },
        );
  if (!conn) return undefined;
  const ecs = (await deps.apis(conn)).ecs;
  const clusters = (await ecs.listClusters()).items;
  if (clusters.length === 0) throw new LogTargetError(`No ECS cluster in ${conn.region}.`);
  const cluster =
    clusters.length === 1
      ? clusters[0]
      : await deps.ui.pick(
          clusters.map((c) => ({ label: short(c), value: c })),
          { title: 'Cluster' },
        );
  if (!cluster) return undefined;
  type Choice = { kind: 'service' | 'task'; arn: string };
  const items: PickItem<Choice>[] = (await ecs.listServices(cluster)).items.map((arn) => ({
    label: `$(server-process) ${short(arn)}`,
    description: 'service',
    value: { kind: 'service', arn },
  }));
  if (mode !== 'previous')
    items.push(
      ...(await ecs.listTasks(cluster, { desiredStatus: 'RUNNING' })).items.map((arn) => ({
        label: `$(symbol-event) ${short(arn)}`,
        description: 'task',
        value: { kind: 'task' as const, arn },
      })),
    );
  const choice = await deps.ui.pick(items, { title: mode === 'previous' ? 'Service' : 'Service or task' });
  if (!choice) return undefined;
  return choice.kind === 'service'
    ? {
        conn,
        target: { kind: 'service', cluster, service: choice.arn, previous: mode === 'previous' },
        title: `service ${short(choice.arn)}${mode === 'previous' ? ' · last stopped task' : ''}`,
      }
    : { conn, target: { kind: 'task', cluster, task: choice.arn }, title: `task ${short(choice.arn).slice(0, 8)}` };
}

/** `since` from the options or a pick; undefined = cancelled. 'start' = since the task started. */
async function pickSince(deps: LogCommandDeps, given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) return given;
  const choice = await deps.ui.pick(
    [
      { label: 'Last 5 minutes', value: '5m' },
      { label: 'Last hour', value: '1h' },
      { label: 'Since the task started', value: 'start' },
      { label: 'Custom…', description: 'a duration (30m, 6h, 2d) or an ISO-8601 time', value: 'custom' },
    ],
    { title: 'Time range' },
  );
  if (choice !== 'custom') return choice;
  return deps.ui.input({
    title: 'Logs since',
    prompt: 'A duration before now (30s, 15m, 6h, 2d) or an ISO-8601 time (2026-12-04T18:00:00Z)',
    validate: (v) =>
      parseSince(v, Date.now()) === undefined ? 'Give a duration like 15m or an ISO-8601 time' : undefined,
  });
}

async function openLogs(deps: LogCommandDeps, mode: Mode, node: unknown, opts: LogCommandOptions = {}): Promise<void> {
  const picked = targetOf(node, mode) ?? (await pickTarget(deps, mode));
  if (!picked) return;
  const since = await pickSince(deps, opts.since);
  if (since === undefined) return;
  const filter =
    opts.filter ??
    (await deps.ui.input({
      title: 'Filter pattern (optional)',
      prompt: 'CloudWatch filter syntax, e.g. ERROR, "exact phrase", { $.level = "error" }; empty for all lines',
    }));
  if (filter === undefined) return;
  const access = logsAccess(await deps.apis(picked.conn), deps.apis);
  let plan: LogPlan;
  try {
    plan = await planLogs(access, picked.target);
  } catch (e) {
    if (e instanceof LogTargetError) return deps.ui.error(e.fix ? `${e.message} ${e.fix}` : e.message);
    throw e;
  }
  const now = (deps.now ?? Date.now)();
  const startTime = since === 'start' ? (plan.startedAt ?? now - 3_600_000) : (parseSince(since, now) ?? now - 300_000);
  const settings = deps.settings();
  const follow = mode === 'follow';
  const title = `${follow ? 'Following' : 'Logs of'} ${picked.title} (${short(picked.target.cluster)}, ${picked.conn.region}) since ${new Date(startTime).toISOString()}${filter ? ` · filter ${filter}` : ''}`;
  const model = new LogViewModel({
    title,
    capacity: settings.maxLines,
    formatTime: timestampFormatter(settings.timeZone),
    ansi: settings.ansi,
    labelTasks: new Set(plan.streams.map((s) => s.taskId)).size > 1,
  });
  for (const n of plan.notes) model.note(n);
  model.setStatus(follow ? 'Following…' : 'Reading…');
  const view = await deps.views.open(model, `${picked.title}`);
  const read: LogRead = { access, plan, model, view, startTime, filter };
  if (follow) void runFollow(deps, read, settings);
  else await runShow(read);
}

/** One opened view's reading: where from, since when, with which filter pattern ('' for none). */
interface LogRead {
  access: LogsAccess;
  plan: LogPlan;
  model: LogViewModel;
  view: OpenedView;
  startTime: number;
  filter: string;
}

async function runShow({ access, plan, model, view, startTime, filter }: LogRead): Promise<void> {
  try {
    const r = await readRange(access, plan, {
      startTime,
      filterPattern: filter || undefined,
      limit: model.options.capacity,
      signal: view.closed,
    });
    model.add(r.lines);
    if (r.dropped)
      model.note(
        `… ${r.dropped} older lines in this range not shown (newest ${model.options.capacity} kept: fargateLens.logs.maxLines).`,
      );
    if (r.lines.length === 0) for (const n of await explainEmpty(access, plan)) model.note(n);
    model.setStatus(
      `${r.lines.length} lines, read ${new Date().toLocaleTimeString()}.${r.lines.length ? '' : ' Nothing in this range.'}`,
    );
  } catch (e) {
    model.setStatus(`Could not read the logs: ${e instanceof Error ? e.message : String(e)}`);
    view.changed();
    throw e;
  }
  view.changed();
}

async function runFollow(
  deps: LogCommandDeps,
  { access, plan, model, view, startTime, filter }: LogRead,
  settings: LogSettings,
): Promise<void> {
  try {
    await followLogs(access, plan, {
      startTime,
      filterPattern: filter || undefined,
      signal: view.closed,
      liveTail: settings.liveTail,
      onLines: (lines) => {
        model.add(lines);
        view.changed();
      },
      onStatus: (s) => {
        model.note(s);
        view.changed();
      },
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    model.setStatus(`Stopped following: ${message}`);
    view.changed();
    deps.ui.error(message);
  }
}
