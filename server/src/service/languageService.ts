/**
 * The pure language service: everything the LSP server and the CLI need, with no LSP or VS Code
 * import. Callers own the workspace index and the documents; this facade parses, validates and
 * computes quick fixes over offsets.
 */
import { DETECTORS, parseDocument, type Detectors, type DocumentModel, type ParseOptions } from './shapes/document';
import type { Diagnostic, Fix } from './types';
import { resolveSeverities, ruleFindings, type ValidationSettings } from './validate';
import { WorkspaceIndex } from './workspace';
import { createSchemaValidator, schemaFor, schemaKindOf, type SchemaValidator } from './schema';
import type { Finding } from './types';
import { applySuppressions } from './suppress';
import { adjustForPipeline } from './pipeline/adjust';
import { internalFinding } from './internal';

export interface LanguageService {
  readonly index: WorkspaceIndex;
  parse(uri: string, text: string, opts?: ParseOptions): DocumentModel;
  /** The rules only (synchronous). */
  validate(doc: DocumentModel, settings?: ValidationSettings): Diagnostic[];
  /** The rules and the API schema, one finding per problem: what the editor and the CLI show. */
  validateAll(doc: DocumentModel, settings?: ValidationSettings): Promise<Diagnostic[]>;
  /**
   * The quick fixes of a validation result (validate or validateAll: each diagnostic carries its own)
   * whose diagnostics overlap [start, end].
   */
  fixes(diagnostics: readonly Diagnostic[], start: number, end: number): { diagnostic: Diagnostic; fix: Fix }[];
}

export interface LanguageServiceOptions {
  /** The workspace index cross-file rules read (a new, empty one by default). */
  index?: WorkspaceIndex;
  /** The shape detectors parsing runs (tests inject failing ones). */
  detectors?: Detectors;
  /** The API-schema validator (made on first need by default). */
  schemaValidator?: SchemaValidator;
}

export function getLanguageService(opts: LanguageServiceOptions = {}): LanguageService {
  const index = opts.index ?? new WorkspaceIndex();
  const detectors = opts.detectors ?? DETECTORS;
  let schema: SchemaValidator | undefined = opts.schemaValidator;
  /** The findings as the file's consumer and pipeline make them true (pipeline/adjust.ts). */
  const forPipeline = (doc: DocumentModel, findings: Finding[]): Finding[] =>
    doc.dialect === 'api' ? adjustForPipeline(doc, findings, index.pipelineFor(doc.uri)) : findings;
  const validate = (doc: DocumentModel, settings?: ValidationSettings): Diagnostic[] =>
    resolveSeverities(doc.uri, forPipeline(doc, ruleFindings(doc, index, settings?.live)), settings);
  return {
    index,
    parse: (uri, text, parseOpts) => parseDocument(uri, text, parseOpts, detectors),
    validate,
    async validateAll(doc, settings) {
      const rules = ruleFindings(doc, index, settings?.live);
      const kind = schemaKindOf(doc);
      let fromSchema: Finding[] = NONE;
      if (kind) {
        // Reading the generated schema stays outside the containment: when it is missing the install is
        // broken, which the caller reports (the CLI exits 2), not a finding about this file.
        schemaFor(kind);
        const validator = (schema ??= createSchemaValidator());
        try {
          // Exact parses are validated without a promise; other trees go through the JSON language service.
          fromSchema =
            validator.validateExact(doc.text, doc.root, kind) ?? (await validator.validate(doc.text, doc.root, kind));
        } catch (e) {
          // The rules' findings still stand; the failure is one finding of its own.
          rules.push(internalFinding('internal/schema-error', 'Schema validation', e));
        }
      }
      const kept = fromSchema.length === 0 ? NONE : applySuppressions(doc.text, withoutDuplicates(fromSchema, rules));
      return resolveSeverities(doc.uri, forPipeline(doc, kept.length === 0 ? rules : rules.concat(kept)), settings);
    },
    fixes(diagnostics, start, end) {
      const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
      for (const d of diagnostics) {
        const dEnd = d.span.offset + d.span.length;
        if (d.span.offset > end || dEnd < start) continue;
        for (const fix of d.fixes ?? []) out.push({ diagnostic: d, fix });
      }
      return out;
    },
  };
}

/** An empty list shared by the fast paths; never mutated (resolveSeverities returns a new array). */
const NONE: Finding[] = [];

/**
 * A schema finding is dropped when a rule reports the same token: the specific rule's message is the
 * better one (one finding per problem).
 */
function withoutDuplicates(fromSchema: Finding[], rules: Finding[]): Finding[] {
  return fromSchema.filter((s) => {
    const sEnd = s.span.offset + s.span.length;
    return !rules.some((r) => {
      const rEnd = r.span.offset + r.span.length;
      if (r.span.offset === s.span.offset) return true;
      const ruleInside = r.span.offset >= s.span.offset && rEnd <= sEnd;
      const schemaInside = s.span.offset >= r.span.offset && sEnd <= rEnd && r.span.length <= 120;
      return ruleInside || schemaInside;
    });
  });
}

export type { DocumentModel, Diagnostic, Detectors, Fix, ValidationSettings };
