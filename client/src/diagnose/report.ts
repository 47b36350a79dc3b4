/**
 * The diagnosis as one readable Markdown report (the editor's `Diagnose` opens it read-only): per
 * stopped task what failed, why it usually happens, the evidence (stop code, whole stopped reason, each
 * container's exit code and reason, service events, the failed container's last log lines), what to
 * change, and where to go next. Pure: no AWS, no VS Code. Unclassified failures keep all their evidence
 * and say so; nothing is guessed.
 */
import type { StoppedTaskReport } from './gather';
import { taskIdOf } from './gather';

export interface ReportContext {
  /** "prod/web" or "prod" (what was diagnosed). */
  readonly scope: string;
  readonly region: string;
  readonly profile?: string;
  readonly now: number;
}

export function ago(t: Date | string | undefined, now: number): string {
  if (!t) return 'at an unknown time';
  const min = Math.round((now - new Date(t).getTime()) / 60_000);
  return min < 1 ? 'just now' : min < 120 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

/** A fenced block that no line of the text can close early. */
function fenced(lines: readonly string[]): string[] {
  const longest = Math.max(2, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((m, s) => Math.max(m, s.length), 0)));
  const fence = '`'.repeat(longest + 1);
  return [fence + 'text', ...lines, fence];
}

/** Escapes what Markdown would otherwise interpret in ECS's texts (they are shown verbatim). */
const plain = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

function taskSection(r: StoppedTaskReport, now: number): string[] {
  const d = r.diagnosis;
  const heading = d.failed
    ? d.ruleId
      ? `${d.kind?.title ?? d.summary} (\`${d.ruleId}\`)`
      : 'Unclassified failure'
    : 'Stopped on purpose (not a failure)';
  const out = [
    `## Task ${taskIdOf(r.task.taskArn)}: ${heading}`,
    '',
    `Stopped ${ago(r.task.stoppedAt, now)}${r.task.stopCode ? `, stop code \`${r.task.stopCode}\`` : ''}` +
      `${r.task.taskDefinitionArn ? `, task definition \`${r.task.taskDefinitionArn.split('/').pop()}\`` : ''}.`,
    '',
    `**What failed:** ${plain(d.summary)}`,
  ];
  if (d.exitCodeMeaning) out.push('', `**Exit code ${d.exitCode ?? ''}:** ${plain(d.exitCodeMeaning)}`);
  if (d.kind) out.push('', `**Why it usually happens:** ${d.kind.cause}`, '', `**What to change:** ${d.kind.fix}`);
  else if (d.failed)
    out.push(
      '',
      '**Unclassified:** this failure matches none of the known Fargate failures, so no cause is suggested. The evidence below is all ECS kept.',
    );
  out.push('', '### Evidence', '', `- Task ARN: \`${r.task.taskArn}\``);
  if (r.task.stoppedReason) out.push(`- Stopped reason (whole text):`, '', ...fenced([r.task.stoppedReason]), '');
  for (const c of r.evidence.containers) {
    const parts = [
      c.exitCode !== undefined ? `exit code ${c.exitCode}` : 'no exit code',
      c.reason ? `reason: ${plain(c.reason)}` : '',
      c.healthStatus && c.healthStatus !== 'UNKNOWN' ? `health ${c.healthStatus}` : '',
      c.essential === false ? 'not essential' : '',
    ].filter(Boolean);
    out.push(`- Container \`${c.name}\`: ${parts.join(', ')}`);
  }
  for (const e of r.evidence.events ?? []) out.push(`- Service event: ${plain(e)}`);
  if (r.evidence.logLines?.length) {
    out.push('', `### Last ${r.evidence.logLines.length} log lines${d.container ? ` of \`${d.container}\`` : ''}`, '');
    out.push(...fenced(r.evidence.logLines));
  }
  if (r.logNote) out.push('', `_${plain(r.logNote)}_`);
  out.push('');
  return out;
}

/** The whole report: failures first (newest first), then tasks stopped on purpose, in one line each. */
export function renderReport(reports: readonly StoppedTaskReport[], ctx: ReportContext): string {
  const failed = reports.filter((r) => r.diagnosis.failed);
  const onPurpose = reports.filter((r) => !r.diagnosis.failed);
  const out = [
    `# Why did it stop? ${ctx.scope}`,
    '',
    `Region \`${ctx.region}\`${ctx.profile ? `, profile \`${ctx.profile}\`` : ''}; ${reports.length} recently stopped task(s), ${failed.length} failed. ECS keeps stopped tasks for about an hour.`,
    '',
  ];
  if (reports.length === 0) out.push('No recently stopped tasks: nothing to diagnose.', '');
  for (const r of failed) out.push(...taskSection(r, ctx.now));
  if (onPurpose.length) {
    out.push('## Stopped on purpose', '');
    for (const r of onPurpose)
      out.push(
        `- ${taskIdOf(r.task.taskArn)}, ${ago(r.task.stoppedAt, ctx.now)}: ${plain(r.task.stoppedReason ?? r.diagnosis.summary)}`,
      );
    out.push('');
  }
  if (failed.length)
    out.push(
      '---',
      '',
      'Next: the notification offers **Open Task JSON**, **Open Logs** and **Open File** (the task definition member in this workspace, when found).',
      '',
    );
  return out.join('\n');
}
