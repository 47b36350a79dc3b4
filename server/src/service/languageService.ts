/**
 * The pure language service, the one way into the core: every feature the LSP server and the CLI
 * offer (parse, validate, quick fixes, completion, hover, symbols, definition, references, rename,
 * folding, selection ranges), over offsets, with no LSP or VS Code import. server/src/lsp and
 * server/src/cli import this module and nothing else of service/ (test/unit/architecture.test.ts);
 * they convert offsets to positions with `positions(doc)`. Callers own the workspace index and the
 * documents. Quick fixes ride on the validation result they belong to: `fixes(diagnostics, ...)`.
 */
import { DETECTORS, parseDocument, type Detectors, type DocumentModel, type ParseOptions } from './shapes/document';
import type { Diagnostic, Finding, Fix, OffsetEdit, Severity, SeveritySetting } from './types';
import { resolveSeverities, ruleFindings, type ValidationSettings } from './validate';
import { WorkspaceIndex } from './workspace';
import { createSchemaValidator, schemaFor, schemaKindOf, type SchemaValidator } from './schema';
import { applySuppressions } from './suppress';
import { adjustForPipeline, suppliedHover } from './pipeline/adjust';
import { internalFinding } from './internal';
import { lineIndexOf, type LineIndex, type Position } from './documents/lineIndex';
import type { Span } from './documents/ast';
import type { LiveEfs } from './live';
import { launchIsFargate } from './shapes/model';
import { outline, scopeAt } from './editing/scopes';
import {
  completeDocument,
  definition,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
  selectionRange,
  type CompletionResult,
  type HoverResult,
  type OffsetFoldingRange,
  type OffsetSelectionRange,
  type OffsetSymbol,
} from './editing';
import { anchoredFindings } from './liveFindings';
import { foldSameToken } from './fold';

