/**
 * Renders a comparison for people (text) and for tools (JSON): the shapes `fargate-lens diff` prints.
 * JSON: {"family", "revision", "differences": [{"path", "registered", "file"}], "notCompared": [...]},
 * a member absent on one side is null there (the normaliser never keeps a null value).
 */
import type { Comparison } from './compare';
import type { Plain } from './normalise';

export interface DiffJson {
  family: string;
  revision: number;
  differences: Array<{ path: string; registered: Plain | null; file: Plain | null }>;
  /** Placeholders in the file (template tokens, CloudFormation intrinsics): not compared. */
  notCompared: Array<{ path: string; registered: Plain | null; file: string }>;
}

export function toDiffJson(c: Comparison): DiffJson {
  return {
    family: c.family,
    revision: c.revision,
    differences: c.diff.differences.map((d) => ({
      path: d.path,
      registered: d.registered ?? null,
      file: d.file ?? null,
    })),
    notCompared: c.diff.notCompared.map((n) => ({ path: n.path, registered: n.registered ?? null, file: n.file })),
  };
}

/** Text report; `where` names the file (and region) for the header line. */
export function toDiffText(c: Comparison, where: string): string {
  const lines: string[] = [];
  const n = c.diff.differences.length;
  const name = `${c.family}:${c.revision}`;
  lines.push(
    n === 0
      ? `${where} matches ${name} (after normalisation)`
      : `${where} differs from ${name} in ${n} field${n === 1 ? '' : 's'}:`,
  );
  for (const d of c.diff.differences) {
    lines.push(`  ${d.path}`);
    lines.push(`    registered: ${show(d.registered)}`);
    lines.push(`    file:       ${show(d.file)}`);
  }
  if (c.diff.notCompared.length) {
    lines.push('Not compared (placeholders filled in at deploy time):');
    for (const p of c.diff.notCompared) lines.push(`  ${p.path}: ${p.file} (registered: ${show(p.registered)})`);
  }
  return lines.join('\n') + '\n';
}

function show(v: Plain | undefined): string {
  if (v === undefined) return '(absent)';
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}
