/**
 * Names declared and referenced inside one task definition: volumes (`volumes[].name`, used by
 * `mountPoints[].sourceVolume`) and containers (`containerDefinitions[].name`, used by `dependsOn`,
 * `volumesFrom`, `links` and `proxyConfiguration.containerName`). Definition, references and rename.
 */
import { child, objects, prop, type AstNode, type LiteralNode, type Span } from '../documents/ast';
import type { OffsetEdit } from '../types';
import { taskDefView } from './view';

export type NameKind = 'volume' | 'container';

export interface NameUse {
  /** The span of the name text itself (inside the quotes; for `links` only the name before `:alias`). */
  span: Span;
  declaration: boolean;
}

export interface NameTarget {
  kind: NameKind;
  name: string;
  declaration?: Span;
  uses: NameUse[];
}

// JSON (and quoted YAML) tokens include their quotes; YAML plain scalars do not.
const inner = (n: LiteralNode, length = String(n.value).length): Span => ({
  offset: n.offset + (n.length >= String(n.value).length + 2 ? 1 : 0),
  length,
});

function allUses(root: AstNode | undefined): { kind: NameKind; name: string; use: NameUse }[] {
  const view = taskDefView(root);
  if (!view) return [];
  const out: { kind: NameKind; name: string; use: NameUse }[] = [];
  const ref = (kind: NameKind, node: AstNode | undefined, split = false) => {
    if (!node || node.type !== 'string' || node.unknown) return;
    const full = String(node.value);
    const name = split ? full.split(':')[0] : full;
    out.push({ kind, name, use: { span: inner(node, name.length), declaration: false } });
  };
  for (const v of view.volumes)
    out.push({ kind: 'volume', name: v.name, use: { span: inner(v.nameNode), declaration: true } });
  for (const c of view.containers)
    out.push({ kind: 'container', name: c.name, use: { span: inner(c.nameNode), declaration: true } });
  for (const c of objects(view.containersNode)) {
    for (const m of objects(child(c, 'mountPoints'))) ref('volume', child(m, 'sourceVolume'));
    for (const d of objects(child(c, 'dependsOn'))) ref('container', child(d, 'containerName'));
    for (const v of objects(child(c, 'volumesFrom'))) ref('container', child(v, 'sourceContainer'));
    const links = child(c, 'links');
    if (links?.type === 'array') for (const l of links.items) ref('container', l, true);
  }
  ref('container', child(child(view.task, 'proxyConfiguration'), 'containerName'));
  return out;
}

/** The name (declaration or reference) at `offset`, with every use of it in the document. */
export function nameAt(root: AstNode | undefined, offset: number): NameTarget | undefined {
  const uses = allUses(root);
  const hit = uses.find((u) => offset >= u.use.span.offset && offset <= u.use.span.offset + u.use.span.length);
  if (!hit) return undefined;
  const same = uses.filter((u) => u.kind === hit.kind && u.name === hit.name);
  return {
    kind: hit.kind,
    name: hit.name,
    declaration: same.find((u) => u.use.declaration)?.use.span,
    uses: same.map((u) => u.use),
  };
}

/** Go to definition: the declaring `name` of the volume or container referenced at `offset`. */
export function definition(root: AstNode | undefined, offset: number): Span | undefined {
  return nameAt(root, offset)?.declaration;
}

/** Find references: every use of the name at `offset` (with or without the declaration). */
export function references(root: AstNode | undefined, offset: number, includeDeclaration = true): Span[] {
  const t = nameAt(root, offset);
  return t ? t.uses.filter((u) => includeDeclaration || !u.declaration).map((u) => u.span) : [];
}

/** The span a rename at `offset` would change (LSP prepareRename), or undefined. */
export function prepareRename(
  root: AstNode | undefined,
  offset: number,
): { span: Span; placeholder: string } | undefined {
  const t = nameAt(root, offset);
  const hit = t?.uses.find((u) => offset >= u.span.offset && offset <= u.span.offset + u.span.length);
  return t && hit ? { span: hit.span, placeholder: t.name } : undefined;
}

export const VALID_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Edits renaming the volume or container at `offset` everywhere in the file; throws on an invalid name. */
export function rename(root: AstNode | undefined, offset: number, newName: string): OffsetEdit[] {
  const t = nameAt(root, offset);
  if (!t) return [];
  if (!VALID_NAME.test(newName))
    throw new Error(`'${newName}' is not a valid ${t.kind} name: up to 255 letters, numbers, underscores and hyphens.`);
  return t.uses.map((u) => ({ offset: u.span.offset, length: u.span.length, newText: newName }));
}

/** True when `root` looks like something these features apply to (used by callers to skip other files). */
export function hasNames(root: AstNode | undefined): boolean {
  return !!prop(root, 'containerDefinitions') || !!prop(root, 'taskDefinition') || root?.type === 'array';
}
