/**
 * ECS Exec pre-flight checks, as amazon-ecs-exec-checker runs them (docs/ecs-exec.md §1.10, §4.3): pure
 * functions over plain data, so the command layer fetches, runs them here, and shows one message.
 * Any `error` finding blocks the session; warnings and info are shown but do not.
 */
import { EXEC_DOCS_URL } from './types';
import { checkClusterConfig, checkIamSimulation } from './clusterChecks';
import { checkContainerDefinition, checkPidMode, checkTaskRole } from './definitionChecks';
import { checkExecAgent, checkExecEnabled, checkPlatformVersion, checkTaskRunning } from './taskChecks';
import type { Finding, PreflightInput, Severity } from './types';

export * from './types';
export { requiredCallerActions, requiredTaskRoleActions, SSMMESSAGES_ACTIONS } from './clusterChecks';
export { serviceOf, taskIdOf, compareVersions } from './taskChecks';
export { taskRoleOf } from './definitionChecks';

export const checks: readonly ((input: PreflightInput) => Finding[])[] = [
  checkTaskRunning,
  checkExecEnabled,
  checkPlatformVersion,
  checkExecAgent,
  checkTaskRole,
  checkContainerDefinition,
  checkPidMode,
  checkClusterConfig,
  checkIamSimulation,
];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** All findings, most severe first. */
export function runPreflight(input: PreflightInput): Finding[] {
  return checks.flatMap((c) => c(input)).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

export function isBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** One message for all findings: the worst first, then a count of the rest. */
/** Longest toast text that VS Code shows without cutting it off (notifications truncate long text). */
export const SUMMARY_MAX = 160;

/**
 * One line for the notification: the first finding whole when it fits, else cut at a word; with several
 * findings, how many and which ids, the full text being in the details view (detailsText).
 */
export function summarize(findings: readonly Finding[]): string {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (!shown.length) return '';
  const rest =
    shown.length > 1
      ? ` (+${shown.length - 1} more: ${shown
          .slice(1)
          .map((f) => f.id)
          .join(', ')})`
      : '';
  const room = Math.max(60, SUMMARY_MAX - rest.length);
  const head = shown[0].message;
  const cut =
    head.length <= room ? head : `${head.slice(0, head.lastIndexOf(' ', room - 1) + 1 || room - 1).trimEnd()}…`;
  return `${cut}${rest}`;
}

/** Every finding in full, with its fix, for the details view (Markdown). */
export function detailsText(findings: readonly Finding[]): string {
  const lines = ['# ECS Exec pre-flight', ''];
  for (const f of findings) {
    lines.push(`- **${f.severity}** \`${f.id}\`: ${f.message}`);
    if (f.fix) lines.push(`  - Fix: ${f.fix.title}`);
    if (f.alternative) lines.push(`  - Or: ${f.alternative.title}`);
  }
  lines.push('', `More: ${EXEC_DOCS_URL}`, '');
  return lines.join('\n');
}
