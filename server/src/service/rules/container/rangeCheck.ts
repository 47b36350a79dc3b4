/**
 * Integer range checks for container fields (timeouts, restart period), with a clamp quick fix that
 * keeps the original literal's type.
 */
import { alternatives, child, type AstNode } from '../../documents/ast';
import type { DocumentModel } from '../../shapes/document';
import type { Finding } from '../../types';
import type { TaskDefContext } from '../types';
import { containerLabel, finding, fix, numberOf } from '../util';
import { fixable, viaNote } from '../task/common';

export interface Range {
  ruleId: string;
  doc: DocumentModel;
  node: AstNode | undefined;
  /** "container 'web': stopTimeout" */
  what: string;
  min: number;
  max: number;
  /** Sentence on the limit, e.g. "Fargate allows 2–120 seconds." */
  why: string;
}

export function checkRange(r: Range): Finding[] {
  const out: Finding[] = [];
  for (const alt of alternatives(r.node)) {
    const raw = alt.value.value;
    const n = numberOf(raw);
    if (n === undefined) continue;
    if (Number.isInteger(n) && n >= r.min && n <= r.max) continue;
    const clamped = Math.min(r.max, Math.max(r.min, Math.round(n)));
    out.push(
      finding(r.ruleId, alt.node, `${r.what} ${n}${viaNote(alt.via)} is out of range: ${r.why} Use ${clamped}.`, {
        fixes: fixable(alt)
          ? [
              fix(
                `Set to ${clamped}`,
                [r.doc.edits.replaceValue(alt.node, typeof raw === 'string' ? String(clamped) : clamped)],
                true,
              ),
            ]
          : [],
      }),
    );
  }
  return out;
}

/** `member` of every container of a Fargate task within [min, max] (`why` says the limit). */
export function checkContainerRange(
  ruleId: string,
  { td, doc }: TaskDefContext,
  member: string,
  min: number,
  max: number,
  why: string,
): Finding[] {
  if (!td.fargate) return [];
  const out: Finding[] = [];
  td.containers.forEach((c, i) => {
    out.push(
      ...checkRange({ ruleId, doc, node: child(c, member), what: `${containerLabel(c, i)}: ${member}`, min, max, why }),
    );
  });
  return out;
}
