/**
 * Suppression comments, in YAML (`#`) and JSON-with-comments (`//`, `/* *\/`):
 *   fargate-lens-disable-next-line [rule-id ...]   the next line
 *   fargate-lens-disable-line [rule-id ...]        this line
 *   fargate-lens-disable [rule-id ...]             the whole file
 * Without ids every rule is suppressed there. Syntax findings are never suppressed.
 */
import { LineIndex } from './documents/lineIndex';
import type { Finding } from './types';

interface Directive {
  /** 0-based line the directive applies to, or -1 for the whole file. */
  line: number;
  ids: Set<string> | 'all';
}

const DIRECTIVE = /(?:\/\/|#|\/\*)[ \t]*fargate-lens-(disable-next-line|disable-line|disable)\b([^\n\r]*)/g;

export function directives(text: string): Directive[] {
  if (!text.includes('fargate-lens-disable')) return [];
  const index = new LineIndex(text);
  const out: Directive[] = [];
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const line = index.positionAt(m.index).line;
    const ids = m[2]
      .replace(/\*\/.*$/, '')
      .split(/[\s,]+/)
      .filter((s) => /^[a-z0-9-]+\/[a-z0-9.-]+$/.test(s));
    const target = m[1] === 'disable' ? -1 : m[1] === 'disable-line' ? line : line + 1;
    out.push({ line: target, ids: ids.length ? new Set(ids) : 'all' });
  }
  DIRECTIVE.lastIndex = 0;
  return out;
}

const NEVER = /^(json|yaml)\/syntax$/;

export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  const ds = directives(text);
  if (ds.length === 0) return findings;
  const index = new LineIndex(text);
  return findings.filter((f) => {
    if (NEVER.test(f.ruleId)) return true;
    const line = index.positionAt(f.span.offset).line;
    return !ds.some((d) => (d.line === -1 || d.line === line) && (d.ids === 'all' || d.ids.has(f.ruleId)));
  });
}
