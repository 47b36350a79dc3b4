/** Small helpers shared by rules: building findings, naming containers, describing locations. */
import { child, str, type AstNode, type ObjectNode, type Property, type Span } from '../documents/ast';
import type { DocumentModel } from '../shapes/document';
import type { TaskDefModel } from '../shapes/model';
import { lineIndexOf } from '../documents/lineIndex';
import type { Finding, Fix } from '../types';

export function spanOf(x: AstNode | Property | Span): Span {
  if ('keySpan' in x) return { offset: x.keySpan.offset, length: x.keySpan.length };
  return { offset: x.offset, length: x.length };
}

export function finding(
  ruleId: string,
  at: AstNode | Property | Span,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return { ruleId, message, span: spanOf(at), ...extra };
}

export function fix(title: string, edits: Fix['edits'], isPreferred = false): Fix {
  return isPreferred ? { title, edits, isPreferred } : { title, edits };
}

/** "container 'web'" or "container #2" for messages. */
export function containerLabel(c: ObjectNode, index: number): string {
  const name = str(child(c, 'name'));
  return name !== undefined ? `container '${name}'` : `container #${index + 1}`;
}

/** " (also container 'b', container 'c')" naming the containers after the first, or "" when there is one. */
export function alsoContainers(users: readonly { c: ObjectNode; i: number }[]): string {
  return users.length > 1
    ? ` (also ${users
        .slice(1)
        .map((u) => containerLabel(u.c, u.i))
        .join(', ')})`
    : '';
}

/** A literal's number: a number, or a string holding a decimal number (CloudFormation writes them so). */
export function numberOf(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  return typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : undefined;
}

/**
 * 1-based line number of an offset, for messages that point elsewhere ("EFS volume 'x', line 41"). It
 * reads the document's line index, which the LSP adapter and the CLI build anyway to convert the
 * findings' offsets into ranges: built once per parsed document, then a binary search per call.
 */
export function lineOf(doc: DocumentModel, offset: number): number {
  return lineIndexOf(doc).positionAt(offset).line + 1;
}

/**
 * Closest candidate by edit distance (case-insensitive), if close enough to be a likely typo. A candidate
 * whose length differs by more than the limit cannot be within it and is skipped before the distance
 * (a megabyte value costs nothing, not a megabyte times each candidate).
 */
export function closest(value: string, candidates: readonly string[], maxDistance = 3): string | undefined {
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(value.length / 2)));
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - value.length) > limit) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * A shared view of a task definition computed once for all the rules that read it: the engine runs a
 * task definition's rules back to back, so one slot (the last task definition) is enough. The view is
 * shared, so callers only read it.
 */
export function perTaskDef<T>(compute: (td: TaskDefModel) => T): (td: TaskDefModel) => T {
  let last: TaskDefModel | undefined;
  let value: T;
  return (td) => {
    if (td !== last) {
      value = compute(td);
      last = td;
    }
    return value;
  };
}
