/**
 * Failures of our own code, contained: a rule, a shape detector or the schema validator that throws
 * becomes one `internal/` finding (severity hint, at the start of the file) and the rest of the file
 * is still checked. The LSP server also logs them (server/src/lsp/log.ts).
 */
import type { Finding } from './types';

export type InternalRuleId = 'internal/rule-error' | 'internal/shape-error' | 'internal/schema-error';

export function internalFinding(ruleId: InternalRuleId, what: string, e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e);
  return { ruleId, severity: 'hint', span: { offset: 0, length: 0 }, message: `${what} failed: ${reason}` };
}
