/**
 * Editing features of the language service (pure; offsets in, offsets out): completion, hover,
 * outline, definition, references, rename, folding and selection ranges. languageService.ts offers
 * them; server/src/lsp/convert.ts maps the results to LSP types.
 */
export { complete, type CompletionContext, type CompletionResult } from './completion';
export { completeDocument, completionKind, type DocumentCompletionContext } from './documentCompletion';
export { completeTemplate } from './cfnCompletion';
export { hover, type HoverResult } from './hover';
export { definition, references, prepareRename, rename, nameAt, type NameTarget } from './references';
export {
  documentSymbols,
  foldingRanges,
  selectionRange,
  type OffsetSymbol,
  type OffsetFoldingRange,
  type OffsetSelectionRange,
} from './structure';
