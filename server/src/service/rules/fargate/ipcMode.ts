import type { TaskDefRule } from '../types';
import { finding } from '../util';
import { fargateExtra, fargateWhy, given, removeFix } from '../task/common';

/** Fargate does not support `ipcMode`. */
export const ipcMode: TaskDefRule = {
  id: 'fargate/ipc-mode',
  scope: 'taskdef',
  severity: 'error',
  title: 'Fargate does not support ipcMode',
  docs: {
    what: 'A Fargate task definition does not set `ipcMode`.',
    why: 'RegisterTaskDefinition fails: "Tasks using the Fargate launch type do not support ipcMode."',
    fix: 'Remove `ipcMode` (or run the task on EC2).',
  },
  needs: { task: ['ipcMode'] },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const p = given(td.root, 'ipcMode');
    if (!p) return [];
    return [
      finding(
        this.id,
        p,
        `Tasks using the Fargate launch type do not support ipcMode. Remove it (${fargateWhy(td)}).`,
        {
          ...fargateExtra(td),
          fixes: [removeFix(doc, td.root, p)],
        },
      ),
    ];
  },
};
