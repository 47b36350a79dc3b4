/**
 * Normalises a task definition (a file's register input, a CloudFormation resource already renamed to
 * API names, or a DescribeTaskDefinition result) into the form both sides of a comparison share:
 * read-only describe members removed, documented defaults removed (defaults.ts), empty members
 * removed, CloudFormation's string numbers and booleans typed, arrays whose order has no meaning
 * sorted by their key, object members in a stable order. Template placeholders pass through as
 * Placeholder values (never judged). Pure: no vscode, no AWS SDK.
 */
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../../../server/src/service/facts/readOnlyFields';
import { defaultsFor, type ObjectKind } from './defaults';

type Kind = ObjectKind | 'volume' | 'other';

/** A value not known until deploy time (a template token or a CloudFormation intrinsic), as written. */
export class Placeholder {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
}

export type Plain = string | number | boolean | Placeholder | Plain[] | { [key: string]: Plain };
export type PlainObject = { [key: string]: Plain };

/** Members ECS sets itself (DescribeTaskDefinition only); never part of what a file registers. */
export const READ_ONLY_MEMBERS: ReadonlySet<string> = new Set([...DESCRIBE_ONLY_TASKDEF_FIELDS, '$metadata']);

/** Array members whose items are identified by one of their members (used for order and diff paths). */
export const ARRAY_KEYS: Readonly<Record<string, string>> = {
  containerDefinitions: 'name',
  volumes: 'name',
  environment: 'name',
  secrets: 'name',
  secretOptions: 'name',
  ulimits: 'name',
  dependsOn: 'containerName',
  extraHosts: 'hostname',
  systemControls: 'namespace',
  resourceRequirements: 'type',
  tags: 'key',
  mountPoints: 'containerPath',
  volumesFrom: 'sourceContainer',
  portMappings: 'containerPort',
  properties: 'name',
  inferenceAccelerators: 'deviceName',
  devices: 'hostPath',
  tmpfs: 'containerPath',
};

/** Lists of strings or numbers whose order has no meaning (sets). */
const SETS = new Set(['requiresCompatibilities', 'add', 'drop', 'ignoredExitCodes']);
/** Lists of objects without an identifying member whose order has no meaning: sorted by content. */
const UNORDERED = new Set(['placementConstraints']);
/** Map-shaped members: their keys are data, their values strings. */
const MAPS = new Set(['options', 'dockerLabels', 'driverOpts', 'labels']);
/** Members the API types as integers (CloudFormation templates may write them as strings). */
const INTEGERS = new Set([
  'cpu',
  'memory',
  'memoryReservation',
  'containerPort',
  'hostPort',
  'startTimeout',
  'stopTimeout',
  'interval',
  'timeout',
  'retries',
  'startPeriod',
  'softLimit',
  'hardLimit',
  'sizeInGiB',
  'size',
  'sharedMemorySize',
  'maxSwap',
  'swappiness',
  'transitEncryptionPort',
  'restartAttemptPeriod',
]);
/** Members the API types as booleans. */
const BOOLEANS = new Set([
  'essential',
  'readOnly',
  'disableNetworking',
  'privileged',
  'readonlyRootFilesystem',
  'interactive',
  'pseudoTerminal',
  'initProcessEnabled',
  'autoprovision',
  'enabled',
  'enableFaultInjection',
]);

/** The object kind of a member's value, given the kind of the object holding it. */
function childKind(parent: Kind, member: string): Kind {
  if (parent === 'task') {
    if (member === 'containerDefinitions') return 'container';
    if (member === 'volumes') return 'volume';
  } else if (parent === 'container') {
    if (member === 'portMappings') return 'portMapping';
    if (member === 'mountPoints') return 'mountPoint';
    if (member === 'volumesFrom') return 'volumeFrom';
    if (member === 'healthCheck') return 'healthCheck';
    if (member === 'ulimits') return 'ulimit';
    if (member === 'linuxParameters') return 'linuxParameters';
    if (member === 'restartPolicy') return 'restartPolicy';
  } else if (parent === 'volume') {
    if (member === 'efsVolumeConfiguration') return 'efsVolume';
    if (member === 'dockerVolumeConfiguration') return 'dockerVolume';
  } else if (parent === 'efsVolume' && member === 'authorizationConfig') return 'efsAuth';
  return 'other';
}

export interface NormaliseOptions {
  /** Tags given beside the task definition (DescribeTaskDefinition's `tags`), merged as `tags`. */
  tags?: ReadonlyArray<{ key?: string; value?: string }>;
}

/** The normalised form of a task-level object; the input is not modified. */
export function normaliseTaskDefinition(
  input: Readonly<Record<string, unknown>>,
  opts: NormaliseOptions = {},
): PlainObject {
  const source: Record<string, unknown> = { ...input };
  if (opts.tags) source.tags = opts.tags;
  const networkMode = typeof source.networkMode === 'string' ? source.networkMode : 'bridge';
  const out = normaliseObject(source, 'task', { networkMode }) ?? {};
  return out;
}

interface Ctx {
  networkMode: string;
}

