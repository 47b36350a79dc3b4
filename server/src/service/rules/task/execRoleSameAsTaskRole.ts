import { child, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding } from '../util';

/** Using one role for both the task and the execution role grants the app the agent's permissions. */
export const execRoleSameAsTaskRole: TaskDefRule = {
  id: 'task/exec-role-same-as-task-role',
  scope: 'taskdef',
  severity: 'info',
  title: 'Task role equals execution role',
  docs: {
    what: 'Notes when `taskRoleArn` and `executionRoleArn` are the same role.',
    why: 'The execution role is for ECS itself (pull images, read secrets, write logs); the task role is what your code gets. Sharing one role gives your code the secret-reading and image-pulling permissions too (least privilege).',
    fix: 'Create a separate task role with only what the application needs.',
  },
  check({ td }) {
    if (!td.root) return [];
    const taskNode = child(td.root, 'taskRoleArn');
    const task = str(taskNode);
    const exec = str(child(td.root, 'executionRoleArn'));
    if (!taskNode || !task || task !== exec) return [];
    return [
      finding(
        this.id,
        taskNode,
        'taskRoleArn is the same role as executionRoleArn: your application gets the permissions ECS uses to pull images and read secrets. Prefer a separate, narrower task role (least privilege).',
      ),
    ];
  },
};
