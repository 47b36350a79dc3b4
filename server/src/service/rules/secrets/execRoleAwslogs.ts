import { at, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { fargateExecRoleFinding } from './refs';

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
    return fargateExecRoleFinding(
      this.id,
      td,
      (c) => {
        const node = at(c, 'logConfiguration', 'logDriver');
        return str(node) === 'awslogs' ? node : undefined;
      },
      'logs with awslogs',
      AWS_MSG,
    );
  },
};
