/**
 * `fargate-lens diagnose --cluster NAME [--service NAME | --task ID...] [--region R] [--profile P]
 * [--workspace DIR] [--format text|json]`: why did the tasks stop? Diagnoses a service's recently stopped
 * tasks (or the given tasks, or the cluster's) against the failure catalogue (client/src/diagnose), reads
 * the failed containers' last log lines, and points at the member of a task-definition file under
 * --workspace (default: the current directory) that causes each failure. Exit 0 when nothing failed,
 * 1 when a failure was found, 2 on bad usage or when AWS cannot be reached.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { collectTargets } from '../../../server/src/cli/files';
import { lineIndexOf } from '../../../server/src/service/documents/lineIndex';
import { getLanguageService } from '../../../server/src/service/languageService';
import { familyOf, locateMember, taskDefsOfFamily } from '../../../server/src/service/locate';
import type { DocumentModel } from '../../../server/src/service/shapes/document';
import { diagnoseStopped, taskIdOf, type StoppedScope, type StoppedTaskReport } from '../diagnose/gather';
import { cliAws } from './connect';
import { formatOption, parseOptions, requireString } from './options';
import { CliUsageError, type CliIo } from './types';

export const DIAGNOSE_USAGE = `Usage: fargate-lens diagnose --cluster NAME [--service NAME | --task ID...]
                            [--region R] [--profile P] [--workspace DIR] [--format text|json]

Why did it stop? Diagnoses the recently stopped tasks of a service (--service), the given tasks (--task,
repeatable), or else of the whole cluster: the stop code, the whole stopped reason, each container's exit
code and reason, the service events and the failed container's last log lines, classified against the
known Fargate failures (rule ids live/...), with what usually causes it and what to change. When a file
under --workspace (default: the current directory) holds the task definition, the member that causes the
failure is named with its file:line:column.

Output: text, or json: an array with one object per stopped task {"task", "stopCode", "stoppedReason",
"ruleId" (null when unclassified), "message", "containers": [{"name", "exitCode", "reason"}],
"location": {"file", "line", "column"} (1-based; only when found)}.

Exit status: 0 nothing failed, 1 a failure was found, 2 bad usage or AWS could not be reached.
`;

interface Location {
  file: string;
  line: number;
  column: number;
  path: string;
}

interface Workspace {
  docs: DocumentModel[];
  fileOf: Map<string, string>;
}

/** Parses the candidate files under `dir` with the language service (the same detection as lint). */
function loadWorkspace(dir: string): Workspace {
  const ls = getLanguageService();
  const docs: DocumentModel[] = [];
  const fileOf = new Map<string, string>();
  for (const t of collectTargets([dir])) {
    let text: string;
    try {
      text = readFileSync(t.path, 'utf8');
    } catch {
      continue; // unreadable files hold no task definition we can point at
    }
    const uri = pathToFileURL(t.path).href;
    const doc = ls.parse(uri, text);
    if (doc.taskDefs.length === 0) continue;
    docs.push(doc);
    fileOf.set(uri, t.path);
  }
  return { docs, fileOf };
}

function locate(ws: Workspace, cwd: string, r: StoppedTaskReport): Location | undefined {
  const kind = r.diagnosis.kind;
  const family = r.task.taskDefinitionArn ? familyOf(r.task.taskDefinitionArn) : undefined;
  if (!kind || kind.notAFileProblem || !family) return undefined;
  for (const { doc, td } of taskDefsOfFamily(ws.docs, family)) {
    const loc = locateMember(td, kind.members, { container: r.diagnosis.container, quoted: r.diagnosis.quoted });
    if (!loc) continue;
    const pos = lineIndexOf(doc).positionAt(loc.span.offset);
    return {
      file: relative(cwd, ws.fileOf.get(doc.uri) ?? doc.uri),
      line: pos.line + 1,
      column: pos.character + 1,
      path: loc.path,
    };
  }
  return undefined;
}

function message(r: StoppedTaskReport): string {
  const d = r.diagnosis;
  const parts = [d.summary];
  if (d.exitCodeMeaning) parts.push(`(${d.exitCodeMeaning})`);
  if (d.kind) parts.push(`Usual cause: ${d.kind.cause}`, `Fix: ${d.kind.fix}`);
  return parts.join(' ');
}

