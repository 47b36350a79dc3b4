/**
 * Result types of the pure language service. Positions are character offsets into the document
 * text; the LSP adapters and the CLI convert them to line/character with the document's line index.
 */
import type { Span } from './documents/ast';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** True when this is the one obvious fix (LSP `isPreferred`). */
  isPreferred?: boolean;
  /** Edits to the finding's own document. */
  edits: OffsetEdit[];
}

export interface RelatedLocation {
  uri: string;
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  message: string;
  span: Span;
  /** Overrides the rule's default severity for this finding (before user settings apply). */
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Marks findings that the editor may render faded/struck (LSP DiagnosticTag). */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** A finding after severity resolution, ready for an adapter. */
export interface Diagnostic extends Finding {
  severity: Severity;
  uri: string;
  /** The findings of other rules on the same token, folded into this one (fold.ts); their fixes stay offered. */
  folded?: Diagnostic[];
}