export interface LanguageService {
  readonly index: WorkspaceIndex;
  parse(uri: string, text: string, opts?: ParseOptions): DocumentModel;
  /** The rules only (synchronous). */
  validate(doc: DocumentModel, settings?: ValidationSettings): Diagnostic[];
  /**
   * The rules and the API schema, one finding per problem: what the editor and the CLI show. Rules
   * firing on the same token are folded into one primary diagnostic unless `settings.fold` is false.
   */
  validateAll(doc: DocumentModel, settings?: ValidationSettings): Promise<Diagnostic[]>;
  /**
   * The quick fixes of a validation result (validate or validateAll: each diagnostic carries its own)
   * whose diagnostics overlap [start, end].
   */
  fixes(diagnostics: readonly Diagnostic[], start: number, end: number): { diagnostic: Diagnostic; fix: Fix }[];
  /** Offsets to line/character positions and back for a document (built once per text). */
  positions(doc: { text: string }): LineIndex;
  /**
   * Completions at `offset`. A JSON task definition counts as Fargate when a launch elsewhere in the
   * workspace says so; templates read their own launch type.
   */
  complete(doc: DocumentModel, offset: number, ctx?: { live?: LiveEfs; trigger?: string }): CompletionResult;
  /** The hover at `offset`: where the pipeline fills in or reads the value first, then the API docs. */
  hover(doc: DocumentModel, offset: number): HoverResult | undefined;
  /** The outline: each task definition, container and template resource. */
  symbols(doc: DocumentModel): OffsetSymbol[];
  /** Where the volume or container named at `offset` is declared. */
  definition(doc: DocumentModel, offset: number): Span | undefined;
  references(doc: DocumentModel, offset: number, includeDeclaration: boolean): Span[];
  prepareRename(doc: DocumentModel, offset: number): { span: Span; placeholder: string } | undefined;
  /** The edits of a rename; throws with a message for the user when `newName` is not a valid name. */
  rename(doc: DocumentModel, offset: number, newName: string): OffsetEdit[];
  /** Folding regions (JSON; YAML folding is the editor's own, by indentation). */
  foldingRanges(doc: DocumentModel): OffsetFoldingRange[];
  selectionRange(doc: DocumentModel, offset: number): OffsetSelectionRange | undefined;
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
  /** The rules' findings and the live findings anchored in this document (liveFindings.ts). */
  const findings = (doc: DocumentModel, settings?: ValidationSettings): Finding[] => {
    const rules = ruleFindings(doc, index, settings?.live);
    const live = anchoredFindings(doc, settings?.liveFindings);
    return live.length === 0 ? rules : rules.concat(applySuppressions(doc.text, live));
  };
  const validate = (doc: DocumentModel, settings?: ValidationSettings): Diagnostic[] =>
    resolveSeverities(doc.uri, forPipeline(doc, findings(doc, settings)), settings);
  /** The root of the scope (the document, or the template resource) around `offset`. */
  const rootAt = (doc: DocumentModel, offset: number) => scopeAt(doc, offset)?.root;
  return {
    index,
    parse: (uri, text, parseOpts) => parseDocument(uri, text, parseOpts, detectors),
    validate,
    async validateAll(doc, settings) {
      const rules = findings(doc, settings);
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
      const all = resolveSeverities(
        doc.uri,
        forPipeline(doc, kept.length === 0 ? rules : rules.concat(kept)),
        settings,
      );
      return settings?.fold === false ? all : foldSameToken(all);
    },
    fixes(diagnostics, start, end) {
      const out: { diagnostic: Diagnostic; fix: Fix }[] = [];
      // A folded diagnostic brings the fixes of the findings folded into it (fold.ts).
      for (const d of diagnostics) {
        const dEnd = d.span.offset + d.span.length;
        if (d.span.offset > end || dEnd < start) continue;
        for (const fix of d.fixes ?? []) out.push({ diagnostic: d, fix });
        for (const f of d.folded ?? []) for (const fix of f.fixes ?? []) out.push({ diagnostic: d, fix });
      }
      return out;
    },
    positions: lineIndexOf,
    complete(doc, offset, ctx = {}) {
      const launched = doc.taskDefs[0] && doc.dialect !== 'cfn' ? index.launchesForTaskDef(doc.taskDefs[0]) : [];
      const fargate = launched.some((l) => launchIsFargate(l.launch) === true) || undefined;
      return completeDocument(doc, offset, { fargate, live: ctx.live, trigger: ctx.trigger });
    },
    hover(doc, offset) {
      const scope = scopeAt(doc, offset);
      const base = scope ? hover(scope.root, offset, scope.kind) : undefined;
      // Where the pipeline (a workflow, an ecspresso or PipeCD config) fills in or reads this file.
      const extra = doc.dialect === 'api' ? suppliedHover(doc, offset, index.pipelineFor(doc.uri)) : [];
      if (extra.length === 0) return base;
      const value = [...extra, ...(base ? [base.contents.value] : [])].join('\n\n');
      return { contents: { kind: 'markdown', value }, span: base?.span ?? { offset, length: 0 } };
    },
    symbols: outline,
    definition: (doc, offset) => definition(rootAt(doc, offset), offset),
    references: (doc, offset, includeDeclaration) => references(rootAt(doc, offset), offset, includeDeclaration),
    prepareRename: (doc, offset) => prepareRename(rootAt(doc, offset), offset),
    rename: (doc, offset, newName) => rename(rootAt(doc, offset), offset, newName),
    foldingRanges: (doc) => (doc.syntax === 'json' ? foldingRanges(doc.text, doc.root) : []),
    selectionRange: (doc, offset) => selectionRange(doc.root, offset),
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

// What the adapters may use besides the service: the types of its results, the rule catalogue (for
// `rules` and documentation links) and the workspace's file selection (shared with the CLI).
export { lineIndexOf } from './documents/lineIndex';
export { extractReferences, type LiveReference } from './verify/references';
export {
  MAX_LIVE_FINDINGS,
  anchoredFindings,
  sanitizeLiveFindings,
  type LiveAnchor,
  type LiveFinding,
  type LiveFix,
} from './liveFindings';
export { ALL_RULES, RULES_BY_ID } from './rules';
export { ruleDocUrl } from './rules/types';
export { CANDIDATE_FILE, SKIPPED_DIRS, fileFilter, type FileFilterSettings } from './workspace/files';
export type {
  CompletionResult,
  Detectors,
  Diagnostic,
  DocumentModel,
  Fix,
  HoverResult,
  LineIndex,
  LiveEfs,
  OffsetEdit,
  OffsetFoldingRange,
  OffsetSelectionRange,
  OffsetSymbol,
  ParseOptions,
  Position,
  Severity,
  SeveritySetting,
  Span,
  ValidationSettings,
};
