/**
 * The stopped tasks the user has seen (a "Recently stopped" folder opened, a Diagnose run) as live
 * findings for the language server: keeps the newest MAX_TASKS per connection, recomputes the findings
 * (findings.ts) and publishes them as producer `diagnose` when they change. Never fetches anything
 * itself, so nothing from the workspace reaches AWS. Dismissed causes stay dismissed until the
 * connection changes; switching the connection, or an untrusted workspace, clears everything.
 */
import type { Task } from '../aws/types';
import { classifyTask, DIAGNOSE_PRODUCER, diagnoseFindings, type DiagnoseFinding } from './findings';
import type { Diagnosis } from './classify';

export const MAX_TASKS = 200;

export type PublishDiagnoseFindings = (p: { producer: string; findings: DiagnoseFinding[] }) => void;

export interface SeenTask {
  task: Task;
  /** "prod/web" or "prod". */
  where: string;
  region: string;
  /** The full diagnosis (from a Diagnose run, with events and logs); else classified from the task. */
  diagnosis?: Diagnosis;
}

export class DiagnoseFindingsStore {
  private readonly tasks = new Map<string, SeenTask & { diagnosis: Diagnosis }>();
  private readonly dismissed = new Set<string>();
  private last = '[]';

  constructor(
    private readonly publish: PublishDiagnoseFindings,
    /** Trusted workspace (findings are published only then). */
    private readonly enabled: () => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stopped tasks seen in the explorer or a report (other tasks are ignored). */
  seen(list: readonly SeenTask[]): void {
    let changed = false;
    for (const s of list) {
      if (s.task.lastStatus !== 'STOPPED') continue;
      const prev = this.tasks.get(s.task.taskArn);
      if (prev && !s.diagnosis) continue;
      this.tasks.set(s.task.taskArn, { ...s, diagnosis: s.diagnosis ?? classifyTask(s.task) });
      changed = true;
    }
    if (!changed) return;
    if (this.tasks.size > MAX_TASKS) {
      const when = (t: Task): number => new Date(t.stoppedAt ?? t.createdAt ?? 0).getTime();
      const oldest = [...this.tasks.values()].sort((a, b) => when(a.task) - when(b.task));
      for (const o of oldest.slice(0, this.tasks.size - MAX_TASKS)) this.tasks.delete(o.task.taskArn);
    }
    this.flush();
  }

  /** Hides the finding whose related information starts with `related` (its newest task), or with this key. */
  dismiss(match: { key?: string; related?: string }): boolean {
    const f = this.current().find(
      (x) => (match.key && x.key === match.key) || (match.related && x.related[0]?.message === match.related),
    );
    if (!f) return false;
    this.dismissed.add(f.key);
    this.flush();
    return true;
  }

  /** Forgets everything (connection changed, disconnected). */
  clear(): void {
    this.tasks.clear();
    this.dismissed.clear();
    this.flush();
  }

  current(): DiagnoseFinding[] {
    if (!this.enabled()) return [];
    return diagnoseFindings([...this.tasks.values()], this.now()).filter((f) => !this.dismissed.has(f.key));
  }

  private flush(): void {
    const findings = this.current();
    const text = JSON.stringify(findings);
    if (text === this.last) return;
    this.last = text;
    this.publish({ producer: DIAGNOSE_PRODUCER, findings });
  }
}
