/** LSP adapters for the editing features: completion, hover, outline, navigation, rename, folding. */
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModel, LanguageService } from '../service/languageService';
import {
  toCompletionItems,
  toDocumentSymbols,
  toFoldingRanges,
  toHover,
  toLocations,
  toRange,
  toSelectionRange,
  toWorkspaceEdit,
} from './convert';
import { checked } from './params';
import type { Session } from './session';

export function registerEditing(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  session: Session,
  ls: LanguageService,
): void {
  const withModel = async <T>(uri: string, empty: T, f: (m: DocumentModel) => T): Promise<T> => {
    const doc = documents.get(uri);
    const model = doc && (await session.model(doc));
    return model ? f(model) : empty;
  };
  const offsetOf = (m: DocumentModel, p: { line: number; character: number }) => ls.positions(m).offsetAt(p);

  connection.onCompletion(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) =>
        toCompletionItems(
          ls.complete(m, offsetOf(m, p.position), { live: session.live, trigger: p.context?.triggerCharacter }),
          ls.positions(m),
        ),
      ),
    ),
  );
  connection.onHover(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => toHover(ls.hover(m, offsetOf(m, p.position)), ls.positions(m))),
    ),
  );
  connection.onDocumentSymbol(
    checked((p) => withModel(p.textDocument.uri, [], (m) => toDocumentSymbols(ls.symbols(m), ls.positions(m)))),
  );
  connection.onDefinition(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) => {
        const span = ls.definition(m, offsetOf(m, p.position));
        return span ? toLocations(p.textDocument.uri, [span], ls.positions(m)) : [];
      }),
    ),
  );
  connection.onReferences(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) =>
        toLocations(
          p.textDocument.uri,
          ls.references(m, offsetOf(m, p.position), p.context.includeDeclaration),
          ls.positions(m),
        ),
      ),
    ),
  );
  connection.onPrepareRename(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => {
        const r = ls.prepareRename(m, offsetOf(m, p.position));
        return r ? { range: toRange(r.span, ls.positions(m)), placeholder: r.placeholder } : null;
      }),
    ),
  );
  connection.onRenameRequest(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => {
        let edits;
        try {
          edits = ls.rename(m, offsetOf(m, p.position), p.newName);
        } catch (e) {
          // An invalid new name: the message is for the user.
          throw new ResponseError(ErrorCodes.InvalidParams, (e as Error).message);
        }
        return toWorkspaceEdit(p.textDocument.uri, edits, ls.positions(m));
      }),
    ),
  );
  connection.onFoldingRanges(
    checked((p) => withModel(p.textDocument.uri, [], (m) => toFoldingRanges(ls.foldingRanges(m), ls.positions(m)))),
  );
  connection.onSelectionRanges(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) =>
        p.positions.map(
          (pos) =>
            toSelectionRange(ls.selectionRange(m, offsetOf(m, pos)), ls.positions(m)) ?? {
              range: { start: pos, end: pos },
            },
        ),
      ),
    ),
  );
}
