/** Output formats of `fargate-lens lint`: text (file:line:col severity ruleId message), json, SARIF 2.1.0. */
import { RULES_BY_ID, ruleDocUrl, type Severity } from '../service/languageService';

export interface Pos {
  line: number;
  character: number;
}
export interface OutRange {
  start: Pos;
  end: Pos;
}
export interface OutDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OutRange;
  related: { file: string; range: OutRange; message: string }[];
}
export interface OutFile {
  file: string;
  diagnostics: OutDiagnostic[];
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m' };

export function formatText(files: OutFile[], color: boolean): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const sev = color ? `${COLORS[d.severity]}${d.severity}\x1b[0m` : d.severity;
      const loc = `${f.file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${color ? `\x1b[1m${loc}\x1b[0m` : loc} ${sev} ${d.ruleId} ${d.message}`);
      for (const r of d.related)
        lines.push(`    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`);
    }
  }
  const count = (s: Severity) => files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === s).length, 0);
  lines.push(
    `${files.length} file${files.length === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info.`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(files: OutFile[]): string {
  return JSON.stringify(files, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(files: OutFile[], version: string): string {
  const used = [...new Set(files.flatMap((f) => f.diagnostics.map((d) => d.ruleId)))];
  const ids = [...new Set([...RULES_BY_ID.keys(), ...used])].sort();
  const rules = ids.map((id) => {
    const r = RULES_BY_ID.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: r?.title ?? id },
      fullDescription: { text: r ? `${r.docs.what} ${r.docs.why}` : id },
      help: { text: r ? r.docs.fix : '', markdown: r ? `**Why:** ${r.docs.why}\n\n**Fix:** ${r.docs.fix}` : '' },
      helpUri: ruleDocUrl(id),
      defaultConfiguration: { level: SARIF_LEVEL[r?.severity ?? 'warning'] },
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const region = (r: OutRange) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: index.get(d.ruleId),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.file) }, region: region(d.range) } }],
      relatedLocations: d.related.map((r, i) => ({
        id: i,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: toUri(r.file) }, region: region(r.range) },
      })),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fargate-lens',
            informationUri: 'https://github.com/fargate-lens/fargate-lens',
            version,
            rules,
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
