/**
 * VS Code's own JSON support already reports JSON syntax errors in JSON files (and, in `json` files,
 * comments and trailing commas too). Our server reports them as well, because the CLI and other editors
 * need them; in VS Code the same error would show twice. This drops ours where VS Code's JSON validation
 * reports the same thing, and keeps what only we say: comments and trailing commas in `jsonc` files (VS
 * Code accepts them there, the AWS CLI does not) and the "not checked" notes. YAML is untouched.
 */
export interface SyntaxDiagnostic {
  readonly code?: string | number | { value: string | number };
  /** 0 = Error in VS Code's DiagnosticSeverity. */
  readonly severity: number;
}

const ERROR = 0;

function codeOf(d: SyntaxDiagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/**
 * Whether VS Code's JSON validation reports this diagnostic of ours too. `textAt` gives the document text
 * under the diagnostic's range.
 */
export function reportedByVsCodeJson<D extends SyntaxDiagnostic>(
  d: D,
  languageId: string,
  jsonValidation: boolean,
  textAt: (d: D) => string,
): boolean {
  if (!jsonValidation || (languageId !== 'json' && languageId !== 'jsonc')) return false;
  if (codeOf(d) !== 'json/syntax') return false;
  if (d.severity === ERROR) return true; // a real syntax error: VS Code reports it in json and jsonc
  if (languageId !== 'json') return false; // jsonc accepts comments and trailing commas
  const text = textAt(d);
  return text.startsWith('/') || text === ',';
}
