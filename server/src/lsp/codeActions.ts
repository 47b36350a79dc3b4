/** Quick fixes from the rules' fixes, and a "fix all" source action applying every preferred fix. */
import { CodeActionKind, type CodeAction, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, OffsetEdit } from '../service/languageService';
import { SOURCE, toCodeAction, toLspDiagnostic, toWorkspaceEdit } from './convert';
import type { Session } from './session';
import { checked } from './params';

export function registerCodeActions(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  session: Session,
  ls: LanguageService,
): void {
  connection.onCodeAction(
    checked(async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      // The fixes ride on the document's last validation result (validated now only when it is stale).
      const result = await session.diagnostics(doc);
      if (!result) return [];
      const { model, diagnostics } = result;
      const idx = ls.positions(model);
      const start = idx.offsetAt(params.range.start);
      const end = idx.offsetAt(params.range.end);
      const only = params.context.only;
      const lookup = (u: string) => (u === doc.uri ? model : ls.index.get(u));
      const actions: CodeAction[] = [];
      if (!only || only.some((k) => k.startsWith(CodeActionKind.QuickFix))) {
        // Several rules can offer the same edit (pv/retired and pv/feature-requires-1.4.0 both set
        // LATEST): show it once, attached to every diagnostic it resolves.
        const byEdit = new Map<string, CodeAction>();
        for (const { diagnostic, fix } of ls.fixes(diagnostics, start, end)) {
          const lsp = toLspDiagnostic(model, diagnostic, lookup);
          const key = fix.title + JSON.stringify(fix.edits);
          const seen = byEdit.get(key);
          if (seen) {
            // Folded rules' fixes come with their primary: name it once.
            const same = seen.diagnostics!.some((x) => x.code === lsp.code && x.message === lsp.message);
            if (!same) seen.diagnostics!.push(lsp);
            seen.isPreferred = seen.isPreferred || fix.isPreferred;
            continue;
          }
          const action = toCodeAction(doc.uri, idx, fix, lsp);
          byEdit.set(key, action);
          actions.push(action);
        }
      }
      if (only?.some((k) => k.startsWith(CodeActionKind.SourceFixAll))) {
        const edits: OffsetEdit[] = [];
        for (const { fix } of ls.fixes(diagnostics, 0, model.text.length)) {
          if (!fix.isPreferred) continue;
          const overlaps = fix.edits.some((e) =>
            edits.some((x) => e.offset < x.offset + x.length + 1 && x.offset < e.offset + e.length + 1),
          );
          if (!overlaps) edits.push(...fix.edits);
        }
        if (edits.length)
          actions.push({
            title: `Fix all ${SOURCE} problems with a preferred fix`,
            kind: 'source.fixAll.fargate-lens',
            edit: toWorkspaceEdit(doc.uri, edits, idx),
          });
      }
      return actions;
    }),
  );
}
