import { prop, str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { execFlag, related } from './execLaunch';

/** With `pidMode: task`, ECS Exec can attach to only one container of the task. */
export const execPidModeTask: LaunchRule = {
  id: 'exec/pid-mode-task',
  scope: 'launch',
  severity: 'warning',
  title: 'ECS Exec with pidMode task',
  docs: {
    what: 'ECS Exec is enabled for a task definition with `pidMode: task`.',
    why: 'With a shared PID namespace only one SSM agent can run, so exec works in only one container of the task (amazon-ecs-exec-checker warns about it).',
    fix: 'Remove `pidMode: task` if you need exec into several containers.',
  },
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      const p = t.td.root ? prop(t.td.root, 'pidMode') : undefined;
      if (!p || str(p.value) !== 'task' || t.td.containers.length < 2) continue;
      out.push(
        finding(
          this.id,
          flag,
          `ECS Exec is enabled, but task definition '${t.td.label}' shares one PID namespace (pidMode: task); only one of its ${t.td.containers.length} containers can be exec'd into.`,
          {
            related: [related(t, p.value, "pidMode 'task'")],
          },
        ),
      );
    }
    return out;
  },
};
