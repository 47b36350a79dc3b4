import { prop } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { execFlag, related } from './execLaunch';

/** ECS Exec runs the SSM agent with the task role; the task definition must have one. */
export const execTaskRole: LaunchRule = {
  id: 'exec/task-role',
  scope: 'launch',
  severity: 'error',
  title: 'ECS Exec needs a task role',
  docs: {
    what: 'A service or run-task input enables ECS Exec for a task definition without `taskRoleArn` (and no task-role override).',
    why: 'The SSM agent that ECS Exec injects opens its control and data channels with the task role; the ECS Exec documentation requires a task role with the ssmmessages permissions. Without one, exec sessions cannot start.',
    fix: 'Add `taskRoleArn` to the task definition, with a role allowed ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel.',
  },
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag || launch.taskRoleOverride) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      if (!t.td.root) continue;
      const role = prop(t.td.root, 'taskRoleArn');
      if (role && (role.value.unknown || (role.value.type === 'string' && String(role.value.value).trim() !== '')))
        continue;
      const anchor = prop(t.td.root, 'family') ?? t.td.span;
      out.push(
        finding(
          this.id,
          flag,
          `${launch.label} enables ECS Exec, but task definition '${t.td.label}' has no taskRoleArn; ECS Exec needs a task role, which the SSM agent uses to open exec sessions. Add a taskRoleArn allowed the ssmmessages:* channel actions.`,
          {
            related: [
              related(
                t,
                'keySpan' in anchor ? anchor.keySpan : anchor,
                `task definition '${t.td.label}' has no taskRoleArn`,
              ),
            ],
          },
        ),
      );
    }
    return out;
  },
};
