/**
 * Findings that come from outside the document, from checks against the connected AWS account (the
 * client's pre-deploy verification, the diagnosis of stopped tasks, ...), anchored at a member of a
 * workspace file. The client sends them per producer; the validation merges them with the rules'
 * findings, so rule settings, severity overrides and suppression comments apply to them as to any other.
 *
 * An anchor names a member, never a position: `{ uri, path }` (a member path as produced by
 * liveReferences.ts or locate.ts, e.g. `containerDefinitions[name=web].image`) or `{ family, members }`
 * (the member of every task definition of that family, found by locate.ts). With `value`, the finding
 * holds only while the member still has that value: editing the member makes it disappear at once.
 */
import { child, isArray, isObject, items, num, prop, str, type AstNode, type ObjectNode } from './documents/ast';
import type { DocumentModel } from './shapes/document';
import type { LaunchModel, TaskDefModel } from './shapes/model';
import { locateMember, type MemberKind } from './locate';
import type { Finding, Fix, Severity } from './types';

export type LiveAnchor =
  | {
      uri: string;
      /** Member path below the owner: `executionRoleArn`, `containerDefinitions[name=web].secrets[0].valueFrom`. */
      path: string;
      /** `taskDef:<label>` or `launch:<label>` (labels as the models name them); default: the first that has the path. */
      owner?: string;
      /** The finding holds only while the member's value is this. */
      value?: string;
    }
  | {
      /** Every task definition of this family in the file gets the finding, at the first member found. */
      family: string;
      members: MemberKind[];
      container?: string;
      /** A name or ARN quoted by AWS, to pick one member among several (a secret, a log group). */
      quoted?: string;
      /** The finding holds only while the located member, when a plain string, is this (e.g. the image a task failed to pull). */
      value?: string;
    };

/** A fix the server turns into an edit of the anchored member in the file's own syntax. */
export type LiveFix =
  | { title: string; isPreferred?: boolean; setValue: string | number | boolean }
  | { title: string; isPreferred?: boolean; addSibling: { key: string; value: string | number | boolean } }
  /** Multiplies the member's number (or numeric string, kept a string); the title gets "(old → new)". */
  | { title: string; isPreferred?: boolean; scale: number };

export interface LiveFinding {
  /** A rule id of the `live/` family (or another known id); the rule's settings apply. */
  ruleId: string;
  message: string;
  severity?: Severity;
  anchor: LiveAnchor;
  fixes?: LiveFix[];
  /** Lines of related information (e.g. the task that failed, when, account and region), shown at the finding. */
  related?: { message: string }[];
}

/** The most findings one producer may hold; more are dropped (bounded memory). */
export const MAX_LIVE_FINDINGS = 5000;

/** Validates a notification's findings: the well-formed ones, at most MAX_LIVE_FINDINGS. */
export function sanitizeLiveFindings(raw: unknown): LiveFinding[] {
  if (!Array.isArray(raw)) return [];
  const out: LiveFinding[] = [];
  for (const f of raw as Partial<LiveFinding>[]) {
    if (out.length >= MAX_LIVE_FINDINGS) break;
    if (!f || typeof f.ruleId !== 'string' || typeof f.message !== 'string' || !f.anchor) continue;
    const a = f.anchor as Record<string, unknown>;
    const byPath = typeof a.uri === 'string' && typeof a.path === 'string';
    const byFamily = typeof a.family === 'string' && Array.isArray(a.members);
    if (!byPath && !byFamily) continue;
    out.push(f as LiveFinding);
  }
  return out;
}

type Segment = { key: string; index?: number; name?: string };

/** `a.b[2].c[name=web]` -> segments; keys may hold '-' (awslogs-group) but not '.' or '['. */
export function parsePath(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)(?:\[(?:(\d+)|name=([^\]]*))\])?$/.exec(part);
    if (!m) return undefined;
    out.push({ key: m[1], index: m[2] === undefined ? undefined : Number(m[2]), name: m[3] });
  }
  return out;
}

/** The node at `path` below `root`, and the object holding its last key. */
export function resolvePath(
  root: AstNode | undefined,
  path: string,
): { node: AstNode; parent?: ObjectNode; key: string } | undefined {
  const segs = parsePath(path);
  if (!segs) return undefined;
  let node = root;
  let parent: ObjectNode | undefined;
  let key = '';
  for (const s of segs) {
    if (!isObject(node)) return undefined;
    parent = node;
    key = s.key;
    node = child(node, s.key);
    if (s.index !== undefined) {
      if (!isArray(node)) return undefined;
      parent = undefined;
      node = items(node)[s.index];
    } else if (s.name !== undefined) {
      parent = undefined;
      node = items(node).find((n) => str(child(n, 'name')) === s.name);
    }
  }
  return node ? { node, parent, key } : undefined;
}

