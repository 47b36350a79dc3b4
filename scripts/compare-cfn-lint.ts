/**
 * Compares Fargate Lens with cfn-lint on CloudFormation templates: every ECS finding cfn-lint reports
 * (E3042 ... E3713) must also be reported by Fargate Lens, with one of the mapped rule ids, at the same
 * resource (the finding's own span or one of its related locations lies in that resource). Also lists
 * what Fargate Lens finds that cfn-lint does not. Templates: test/fixtures/cfn and the cfn-json /
 * cfn-yaml files of the corpus (SOURCES.tsv). Run: `npm run compare:cfn-lint` (exit 1 on gaps).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { child, isObject } from '../server/src/service/documents/ast';
import { getLanguageService } from '../server/src/service/languageService';
import type { DocumentModel } from '../server/src/service/shapes/document';
import type { Diagnostic } from '../server/src/service/types';

/** cfn-lint ECS rule (aws-cloudformation/cfn-lint, src/cfnlint/rules/resources/ecs) -> the Fargate Lens rule ids that cover it. */
export const CFN_LINT_MAPPING: Readonly<Record<string, readonly string[]>> = {
  E3042: ['ctr/essential'],
  E3044: ['service/scheduling-strategy'],
  E3046: ['log/awslogs-required-opts', 'log/awslogs-option-names'],
  E3047: ['fargate/cpu-memory-combo'],
  E3048: [
    'fargate/network-mode-awsvpc',
    'log/fargate-driver',
    'fargate/task-cpu-memory-required',
    'fargate/placement-constraints',
  ],
  E3049: ['cfn/dynamic-port-health-check'],
  E3052: ['fargate/network-config-required'],
  E3053: ['port/awsvpc-hostport'],
  E3054: ['service/requires-compat'],
  E3713: ['log/fargate-driver'],
};

export const ROOT = resolve(__dirname, '..');
export const FIXTURES = join(ROOT, 'test/fixtures/cfn');
export const CORPUS = process.env.FARGATE_LENS_CORPUS ?? join(ROOT, 'test/fixtures/corpus-real');

export interface CfnLintMatch {
  file: string;
  rule: string;
  resource: string | undefined;
  line: number;
  message: string;
}

export interface Comparison {
  rule: string;
  cfnLint: number;
  matched: number;
  missing: CfnLintMatch[];
}

export interface CompareResult {
  files: string[];
  rows: Comparison[];
  /** Fargate Lens findings (by rule id) at resources where cfn-lint reports no ECS finding of a mapped rule. */
  extra: Map<string, number>;
}

/** The templates compared: fixtures plus the corpus's CloudFormation files. */
export function templateFiles(): string[] {
  const out: string[] = [];
  if (existsSync(FIXTURES))
    for (const f of readdirSync(FIXTURES).sort()) if (/\.(ya?ml|json|template)$/.test(f)) out.push(join(FIXTURES, f));
  const sources = join(CORPUS, 'SOURCES.tsv');
  if (existsSync(sources)) {
    for (const line of readFileSync(sources, 'utf8').split('\n')) {
      const [file, , , , , kind] = line.split('\t');
      if (/^cfn-(json|yaml)$/.test(kind ?? '') && existsSync(join(CORPUS, file))) out.push(join(CORPUS, file));
    }
  }
  return out;
}

