import { bool, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { logConfigs } from './logConfigs';

/** Reminder: awslogs-create-group needs logs:CreateLogGroup, which the managed execution policy lacks. */
export const createGroupPerm: TaskDefRule = {
  id: 'log/create-group-perm',
  scope: 'taskdef',
  severity: 'info',
  title: 'awslogs-create-group needs logs:CreateLogGroup',
  docs: {
    what: '`awslogs-create-group: "true"` is set.',
    why: 'The ECS API: "Your IAM policy must include the logs:CreateLogGroup permission before you attempt to use awslogs-create-group." The AmazonECSTaskExecutionRolePolicy does not include it; without it the container fails to start.',
    fix: 'Grant logs:CreateLogGroup to the execution role, or create the log group beforehand and drop the option.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      if (lc.driver !== 'awslogs' || !lc.options) continue;
      const p = prop(lc.options, 'awslogs-create-group');
      if (!p || bool(p.value) !== true) continue;
      out.push(
        finding(
          this.id,
          p,
          `${containerLabel(lc.container, lc.containerIndex)}: awslogs-create-group needs logs:CreateLogGroup on the task execution role (not in AmazonECSTaskExecutionRolePolicy); otherwise the container fails to start.`,
        ),
      );
    }
    return out;
  },
};
