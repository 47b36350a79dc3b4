/**
 * Stopped tasks back to the source: turns classified stopped tasks into live findings for the language
 * server (producer `diagnose`), anchored by family at the member that causes the failure (the catalogue's
 * members, located in the workspace's task definitions by server/src/service/locate.ts). Pure.
 *
 * One finding per (family, rule, container): several tasks that stopped for the same cause make one
 * diagnostic naming the newest and how many. A finding carries the value the failed task ran with
 * (image, memory) when the task shows it, so it holds only while the file still says that; related
 * information names the task, when it stopped and the account/region. Failures that are not a defect
 * of the file (a Spot interruption) and unclassified ones make no finding: the report has them.
 */
import type { Task } from '../aws/types';
import type { Diagnosis, StoppedTaskEvidence } from './classify';
import { classifyStoppedTask } from './classify';
import type { MemberKind } from './catalogue';

export const DIAGNOSE_PRODUCER = 'diagnose';
/** Findings kept (bounded memory): the newest failures win. */
export const MAX_DIAGNOSE_FINDINGS = 200;

/** The shape of a live finding anchored by family (server/src/service/liveFindings.ts). */
export interface DiagnoseFinding {
  ruleId: string;
  message: string;
  severity: 'warning';
  anchor: { family: string; members: MemberKind[]; container?: string; quoted?: string; value?: string };
  related: { message: string }[];
  fixes?: Array<
    | { title: string; isPreferred?: boolean; scale: number }
    | { title: string; isPreferred?: boolean; addSibling: { key: string; value: string } }
  >;
  /** For dismissing: the same key dismisses the same cause again after a refresh. */
  key: string;
}

export interface StoppedTaskSeen {
  readonly task: Task;
  readonly diagnosis: Diagnosis;
  /** "prod/web" (cluster/service) or "prod" for a standalone task. */
  readonly where: string;
  readonly region: string;
}

/**
 * The evidence DescribeTasks alone gives about a stopped task, as classifyStoppedTask reads it; with
 * `essential` (from the task definition) each container says whether it is essential.
 */
export function taskEvidence(task: Task, essential?: (container: string) => boolean): StoppedTaskEvidence {
  return {
    taskArn: task.taskArn,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    containers: (task.containers ?? []).map((c) => ({
      name: c.name,
      exitCode: c.exitCode ?? undefined,
      reason: c.reason,
      healthStatus: c.healthStatus,
      ...(essential ? { essential: essential(c.name) } : {}),
    })),
  };
}

/** Classifies a task as DescribeTasks returned it (no events, no logs): what the explorer already holds. */
export function classifyTask(task: Task): Diagnosis {
  return classifyStoppedTask(taskEvidence(task));
}

export function agoText(t: Date | string | undefined, now: number): string {
  if (!t) return 'recently';
  const min = Math.round((now - new Date(t).getTime()) / 60_000);
  return min < 1 ? 'just now' : min < 120 ? `${min} min ago` : `${Math.round(min / 60)} h ago`;
}

const familyOfArn = (arn: string | undefined): string | undefined =>
  /task-definition\/([A-Za-z0-9_-]{1,255}):\d+$/.exec(arn ?? '')?.[1];
const revisionOf = (arn: string | undefined): string | undefined => arn?.split('/').pop();
const accountOf = (arn: string): string | undefined => /^arn:[^:]+:ecs:[^:]*:(\d{12}):/.exec(arn)?.[1];
const when = (t: Task): number => new Date(t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0).getTime();

/** The container the cause is in: the one named, else the one whose image ECS quoted, else the only one. */
function failedContainer(s: StoppedTaskSeen): NonNullable<Task['containers']>[number] | undefined {
  const all = s.task.containers ?? [];
  return (
    all.find((x) => x.name === s.diagnosis.container) ??
    all.find((x) => !!x.image && !!s.task.stoppedReason?.includes(x.image)) ??
    (all.length === 1 ? all[0] : undefined)
  );
}

