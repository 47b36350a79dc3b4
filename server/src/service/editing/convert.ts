/**
 * Offset results to LSP types, for the thin adapters: every function takes the document's line index
 * (documents/lineIndex.ts, or any `positionAt`) and returns plain LSP data.
 */
import type {
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Range,
  SelectionRange,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { Span } from '../documents/ast';
import type { Position } from '../documents/lineIndex';
import type { OffsetEdit } from '../types';
import type { CompletionResult } from './completion';
import type { HoverResult } from './hover';
import type { OffsetFoldingRange, OffsetSelectionRange, OffsetSymbol } from './structure';

export interface PositionAt {
  positionAt(offset: number): Position;
}

export function toRange(span: Span, index: PositionAt): Range {
  return { start: index.positionAt(span.offset), end: index.positionAt(span.offset + span.length) };
}

export function toCompletionItems(result: CompletionResult, index: PositionAt): CompletionItem[] {
  const range = toRange(result.replace, index);
  return [
    ...(result.asIs ?? []),
    ...result.items.map((i) => ({ ...i, textEdit: { range, newText: i.insertText ?? i.label } })),
  ];
}

export function toHover(h: HoverResult | undefined, index: PositionAt): Hover | null {
  return h ? { contents: h.contents, range: toRange(h.span, index) } : null;
}

export function toDocumentSymbols(symbols: OffsetSymbol[], index: PositionAt): DocumentSymbol[] {
  return symbols.map((s) => ({
    name: s.name,
    detail: s.detail,
    kind: s.kind,
    range: toRange(s.span, index),
    selectionRange: toRange(s.selectionSpan, index),
    ...(s.children ? { children: toDocumentSymbols(s.children, index) } : {}),
  }));
}

export function toLocations(uri: string, spans: Span[], index: PositionAt): Location[] {
  return spans.map((s) => ({ uri, range: toRange(s, index) }));
}

export function toTextEdits(edits: OffsetEdit[], index: PositionAt): TextEdit[] {
  return edits.map((e) => ({ range: toRange(e, index), newText: e.newText }));
}

export function toWorkspaceEdit(uri: string, edits: OffsetEdit[], index: PositionAt): WorkspaceEdit {
  return { changes: { [uri]: toTextEdits(edits, index) } };
}

/** VS Code convention: a region ends on the line before its closing bracket. */
export function toFoldingRanges(ranges: OffsetFoldingRange[], index: PositionAt): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of ranges) {
    const startLine = index.positionAt(r.start).line;
    const endLine = index.positionAt(r.end).line - 1;
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out;
}

export function toSelectionRange(r: OffsetSelectionRange | undefined, index: PositionAt): SelectionRange | undefined {
  return r ? { range: toRange(r.span, index), parent: toSelectionRange(r.parent, index) } : undefined;
}
