/** Converts the core's offset-based results to LSP types. */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import { lineIndexOf } from '../service/documents/lineIndex';
import type { Span } from '../service/documents/ast';
import { RULES_BY_ID } from '../service/rules';
import { ruleDocUrl } from '../service/rules/types';
import type { Diagnostic, Fix, OffsetEdit, Severity } from '../service/types';

export const SOURCE = 'fargate-lens';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: { text: string }, span: Span): Range {
  const idx = lineIndexOf(doc);
  return { start: idx.positionAt(span.offset), end: idx.positionAt(span.offset + span.length) };
}

/** `lookup` finds the text of another document for related information. */
export function toLspDiagnostic(
  doc: { text: string },
  d: Diagnostic,
  lookup: (uri: string) => { text: string } | undefined,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(doc, d.span),
    severity: SEVERITY[d.severity],
    source: SOURCE,
    code: d.ruleId,
    message: d.message,
  };
  if (RULES_BY_ID.has(d.ruleId)) out.codeDescription = { href: ruleDocUrl(d.ruleId) };
  if (d.related?.length) {
    out.relatedInformation = d.related.flatMap((r) => {
      const other = lookup(r.uri);
      return other ? [{ location: { uri: r.uri, range: toRange(other, r.span) }, message: r.message }] : [];
    });
  }
  if (d.tags?.length)
    out.tags = d.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  return out;
}

export function toTextEdits(doc: { text: string }, edits: OffsetEdit[]): { range: Range; newText: string }[] {
  return edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
}

export function toCodeAction(uri: string, doc: { text: string }, fix: Fix, diagnostic: LspDiagnostic): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.isPreferred,
    edit: { changes: { [uri]: toTextEdits(doc, fix.edits) } },
  };
}
