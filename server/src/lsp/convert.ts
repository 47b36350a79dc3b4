/**
 * The core's offset-based results as LSP types, for the thin adapters: every function takes the
 * document's line index (`ls.positions(doc)`, or any `positionAt`) and returns plain LSP data.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Range,
  type SelectionRange,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  lineIndexOf,
  ruleDocUrl,
  RULES_BY_ID,
  type CompletionResult,
  type Diagnostic,
  type Fix,
  type HoverResult,
  type OffsetEdit,
  type OffsetFoldingRange,
  type OffsetSelectionRange,
  type OffsetSymbol,
  type Position,
  type Severity,
  type Span,
} from '../service/languageService';

export const SOURCE = 'fargate-lens';

export interface PositionAt {
  positionAt(offset: number): Position;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(span: Span, index: PositionAt): Range {
  return { start: index.positionAt(span.offset), end: index.positionAt(span.offset + span.length) };
}

/** `lookup` finds another document (by URI) for related information. */
export function toLspDiagnostic(
  doc: { text: string },
  d: Diagnostic,
  lookup: (uri: string) => { text: string } | undefined,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(d.span, lineIndexOf(doc)),
    severity: SEVERITY[d.severity],
    source: SOURCE,
    code: d.ruleId,
    message: d.message,
  };
  if (RULES_BY_ID.has(d.ruleId)) out.codeDescription = { href: ruleDocUrl(d.ruleId) };
  if (d.related?.length) {
    out.relatedInformation = d.related.flatMap((r) => {
      const other = lookup(r.uri);
      return other
        ? [{ location: { uri: r.uri, range: toRange(r.span, lineIndexOf(other)) }, message: r.message }]
        : [];
    });
  }
  if (d.tags?.length)
    out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return out;
}

export function toCodeAction(uri: string, index: PositionAt, fix: Fix, diagnostic: LspDiagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: toWorkspaceEdit(uri, fix.edits, index),
  };
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
