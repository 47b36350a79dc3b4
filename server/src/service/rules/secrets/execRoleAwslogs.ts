import { at, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { alsoContainers, containerLabel, finding } from '../util';
import { canJudgeExecutionRole, hasExecutionRole } from './refs';

const AWS_MSG = 'Fargate requires task definition to have execution role ARN to support log driver awslogs.';

/** On Fargate the awslogs driver writes with the execution role. */
export const execRoleAwslogs: TaskDefRule = {
  id: 'exec-role/awslogs',
  scope: 'taskdef',
  severity: 'error',
  title: 'awslogs on Fargate needs an execution role',
  docs: {
    what: 'A Fargate task definition uses the `awslogs` log driver without `executionRoleArn`.',
    why: `On Fargate, the awslogs driver sends logs with the task execution role; RegisterTaskDefinition fails with "${AWS_MSG}"`,
    fix: 'Add `executionRoleArn` with a role that has the AmazonECSTaskExecutionRolePolicy (logs:CreateLogStream, logs:PutLogEvents).',
  },
  check({ td }) {
    if (!td.fargate || !canJudgeExecutionRole(td) || hasExecutionRole(td)) return [];
    const users = td.containers
      .map((c, i) => ({ c, i, node: at(c, 'logConfiguration', 'logDriver') }))
      .filter((x) => str(x.node) === 'awslogs');
    if (users.length === 0) return [];
    const first = users[0];
    const others = alsoContainers(users);
    return [
      finding(
        this.id,
        first.node!,
        `${containerLabel(first.c, first.i)} logs with awslogs${others}, but the task definition has no executionRoleArn: "${AWS_MSG}" Add executionRoleArn (a role with AmazonECSTaskExecutionRolePolicy).`,
      ),
    ];
  },
};