function normaliseObject(obj: Readonly<Record<string, unknown>>, kind: Kind, ctx: Ctx): PlainObject | undefined {
  const out: PlainObject = {};
  const defaults = kind === 'other' || kind === 'volume' ? undefined : defaultsFor(kind);
  for (const member of Object.keys(obj)) {
    if (kind === 'task' && READ_ONLY_MEMBERS.has(member)) continue;
    let value = normaliseValue(obj[member], member, childKind(kind, member), ctx);
    if (value === undefined) continue;
    if (kind === 'task' && (member === 'cpu' || member === 'memory')) value = taskSize(member, value);
    if (defaults?.has(member) && defaults.get(member) === value) continue;
    out[member] = value;
  }
  if (kind === 'portMapping') dropImplicitHostPort(out, ctx);
  if (kind === 'dockerVolume' && out.autoprovision === false) delete out.autoprovision;
  if (kind === 'task' && Array.isArray(out.tags)) {
    out.tags = out.tags.filter((t) => !(isObj(t) && typeof t.key === 'string' && /^aws:/i.test(t.key)));
    if (out.tags.length === 0) delete out.tags;
  }
  return Object.keys(out).length === 0 ? undefined : ordered(out);
}

function normaliseValue(value: unknown, member: string, kind: Kind, ctx: Ctx): Plain | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Placeholder) return value;
  if (Array.isArray(value)) return normaliseArray(value, member, kind, ctx);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if (MAPS.has(member)) return normaliseMap(value as Record<string, unknown>);
    return normaliseObject(value as Record<string, unknown>, kind, ctx);
  }
  if (typeof value === 'string') {
    if (INTEGERS.has(member) && /^-?\d+$/.test(value.trim())) return Number(value.trim());
    if (BOOLEANS.has(member) && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return value;
  }
  // KeyValuePair / Tag values are strings in the API (CloudFormation converts `Value: 8080`).
  if (member === 'value' || member === 'valueFrom') return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function normaliseArray(value: readonly unknown[], member: string, kind: Kind, ctx: Ctx): Plain[] | undefined {
  const items: Plain[] = [];
  for (const item of value) {
    // Items of an array member are normalised as the member's kind (containers, port mappings, …).
    const v = normaliseValue(item, member, kind, ctx);
    if (v !== undefined) items.push(v);
  }
  if (items.length === 0) return undefined;
  if (SETS.has(member) && items.every((i) => typeof i === 'string')) return [...new Set(items)].sort();
  if (SETS.has(member) && items.every((i) => typeof i === 'number')) return [...new Set(items)].sort(numeric);
  if (UNORDERED.has(member)) return [...items].sort(byContent);
  const key = ARRAY_KEYS[member];
  if (key && items.every((i) => isObj(i) && isSortable(i[key]))) return [...items].sort(byMember(key));
  return items;
}

function normaliseMap(map: Readonly<Record<string, unknown>>): PlainObject | undefined {
  const out: PlainObject = {};
  for (const k of Object.keys(map).sort()) {
    const v = map[k];
    if (v === undefined || v === null) continue;
    out[k] =
      v instanceof Placeholder
        ? v
        : typeof v === 'object'
          ? (normaliseValue(v, k, 'other', { networkMode: '' }) ?? '')
          : String(v);
  }
  return Object.keys(out).length ? out : undefined;
}

/** Under awsvpc/host the host port is the container port; under bridge 0 means "dynamic", as omitted. */
function dropImplicitHostPort(pm: PlainObject, ctx: Ctx): void {
  if (pm.hostPort === undefined) return;
  if ((ctx.networkMode === 'awsvpc' || ctx.networkMode === 'host') && pm.hostPort === pm.containerPort)
    delete pm.hostPort;
  else if (ctx.networkMode === 'bridge' && pm.hostPort === 0) delete pm.hostPort;
}

/** Task cpu / memory as the API returns them: a string of CPU units / MiB ("1 vCPU" → "1024", "2 GB" → "2048"). */
function taskSize(member: string, value: Plain): Plain {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return value;
  const unit = member === 'cpu' ? /^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$/i : /^\s*(\d+(?:\.\d+)?)\s*gb\s*$/i;
  const m = unit.exec(value);
  if (m) return String(Math.round(Number(m[1]) * 1024));
  return /^\s*\d+\s*$/.test(value) ? value.trim() : value;
}

/** First the identifying members (family, name, key), then the rest alphabetically. */
const LEADING = ['family', 'name', 'containerName', 'key', 'containerPort', 'sourceVolume', 'containerPath'];
function ordered(obj: PlainObject): PlainObject {
  const keys = Object.keys(obj).sort((a, b) => {
    const ia = LEADING.indexOf(a);
    const ib = LEADING.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const out: PlainObject = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}

const numeric = (a: Plain, b: Plain): number => (a as number) - (b as number);
function byContent(a: Plain, b: Plain): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isObj(v: unknown): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Placeholder);
}

function isSortable(v: unknown): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}

function byMember(key: string): (a: Plain, b: Plain) => number {
  return (a, b) => {
    const x = (a as PlainObject)[key] as string | number;
    const y = (b as PlainObject)[key] as string | number;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = String(x);
    const sy = String(y);
    return sx < sy ? -1 : sx > sy ? 1 : 0;
  };
}
