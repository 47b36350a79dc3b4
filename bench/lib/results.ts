/**
 * One row of the benchmark table and its printing. A row compares a measured value with a baseline
 * measured in the same run (ratio = value / baseline) and/or an absolute budget; `pass` is undefined
 * when the row is informational or was skipped.
 */

export interface Row {
  section: string;
  metric: string;
  value: number | undefined;
  unit: string;
  baseline?: { name: string; value: number };
  ratio?: number;
  budget?: string;
  pass?: boolean;
  note?: string;
}

export interface BenchContext {
  /** Short CI mode: tiny iteration counts, only crashes fail. */
  ci: boolean;
  /** Repository root (dist/, schemas/). */
  root: string;
  /** Writes a progress line (stderr in the CLI, nothing in tests). */
  log(line: string): void;
}

export interface Section {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

/** A row that says why a measurement did not run (missing tool, missing build). */
export function skipped(section: string, metric: string, why: string): Row {
  return { section, metric, value: undefined, unit: '', note: `skipped: ${why}` };
}

/** Ratio of value to baseline with a budget on the ratio (`max` = the largest acceptable ratio). */
export function ratioRow(
  row: Omit<Row, 'ratio' | 'pass'> & { baseline: { name: string; value: number } },
  max?: number,
): Row {
  const ratio = row.value !== undefined && row.baseline.value > 0 ? row.value / row.baseline.value : undefined;
  return { ...row, ratio, pass: max === undefined || ratio === undefined ? undefined : ratio <= max };
}

const fmt = (v: number | undefined, unit = ''): string => {
  if (v === undefined || Number.isNaN(v)) return '-';
  const abs = Math.abs(v);
  const s = abs >= 1000 ? v.toFixed(0) : abs >= 100 ? v.toFixed(1) : abs >= 1 ? v.toFixed(2) : v.toFixed(3);
  return unit ? `${s} ${unit}` : s;
};

export function formatTable(rows: readonly Row[]): string {
  const head = ['section', 'metric', 'value', 'baseline', 'ratio', 'budget', 'result'];
  const body = rows.map((r) => [
    r.section,
    r.metric,
    fmt(r.value, r.unit),
    r.baseline ? `${r.baseline.name} ${fmt(r.baseline.value, r.unit)}` : '',
    r.ratio === undefined ? '' : `${fmt(r.ratio)}x`,
    r.budget ?? '',
    r.pass === undefined ? (r.note?.startsWith('skipped') ? 'skip' : 'info') : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.section} / ${r.metric}: ${r.note}`);
  return [
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
  ].join('\n');
}
