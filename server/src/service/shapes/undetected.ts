/** The model of a file whose shape detection failed (see service/internal.ts). */
import type { EditBuilder } from '../documents/edits';
import { internalFinding } from '../internal';
import type { DocumentModel } from './document';

/**
 * The model of a document whose shape detection threw: recognised as nothing, with one
 * `internal/shape-error` finding beside its syntax findings (which are still reported).
 */
export function undetected(
  base: Pick<DocumentModel, 'uri' | 'text' | 'syntax' | 'root' | 'parseFindings' | 'bareTemplates'>,
  edits: EditBuilder,
  e: unknown,
): DocumentModel {
  const failure = internalFinding('internal/shape-error', "Recognising the file's content", e);
  return Object.assign(base, {
    dialect: 'api' as const,
    taskDefs: [],
    launches: [],
    edits,
    parseFindings: base.parseFindings.concat(failure),
  });
}
