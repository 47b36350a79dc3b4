/**
 * Where the editing features apply in a document: the whole document for the API shapes, and each
 * task-definition or service resource of a CloudFormation template (whose keys the template model
 * already maps to API names, with spans into the template), so hover, outline and navigation work
 * in JSON and YAML templates too.
 */
import type { AstNode, Span } from '../documents/ast';
import { schemaKindOf, type SchemaKind } from '../schema';
import type { DocumentModel } from '../shapes/document';
import { documentSymbols, type OffsetSymbol } from './structure';
import { SymbolKind } from 'vscode-languageserver-types';

export interface EditingScope {
  root: AstNode;
  kind: SchemaKind;
  span: Span;
  /** CloudFormation logical id, for the outline. */
  label?: string;
}

export function editingScopes(doc: DocumentModel): EditingScope[] {
  if (doc.dialect === 'api') {
    const kind = schemaKindOf(doc);
    return doc.root && kind ? [{ root: doc.root, kind, span: { offset: 0, length: doc.text.length } }] : [];
  }
  if (doc.dialect !== 'cfn') return [];
  const out: EditingScope[] = [];
  for (const td of doc.taskDefs)
    if (td.root) out.push({ root: td.root, kind: 'register', span: td.span, label: td.logicalId });
  for (const l of doc.launches)
    if (l.kind === 'cfn-service')
      out.push({
        root: l.node,
        kind: 'create-service',
        span: { offset: l.node.offset, length: l.node.length },
        label: l.label,
      });
  return out;
}

export function scopeAt(doc: DocumentModel, offset: number): EditingScope | undefined {
  return editingScopes(doc).find((s) => offset >= s.span.offset && offset <= s.span.offset + s.span.length);
}

/** The outline: the document's symbols, or one symbol per template resource with its own inside. */
export function outline(doc: DocumentModel): OffsetSymbol[] {
  const scopes = editingScopes(doc);
  if (doc.dialect === 'api') return scopes.flatMap((s) => documentSymbols(s.root));
  return scopes
    .filter((s) => s.kind === 'register')
    .map((s) => ({
      name: s.label ?? 'TaskDefinition',
      detail: 'AWS::ECS::TaskDefinition',
      kind: SymbolKind.Class,
      span: s.span,
      selectionSpan: s.span,
      children: documentSymbols(s.root),
    }));
}