function ago(t: Date | undefined, now: number): string {
  if (!t) return '';
  const min = Math.round((now - new Date(t).getTime()) / 60_000);
  return min < 1 ? 'just now' : min < 120 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

function textReport(r: StoppedTaskReport, loc: Location | undefined, now: number): string {
  const d = r.diagnosis;
  const lines = [
    `task ${taskIdOf(r.task.taskArn)}  stopped ${ago(r.task.stoppedAt, now)}  ${r.task.stopCode ?? ''}`.trimEnd(),
    `  ${d.ruleId ?? (d.failed ? 'unclassified' : 'not a failure')}: ${d.summary}`,
  ];
  if (r.task.stoppedReason) lines.push(`  reason: ${r.task.stoppedReason}`);
  for (const c of r.evidence.containers)
    if (c.exitCode !== undefined || c.reason)
      lines.push(
        `  container ${c.name}: ${[c.exitCode !== undefined ? `exit code ${c.exitCode}` : '', c.reason ?? ''].filter(Boolean).join(', ')}`,
      );
  if (d.exitCodeMeaning) lines.push(`  ${d.exitCodeMeaning}`);
  for (const e of r.evidence.events ?? []) lines.push(`  event: ${e}`);
  if (d.kind) lines.push(`  why: ${d.kind.cause}`, `  fix: ${d.kind.fix}`);
  if (loc) lines.push(`  at ${loc.file}:${loc.line}:${loc.column} (${loc.path})`);
  if (r.evidence.logLines?.length) {
    lines.push(`  last log lines${d.container ? ` (${d.container})` : ''}:`);
    for (const l of r.evidence.logLines) lines.push(`    ${l}`);
  }
  if (r.logNote) lines.push(`  ${r.logNote}`);
  return lines.join('\n') + '\n';
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, {
    cluster: 'string',
    service: 'string',
    task: 'list',
    workspace: 'string',
    format: 'string',
  });
  if (opts.flags.has('help')) {
    io.out(DIAGNOSE_USAGE);
    return 0;
  }
  const format = formatOption(opts, ['text', 'json'] as const);
  const cluster = requireString(opts, 'cluster');
  const tasks = opts.lists.task ?? [];
  if (opts.strings.service && tasks.length) throw new CliUsageError('give --service or --task, not both');
  if (opts.positionals.length) throw new CliUsageError(`unexpected argument '${opts.positionals[0]}'`);
  const scope: StoppedScope = opts.strings.service
    ? { kind: 'service', cluster, service: opts.strings.service }
    : tasks.length
      ? { kind: 'tasks', cluster, tasks }
      : { kind: 'cluster', cluster };
  const aws = await cliAws(opts, io);
  let reports: StoppedTaskReport[];
  try {
    reports = await diagnoseStopped(aws.apis, scope, { apisFor: aws.apisFor });
  } finally {
    aws.dispose();
  }
  const ws = loadWorkspace(opts.strings.workspace ?? io.cwd);
  const now = Date.now();
  const located = reports.map((r) => ({ r, loc: locate(ws, io.cwd, r) }));
  if (format === 'json') {
    const out = located.map(({ r, loc }) => ({
      task: r.task.taskArn,
      stopCode: r.task.stopCode ?? null,
      stoppedReason: r.task.stoppedReason ?? null,
      ruleId: r.diagnosis.ruleId,
      message: message(r),
      containers: r.evidence.containers.map((c) => ({
        name: c.name,
        exitCode: c.exitCode ?? null,
        reason: c.reason ?? null,
      })),
      ...(loc ? { location: { file: loc.file, line: loc.line, column: loc.column } } : {}),
    }));
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else if (located.length === 0)
    io.out(
      `No stopped tasks in ${scope.kind === 'service' ? `service ${scope.service}` : `cluster ${cluster}`} (ECS keeps them for about an hour).\n`,
    );
  else io.out(located.map(({ r, loc }) => textReport(r, loc, now)).join('\n'));
  return reports.some((r) => r.diagnosis.failed) ? 1 : 0;
}
