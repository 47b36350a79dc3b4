/** LSP adapters for the editing features: completion, hover, outline, navigation, rename, folding. */
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineIndexOf } from '../service/documents/lineIndex';
import {
  completeDocument,
  definition,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
  selectionRange,
  toCompletionItems,
  toDocumentSymbols,
  toFoldingRanges,
  toHover,
  toLocations,
  toRange,
  toSelectionRange,
  toWorkspaceEdit,
} from '../service/editing';
import { outline, scopeAt } from '../service/editing/scopes';
import type { LanguageService } from '../service/languageService';
import { suppliedHover } from '../service/pipeline/adjust';
import { launchIsFargate } from '../service/shapes/model';
import type { DocumentModel } from '../service/shapes/document';
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
  const offsetOf = (m: DocumentModel, p: { line: number; character: number }) => lineIndexOf(m).offsetAt(p);

  connection.onCompletion(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) => {
        // A JSON file is Fargate when a launch elsewhere in the workspace says so; templates read their own.
        const launched = m.taskDefs[0] && m.dialect !== 'cfn' ? ls.index.launchesForTaskDef(m.taskDefs[0]) : [];
        const fargate = launched.some((l) => launchIsFargate(l.launch) === true) || undefined;
        const result = completeDocument(m, offsetOf(m, p.position), {
          fargate,
          live: session.live,
          trigger: p.context?.triggerCharacter,
        });
        return toCompletionItems(result, lineIndexOf(m));
      }),
    ),
  );
  // Hover, outline and navigation work per scope: the document, or each template resource.
  connection.onHover(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => {
        const offset = offsetOf(m, p.position);
        const scope = scopeAt(m, offset);
        const base = scope ? hover(scope.root, offset, scope.kind) : undefined;
        // Where the pipeline (a workflow, an ecspresso or PipeCD config) fills in or reads this file.
        const extra = m.dialect === 'api' ? suppliedHover(m, offset, ls.index.pipelineFor(m.uri)) : [];
        if (extra.length === 0) return toHover(base, lineIndexOf(m));
        const value = [...extra, ...(base ? [base.contents.value] : [])].join('\n\n');
        return toHover(
          { contents: { kind: 'markdown', value }, span: base?.span ?? { offset, length: 0 } },
          lineIndexOf(m),
        );
      }),
    ),
  );
  connection.onDocumentSymbol(
    checked((p) => withModel(p.textDocument.uri, [], (m) => toDocumentSymbols(outline(m), lineIndexOf(m)))),
  );
  connection.onDefinition(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) => {
        const offset = offsetOf(m, p.position);
        const span = definition(scopeAt(m, offset)?.root, offset);
        return span ? toLocations(p.textDocument.uri, [span], lineIndexOf(m)) : [];
      }),
    ),
  );
  connection.onReferences(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) => {
        const offset = offsetOf(m, p.position);
        return toLocations(
          p.textDocument.uri,
          references(scopeAt(m, offset)?.root, offset, p.context.includeDeclaration),
          lineIndexOf(m),
        );
      }),
    ),
  );
  connection.onPrepareRename(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => {
        const offset = offsetOf(m, p.position);
        const r = prepareRename(scopeAt(m, offset)?.root, offset);
        return r ? { range: toRange(r.span, lineIndexOf(m)), placeholder: r.placeholder } : null;
      }),
    ),
  );
  connection.onRenameRequest(
    checked((p) =>
      withModel(p.textDocument.uri, null, (m) => {
        const offset = offsetOf(m, p.position);
        try {
          return toWorkspaceEdit(
            p.textDocument.uri,
            rename(scopeAt(m, offset)?.root, offset, p.newName),
            lineIndexOf(m),
          );
        } catch (e) {
          throw new ResponseError(ErrorCodes.InvalidParams, (e as Error).message);
        }
      }),
    ),
  );
  connection.onFoldingRanges(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) =>
        m.syntax === 'json' ? toFoldingRanges(foldingRanges(m.text, m.root), lineIndexOf(m)) : [],
      ),
    ),
  );
  connection.onSelectionRanges(
    checked((p) =>
      withModel(p.textDocument.uri, [], (m) =>
        p.positions.map(
          (pos) =>
            toSelectionRange(selectionRange(m.root, offsetOf(m, pos)), lineIndexOf(m)) ?? {
              range: { start: pos, end: pos },
            },
        ),
      ),
    ),
  );
}
