/**
 * The difference between two normalised task definitions (normalise.ts): one entry per member that
 * differs, addressed by a path whose array items are keyed by their identifying member where they
 * have one (`containerDefinitions[name=web].environment[name=PORT].value`), by index otherwise.
 * Arrays without identity (command, entryPoint, dnsServers) differ as a whole. A placeholder in the
 * file (template token, CloudFormation intrinsic) is not compared: it is listed in `notCompared`.
 */
import { ARRAY_KEYS, Placeholder, type Plain, type PlainObject } from './normalise';

export interface Difference {
  path: string;
  /** The registered revision's value; undefined when the member is absent there. */
  registered: Plain | undefined;
  /** The file's value; undefined when the member is absent in the file. */
  file: Plain | undefined;
}

export interface NotCompared {
  path: string;
  /** The placeholder as written in the file. */
  file: string;
  registered: Plain | undefined;
}

export interface TaskDefDiff {
  differences: Difference[];
  notCompared: NotCompared[];
}

export function diffTaskDefinitions(registered: PlainObject, file: PlainObject): TaskDefDiff {
  const out: TaskDefDiff = { differences: [], notCompared: [] };
  walk(registered, file, '', '', out);
  return out;
}

function walk(r: Plain | undefined, f: Plain | undefined, path: string, member: string, out: TaskDefDiff): void {
  // What looks like a token but is registered exactly as written (a shell's `$HOME` in a command, HTML
  // in an echo) is the same value: only a placeholder that differs is left uncompared.
  if (r !== undefined && asWritten(f) === asWritten(r) && asWritten(r) !== undefined) return;
  if (f instanceof Placeholder) {
    out.notCompared.push({ path, file: f.text, registered: r });
    return;
  }
  if (r === undefined || f === undefined) {
    if (r !== f) out.differences.push({ path, registered: r, file: f });
    return;
  }
  if (isObj(r) && isObj(f)) {
    const keys = [...Object.keys(r), ...Object.keys(f).filter((k) => !Object.hasOwn(r, k))];
    for (const k of keys) walk(get(r, k), get(f, k), join(path, k), k, out);
    return;
  }
  if (Array.isArray(r) && Array.isArray(f)) {
    const key = ARRAY_KEYS[member];
    if (key && keyed(r, key) && keyed(f, key)) {
      const rk = new Map(r.map((i) => [String((i as PlainObject)[key]), i]));
      const fk = new Map(f.map((i) => [String((i as PlainObject)[key]), i]));
      const ids = [...rk.keys(), ...[...fk.keys()].filter((k) => !rk.has(k))];
      for (const id of ids) walkItem(rk.get(id), fk.get(id), `${path}[${key}=${id}]`, member, out);
      return;
    }
    if (r.some(isObj) || f.some(isObj)) {
      for (let i = 0; i < Math.max(r.length, f.length); i++) walkItem(r[i], f[i], `${path}[${i}]`, member, out);
      return;
    }
    if (f.some((x) => x instanceof Placeholder)) {
      out.notCompared.push({ path, file: JSON.stringify(f), registered: r });
      return;
    }
  }
  if (!equal(r, f)) out.differences.push({ path, registered: r, file: f });
}

/** An array item: its members are walked with the array's member name as context (nested arrays key by their own names). */
function walkItem(r: Plain | undefined, f: Plain | undefined, path: string, member: string, out: TaskDefDiff): void {
  if (isObj(r) && isObj(f)) walk(r, f, path, member, out);
  else if (f instanceof Placeholder) out.notCompared.push({ path, file: f.text, registered: r });
  else if (!equal(r, f)) out.differences.push({ path, registered: r, file: f });
}

/** A string, or a list of strings, with placeholders as their text; undefined for anything else. */
function asWritten(v: Plain | undefined): string | undefined {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Placeholder) return JSON.stringify(v.text);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || x instanceof Placeholder))
    return JSON.stringify(v.map((x) => (x instanceof Placeholder ? x.text : x)));
  return undefined;
}

function keyed(items: Plain[], key: string): boolean {
  const seen = new Set<string>();
  for (const i of items) {
    if (!isObj(i)) return false;
    const v = i[key];
    if (typeof v !== 'string' && typeof v !== 'number') return false;
    if (seen.has(String(v))) return false;
    seen.add(String(v));
  }
  return true;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
function join(path: string, key: string): string {
  if (IDENT.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function get(o: PlainObject, k: string): Plain | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

function isObj(v: unknown): v is PlainObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Placeholder);
}

export function equal(a: Plain | undefined, b: Plain | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Placeholder || b instanceof Placeholder) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/** "3 fields" / "1 field": the count for summaries (code lens, notifications). */
export function countText(n: number): string {
  return `${n} field${n === 1 ? '' : 's'}`;
}