/** The ECS text that says what happened: the failed container's reason, else the stopped reason. */
function headline(s: StoppedTaskSeen): string {
  const c = failedContainer(s);
  const text = c?.reason || s.task.stoppedReason || s.diagnosis.summary;
  const exit = s.diagnosis.exitCode !== undefined ? ` (exit ${s.diagnosis.exitCode})` : '';
  return `${text}${exit}`;
}

/**
 * The value the failed task ran with at the anchored member, when DescribeTasks shows it: the image (a
 * file that names another image no longer has this failure). Memory is not compared: the container's
 * limit and the task's memory are different members, and the file may set either.
 */
function ranWith(s: StoppedTaskSeen, members: readonly MemberKind[]): string | undefined {
  return members[0] === 'image' ? (failedContainer(s)?.image ?? undefined) : undefined;
}

/** Fixes the server builds on the located member (a relative change: the file's own value is scaled). */
function fixesFor(s: StoppedTaskSeen, members: readonly MemberKind[]): DiagnoseFinding['fixes'] {
  if (s.diagnosis.ruleId === 'live/oom' && members[0] === 'memory')
    return [{ title: 'Double the memory the container was killed for', scale: 2 }];
  // The log group is missing: the driver may create it (the server adds it next to awslogs-group, if absent).
  if (
    s.diagnosis.ruleId === 'live/logger' &&
    members[0] === 'logGroup' &&
    /does not exist/i.test(s.task.stoppedReason ?? '')
  )
    return [
      {
        title: 'Let the awslogs driver create the log group (needs logs:CreateLogGroup on the execution role)',
        addSibling: { key: 'awslogs-create-group', value: 'true' },
      },
    ];
  return undefined;
}

/** The findings of the stopped tasks seen, newest first, at most MAX_DIAGNOSE_FINDINGS. */
export function diagnoseFindings(seen: readonly StoppedTaskSeen[], now: number): DiagnoseFinding[] {
  const groups = new Map<string, StoppedTaskSeen[]>();
  for (const s of [...seen].sort((a, b) => when(b.task) - when(a.task))) {
    const d = s.diagnosis;
    const family = familyOfArn(s.task.taskDefinitionArn);
    if (!d.failed || !d.ruleId || !d.kind || d.kind.notAFileProblem || !family) continue;
    const key = `${family}|${d.ruleId}|${d.container ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const out: DiagnoseFinding[] = [];
  for (const [key, group] of groups) {
    const s = group[0];
    const d = s.diagnosis;
    const members = d.kind!.members.filter((m) => m !== 'launchNetwork' && m !== 'capacityProvider');
    const family = familyOfArn(s.task.taskDefinitionArn)!;
    const more = group.length > 1 ? ` (${group.length} tasks stopped for this)` : '';
    const account = accountOf(s.task.taskArn);
    const value = ranWith(s, members);
    const fixes = fixesFor(s, members);
    const container = d.container ?? failedContainer(s)?.name;
    out.push({
      ruleId: d.ruleId!,
      key,
      severity: 'warning',
      message: `stopped ${agoText(s.task.stoppedAt, now)} in ${s.where}: ${headline(s)}${more}. ${d.kind!.fix}`,
      anchor: {
        family,
        members,
        ...(container ? { container } : {}),
        ...(d.quoted ? { quoted: d.quoted } : {}),
        ...(value ? { value } : {}),
      },
      related: group.slice(0, 5).map((t) => ({
        message: `task ${t.task.taskArn} (${revisionOf(t.task.taskDefinitionArn)}) stopped ${
          t.task.stoppedAt ? new Date(t.task.stoppedAt).toISOString() : 'at an unknown time'
        } in ${account ? `account ${account}, ` : ''}${t.region}`,
      })),
      ...(fixes ? { fixes } : {}),
    });
    if (out.length >= MAX_DIAGNOSE_FINDINGS) break;
  }
  return out;
}
