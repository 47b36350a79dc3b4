/**
 * One diagnostic per token: when several rules report the very same span (a retired platform version
 * that EFS and ECS Exec also need newer), the editor shows ONE primary diagnostic and the others as
 * its related information, each naming its rule id (so a user can still find and configure it).
 * The folded findings ride along, so their quick fixes are still offered. Severity settings apply
 * before folding: a rule set to "off" never becomes or hides a primary.
 */
import { ALL_RULES } from './rules';
import type { Diagnostic, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Findings that say the token itself is invalid: they explain the others on it. */
const ROOT_CAUSES = new Set(['pv/retired', 'pv/unknown']);

const REGISTRY_ORDER = new Map(ALL_RULES.map((r, i) => [r.id, i]));

/** The primary first: the most severe, then a root cause, then registry order. */
function rank(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    Number(ROOT_CAUSES.has(b.ruleId)) - Number(ROOT_CAUSES.has(a.ruleId)) ||
    (REGISTRY_ORDER.get(a.ruleId) ?? Infinity) - (REGISTRY_ORDER.get(b.ruleId) ?? Infinity)
  );
}

/** A span as one number (offsets and lengths stay below 2^23 with the 5 MiB file limit; exact below 2^53). */
const spanKey = (d: Diagnostic): number => d.span.offset * 0x1000000 + d.span.length;

/** Folds diagnostics that share a span; the order of the input (by position) is kept. */
export function foldSameToken(diags: Diagnostic[]): Diagnostic[] {
  if (diags.length < 2) return diags;
  // Validation runs on every keystroke: numeric keys, and nothing built when no span is shared.
  const groups = new Map<number, Diagnostic[]>();
  for (const d of diags) {
    const key = spanKey(d);
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  if (groups.size === diags.length) return diags;
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const g = groups.get(spanKey(d))!;
    if (g.length === 1) {
      out.push(d);
      continue;
    }
    if (g[0] !== d) continue; // the group is emitted at its first member's place
    const sorted = g.length === 2 ? (rank(g[0], g[1]) <= 0 ? g : [g[1], g[0]]) : [...g].sort(rank);
    const primary = sorted[0];
    const rest = sorted.slice(1);
    const related = primary.related ? primary.related.slice() : [];
    const ids: string[] = [];
    for (const r of rest) {
      ids.push(r.ruleId);
      related.push({ uri: r.uri, span: r.span, message: `${r.ruleId} (${r.severity}): ${r.message}` });
      if (r.related) for (const x of r.related) related.push(x);
    }
    // Object.assign, not a spread followed by new members: V8 clones the latter on a slow path (validate.ts).
    const folded = Object.assign({}, primary);
    folded.message = `${primary.message} (and ${rest.length} more on this token: ${ids.join(', ')})`;
    folded.related = related;
    folded.folded = rest;
    out.push(folded);
  }
  return out;
}