export function cfnLintAvailable(): boolean {
  const r = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** Runs cfn-lint once over all files; returns its ECS findings. */
export function runCfnLint(files: string[]): CfnLintMatch[] {
  const r = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw new Error(`cfn-lint could not run: ${r.error.message}`);
  const matches = JSON.parse(r.stdout || '[]') as {
    Rule: { Id: string };
    Filename: string;
    Message: string;
    Location: { Start: { LineNumber: number }; Path?: (string | number)[] };
  }[];
  return matches
    .filter((m) => m.Rule.Id in CFN_LINT_MAPPING)
    .map((m) => {
      const path = m.Location.Path ?? [];
      return {
        file: resolve(m.Filename),
        rule: m.Rule.Id,
        resource: path[0] === 'Resources' ? String(path[1]) : undefined,
        line: m.Location.Start.LineNumber,
        message: m.Message,
      };
    });
}

/** The logical id of the resource whose text contains `offset`. */
function resourceAt(doc: DocumentModel, offset: number): string | undefined {
  const res = isObject(doc.root) ? child(doc.root, 'Resources') : undefined;
  if (!isObject(res)) return undefined;
  return res.properties.find((p) => p.span.offset <= offset && offset <= p.span.offset + p.span.length)?.key;
}

function resourcesOf(doc: DocumentModel, d: Diagnostic): Set<string> {
  const out = new Set<string>();
  for (const span of [d.span, ...(d.related ?? []).filter((r) => r.uri === doc.uri).map((r) => r.span)]) {
    const r = resourceAt(doc, span.offset);
    if (r) out.add(r);
  }
  return out;
}

/** Lints each template on its own (no cross-file links between unrelated templates). */
export function lintTemplates(files: string[]): Map<string, { doc: DocumentModel; diags: Diagnostic[] }> {
  const out = new Map<string, { doc: DocumentModel; diags: Diagnostic[] }>();
  for (const file of files) {
    const ls = getLanguageService();
    const doc = ls.parse(pathToFileURL(file).href, readFileSync(file, 'utf8'));
    out.set(file, { doc, diags: ls.validate(doc) });
  }
  return out;
}

export function compare(files: string[] = templateFiles()): CompareResult {
  const cfn = runCfnLint(files);
  const ours = lintTemplates(files);
  const rows: Comparison[] = Object.keys(CFN_LINT_MAPPING).map((rule) => ({
    rule,
    cfnLint: 0,
    matched: 0,
    missing: [],
  }));
  const covered = new Set<string>();
  for (const m of cfn) {
    const row = rows.find((r) => r.rule === m.rule)!;
    row.cfnLint++;
    const mine = ours.get(m.file);
    const hit = mine?.diags.find(
      (d) => CFN_LINT_MAPPING[m.rule].includes(d.ruleId) && (!m.resource || resourcesOf(mine.doc, d).has(m.resource)),
    );
    if (hit) {
      row.matched++;
      covered.add(`${m.file}#${hit.ruleId}#${m.resource}`);
    } else row.missing.push(m);
  }
  const extra = new Map<string, number>();
  for (const [file, { doc, diags }] of ours) {
    for (const d of diags) {
      if (d.severity === 'hint' || /syntax$/.test(d.ruleId)) continue;
      const res = [...resourcesOf(doc, d)];
      if (res.some((r) => covered.has(`${file}#${d.ruleId}#${r}`))) continue;
      extra.set(d.ruleId, (extra.get(d.ruleId) ?? 0) + 1);
    }
  }
  return { files, rows, extra };
}

export function formatResult(r: CompareResult): string {
  const lines = [
    `Templates compared: ${r.files.length}`,
    '',
    '| cfn-lint | Fargate Lens rule ids | cfn-lint findings | also reported | missing |',
    '|---|---|---|---|---|',
  ];
  for (const row of r.rows)
    lines.push(
      `| ${row.rule} | ${CFN_LINT_MAPPING[row.rule].join(', ')} | ${row.cfnLint} | ${row.matched} | ${row.missing.length} |`,
    );
  const missing = r.rows.flatMap((row) => row.missing);
  if (missing.length) {
    lines.push('', 'Missing (cfn-lint reports, Fargate Lens does not at that resource):');
    for (const m of missing)
      lines.push(`  ${m.rule} ${m.file.replace(ROOT + '/', '')}:${m.line} [${m.resource ?? '-'}] ${m.message}`);
  }
  lines.push('', 'Fargate Lens findings beyond the matched ones (rule id: count):');
  for (const [id, n] of [...r.extra].sort((a, b) => b[1] - a[1])) lines.push(`  ${id}: ${n}`);
  return lines.join('\n');
}

if (require.main === module) {
  if (!cfnLintAvailable()) {
    process.stderr.write('cfn-lint is not on PATH; install it (pip install cfn-lint) to run the comparison.\n');
    process.exit(2);
  }
  const result = compare();
  process.stdout.write(formatResult(result) + '\n');
  process.exit(result.rows.some((row) => row.missing.length > 0) ? 1 : 0);
}