function ownersOf(doc: DocumentModel): { id: string; root: AstNode | undefined }[] {
  const owners: { id: string; root: AstNode | undefined }[] = [];
  for (const td of doc.taskDefs) owners.push({ id: `taskDef:${td.label}`, root: taskDefRoot(td) });
  for (const l of doc.launches) owners.push({ id: `launch:${l.label}`, root: launchRoot(l) });
  return owners;
}

function taskDefRoot(td: TaskDefModel): AstNode | undefined {
  if (td.root) return td.root;
  // The bare container-array shape: paths start at containerDefinitions[...].
  return td.containersNode
    ? {
        type: 'object',
        offset: 0,
        length: 0,
        properties: [wrap('containerDefinitions', td.containersNode)],
      }
    : undefined;
}

/** A launch's members plus its awsvpc configuration under the API path, whatever the file spells. */
function launchRoot(l: LaunchModel): AstNode {
  if (!l.networkConfiguration || prop(l.node, 'networkConfiguration')) return l.node;
  const vpc = wrap('awsvpcConfiguration', l.networkConfiguration);
  const net = { type: 'object', offset: 0, length: 0, properties: [vpc] } as ObjectNode;
  return { ...l.node, properties: [...l.node.properties, wrap('networkConfiguration', net)] };
}

function wrap(key: string, value: AstNode) {
  return { key, rawKey: key, keySpan: { offset: value.offset, length: 0 }, value, span: value };
}

/** The findings of `list` that apply to `doc`, at their members' current spans, with edits for their fixes. */
export function anchoredFindings(doc: DocumentModel, list: readonly LiveFinding[] | undefined): Finding[] {
  if (!list?.length || doc.dialect === 'none') return [];
  const out: Finding[] = [];
  let owners: { id: string; root: AstNode | undefined }[] | undefined;
  for (const f of list) {
    const a = f.anchor;
    if ('family' in a) {
      // The workspace's files only: not the read-only views of what AWS holds (scheme fargate-lens:).
      if (doc.uri.startsWith('fargate-lens:')) continue;
      for (const td of doc.taskDefs) {
        if (td.family !== a.family) continue;
        const loc = locateMember(td, a.members, { container: a.container, quoted: a.quoted });
        if (!loc) continue;
        const hit = resolvePath(taskDefRoot(td), loc.path);
        const text = hit && str(hit.node);
        if (a.value !== undefined && text !== undefined && text !== a.value) continue;
        const finding = base(f, loc.span, doc.uri);
        const fixes = hit ? (f.fixes ?? []).flatMap((x) => toFix(doc, x, hit.node, hit.parent)) : [];
        if (fixes.length) finding.fixes = fixes;
        out.push(finding);
      }
      continue;
    }
    if (a.uri !== doc.uri) continue;
    owners ??= ownersOf(doc);
    for (const o of owners) {
      if (a.owner && a.owner !== o.id) continue;
      const hit = resolvePath(o.root, a.path);
      if (!hit) continue;
      if (a.value !== undefined && str(hit.node) !== a.value) break;
      const p = hit.parent && prop(hit.parent, hit.key);
      const span = hit.node.type === 'object' || hit.node.type === 'array' ? (p?.keySpan ?? hit.node) : hit.node;
      const finding = base(f, { offset: span.offset, length: span.length }, doc.uri);
      const fixes = (f.fixes ?? []).flatMap((x) => toFix(doc, x, hit.node, hit.parent));
      if (fixes.length) finding.fixes = fixes;
      out.push(finding);
      break;
    }
  }
  return out;
}

function base(f: LiveFinding, span: { offset: number; length: number }, uri: string): Finding {
  const out: Finding = { ruleId: f.ruleId, message: f.message, span };
  if (f.severity) out.severity = f.severity;
  const related = Array.isArray(f.related) ? f.related.filter((r) => typeof r?.message === 'string') : [];
  if (related.length) out.related = related.slice(0, 10).map((r) => ({ uri, span, message: r.message }));
  return out;
}

function toFix(doc: DocumentModel, x: LiveFix, node: AstNode, parent: ObjectNode | undefined): Fix[] {
  if (typeof x?.title !== 'string') return [];
  const pref = x.isPreferred ? { isPreferred: true } : {};
  if ('setValue' in x && node.type !== 'object' && node.type !== 'array' && !node.unknown)
    return [{ title: x.title, ...pref, edits: [doc.edits.replaceValue(node, x.setValue)] }];
  if ('scale' in x && typeof x.scale === 'number' && x.scale > 0) {
    const raw = num(node);
    if (raw === undefined || raw <= 0) return [];
    const next = Math.round(raw * x.scale);
    const value = node.type === 'number' ? next : String(next);
    return [{ title: `${x.title} (${raw} → ${next})`, ...pref, edits: [doc.edits.replaceValue(node, value)] }];
  }
  if ('addSibling' in x && parent && !prop(parent, x.addSibling.key))
    return [{ title: x.title, ...pref, edits: [doc.edits.addProperty(parent, x.addSibling.key, x.addSibling.value)] }];
  return [];
}
