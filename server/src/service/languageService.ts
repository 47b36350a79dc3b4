/**
 * The pure language service: everything the LSP server and the CLI need, with no LSP or VS Code
 * import. Callers own the workspace index and the documents; this facade parses, validates and
 * computes quick fixes over offsets.
 */
import { parseDocument, type DocumentModel, type ParseOptions } from './shapes/document';
import type { Diagnostic, Fix } from './types';
import { resolveSeverities, ruleFindings, type ValidationSettings } from './validate';
import { WorkspaceIndex } from './workspace';

export interface LanguageService {
  readonly index: WorkspaceIndex;
  parse(uri: string, text: string, opts?: ParseOptions): DocumentModel;
  validate(doc: DocumentModel, settings?: ValidationSettings): Diagnostic[];
  /** Quick fixes for the diagnostics that overlap [start, end]. */
  fixes(doc: DocumentModel, start: number, end: number, settings?: ValidationSettings): { diagnostic: Diagnostic; fix: Fix }[];
}

export function getLanguageService(opts: { index?: WorkspaceIndex } = {}): LanguageService {
  const index = opts.index ?? new WorkspaceIndex();
  const validate = (doc: DocumentModel, settings?: ValidationSettings): Diagnostic[] =>
    resolveSeverities(doc.uri, ruleFindings(doc, index, settings?.live), settings);
  return {
    index,
    parse: (uri, text, parseOpts) => parseDocument(uri, text, parseOpts),
    validate,
    fixes(doc, start, end, settings) {
      const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
      for (const d of validate(doc, settings)) {
        const dEnd = d.span.offset + d.span.length;
        if (d.span.offset > end || dEnd < start) continue;
        for (const fix of d.fixes ?? []) out.push({ diagnostic: d, fix });
      }
      return out;
    },
  };
}

export type { DocumentModel, Diagnostic, Fix, ValidationSettings };
