/**
 * Outline and structure: document symbols (family, containers, volumes, launch inputs), folding
 * ranges and selection ranges, all as offsets over our tree.
 */
import { SymbolKind } from 'vscode-languageserver-types';
import { child, str, type AstNode, type Span } from '../documents/ast';
import { locate } from '../schema/astPath';
import { taskDefView } from './view';

export interface OffsetSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole construct. */
  span: Span;
  /** The part to select and reveal (its name). */
  selectionSpan: Span;
  children?: OffsetSymbol[];
}

const span = (n: { offset: number; length: number }): Span => ({ offset: n.offset, length: n.length });

export function documentSymbols(root: AstNode | undefined): OffsetSymbol[] {
  const view = taskDefView(root);
  if (!view) return [];
  const out: OffsetSymbol[] = [];
  const family = child(view.task, 'family');
  if (family)
    out.push({
      name: str(family) ?? 'family',
      detail: 'family',
      kind: SymbolKind.Class,
      span: span(view.task!),
      selectionSpan: span(family),
    });
  const containers = view.containers.map((c) => ({
    name: c.name,
    detail: str(child(c.object, 'image')),
    kind: SymbolKind.Object,
    span: span(c.object),
    selectionSpan: span(c.nameNode),
  }));
  if (view.containersNode && containers.length) {
    out.push({
      name: 'containerDefinitions',
      detail: `${containers.length} container(s)`,
      kind: SymbolKind.Array,
      span: span(view.containersNode),
      selectionSpan: span(view.containersNode),
      children: containers,
    });
  }
  const volumesNode = child(view.task, 'volumes');
  if (volumesNode && view.volumes.length) {
    const volumes = view.volumes.map((v) => ({
      name: v.name,
      detail: volumeKind(v.object),
      kind: SymbolKind.Variable,
      span: span(v.object),
      selectionSpan: span(v.nameNode),
    }));
    out.push({
      name: 'volumes',
      detail: `${volumes.length} volume(s)`,
      kind: SymbolKind.Array,
      span: span(volumesNode),
      selectionSpan: span(volumesNode),
      children: volumes,
    });
  }
  return out;
}

function volumeKind(v: AstNode): string {
  for (const k of [
    'efsVolumeConfiguration',
    's3filesVolumeConfiguration',
    'fsxWindowsFileServerVolumeConfiguration',
    'dockerVolumeConfiguration',
    'host',
  ])
    if (child(v, k)) return k;
  return child(v, 'configuredAtLaunch') ? 'configured at launch' : 'bind mount';
}

export interface OffsetFoldingRange {
  /** Offset of the opening bracket. */
  start: number;
  /** Offset of the closing bracket. */
  end: number;
}

/** Objects and arrays spanning more than one line (the adapter keeps those whose lines differ). */
export function foldingRanges(text: string, root: AstNode | undefined): OffsetFoldingRange[] {
  const out: OffsetFoldingRange[] = [];
  const walk = (n: AstNode) => {
    if (n.type !== 'object' && n.type !== 'array') return;
    const end = n.offset + n.length - 1;
    if (text.slice(n.offset, end).includes('\n')) out.push({ start: n.offset, end });
    if (n.type === 'object') n.properties.forEach((p) => walk(p.value));
    else n.items.forEach(walk);
  };
  if (root) walk(root);
  return out;
}

export interface OffsetSelectionRange {
  span: Span;
  parent?: OffsetSelectionRange;
}

/** Selection ranges at `offset`: token, member (key through value), enclosing containers, up to the root. */
export function selectionRange(root: AstNode | undefined, offset: number): OffsetSelectionRange | undefined {
  const loc = locate(root, offset);
  if (!loc) return undefined;
  const spans: Span[] = [];
  const chain = [...loc.ancestors, loc.node];
  chain.forEach((n, i) => {
    spans.push(span(n));
    const next = chain[i + 1];
    if (n.type === 'object' && next) {
      const p = n.properties.find((q) => q.value === next);
      if (p) spans.push(p.span);
    }
  });
  if (loc.onKey) spans.push(loc.onKey.span, loc.onKey.keySpan);
  let cur: OffsetSelectionRange | undefined;
  for (const s of spans)
    if (!cur || s.offset !== cur.span.offset || s.length !== cur.span.length) cur = { span: s, parent: cur };
  return cur;
}
