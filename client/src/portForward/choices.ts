/**
 * What "Forward Port…" offers, free of VS Code: the container's mapped ports first (from its task
 * definition's portMappings), then the other containers' (one network namespace in awsvpc, so all are
 * reachable on localhost), then the ports and remote hosts recently forwarded for the same service (or
 * task family), then "another port" and "a remote host". Recent choices are kept per service, newest
 * first, at most RECENT_LIMIT.
 */
import { taskIdFromArn } from '../exec/target';
import { pluginCommand } from '../exec/plugin';

export const RECENT_LIMIT = 5;

export interface PortChoice {
  portNumber: number;
  host?: string;
  /** Where the offer comes from, for the picker's description. */
  source: string;
}

export interface RecentStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

interface PortMapping {
  containerPort?: number;
  name?: string;
  appProtocol?: string;
}

/** Mapped ports of the task definition (the `raw` of DescribeTaskDefinition), the given container's first. */
export function mappedPorts(rawTaskDefinition: unknown, containerName?: string): PortChoice[] {
  const defs = (rawTaskDefinition as { containerDefinitions?: { name?: string; portMappings?: PortMapping[] }[] })
    ?.containerDefinitions;
  if (!Array.isArray(defs)) return [];
  const ordered = [...defs].sort((a, b) => Number(b.name === containerName) - Number(a.name === containerName));
  const out: PortChoice[] = [];
  for (const d of ordered)
    for (const m of d.portMappings ?? []) {
      if (typeof m.containerPort !== 'number' || out.some((o) => o.portNumber === m.containerPort)) continue;
      const what = [m.name, m.appProtocol].filter(Boolean).join(', ');
      out.push({
        portNumber: m.containerPort,
        source: `${d.name ?? 'container'} port mapping${what ? ` (${what})` : ''}`,
      });
    }
  return out;
}

/** The key recent choices are kept under: the service (`service:<name>` group), else the task family. */
export function recentKey(task: { group?: string; taskDefinitionArn?: string; taskArn: string }): string {
  if (task.group?.startsWith('service:')) return `fargateLens.portForward.recent.${task.group}`;
  const family = task.taskDefinitionArn?.split('/').pop()?.split(':')[0];
  return `fargateLens.portForward.recent.${family ? `family:${family}` : `task:${taskIdFromArn(task.taskArn)}`}`;
}

export function readRecent(store: RecentStore, key: string): PortChoice[] {
  const v = store.get<unknown>(key);
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    const r = e as { portNumber?: unknown; host?: unknown };
    if (typeof r.portNumber !== 'number') return [];
    return [{ portNumber: r.portNumber, host: typeof r.host === 'string' ? r.host : undefined, source: 'recent' }];
  });
}

export async function remember(store: RecentStore, key: string, choice: { portNumber: number; host?: string }) {
  const same = (c: { portNumber: number; host?: string }) =>
    c.portNumber === choice.portNumber && c.host === choice.host;
  const list = [
    { portNumber: choice.portNumber, host: choice.host },
    ...readRecent(store, key)
      .filter((c) => !same(c))
      .map(({ portNumber, host }) => ({ portNumber, host })),
  ].slice(0, RECENT_LIMIT);
  await store.update(key, list);
}

/** Mapped ports, then recent choices not already offered. */
export function offers(mapped: PortChoice[], recent: PortChoice[]): PortChoice[] {
  const out = [...mapped];
  for (const r of recent) {
    const i = out.findIndex((o) => o.portNumber === r.portNumber && o.host === r.host);
    if (i >= 0) out[i] = { ...out[i], source: `${out[i].source}, recent` };
    else out.push(r);
  }
  return out;
}

/** A port number 1-65535 (0 allowed for a local port: any free one), or why not. */
export function portError(text: string, allowZero: boolean): string | undefined {
  const n = Number(text);
  if (/^\d+$/.test(text.trim()) && n <= 65535 && (allowZero || n > 0)) return undefined;
  return `A port number, ${allowZero ? '0 (any free port) or ' : ''}1-65535.`;
}

/** session-manager-plugin for a port session, with the arguments `aws ssm start-session` gives it. */
export function pluginPortCommand(r: {
  pluginPath: string;
  session: { sessionId: string; streamUrl: string; tokenValue: string };
  region: string;
  profile?: string;
  target: string;
  documentName: string;
  parameters: Record<string, string[]>;
  ssmEndpointUrl: string;
}): { command: string; args: string[] } {
  return pluginCommand({ ...r, request: { Target: r.target, DocumentName: r.documentName, Parameters: r.parameters } });
}
