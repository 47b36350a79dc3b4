import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding } from '../util';
import { viaNote } from './common';

/** pidMode host outside Fargate (on Fargate, fargate/pid-mode rejects it). */
export const hostPid: TaskDefRule = {
  id: 'task/host-pid',
  scope: 'taskdef',
  severity: 'info',
  title: "Task shares the host's process namespace",
  needs: { task: ['pidMode'] },
  docs: {
    what: '`pidMode: host` on a task definition that does not run on Fargate (Fargate rejects it: `fargate/pid-mode`).',
    why: "With the host's process namespace the containers see, and can signal, every process on the instance. Compliance checks flag it: Security Hub ECS.3, Control Tower CT.ECS.PR.10, Checkov CKV_AWS_335. ECS accepts it on EC2, so this is information.",
    fix: "Remove `pidMode`, or use `task` to share processes between the task's own containers only.",
  },
  check({ td }) {
    if (td.fargate || !td.root) return [];
    const p = prop(td.root, 'pidMode');
    if (!p) return [];
    for (const alt of alternatives(p.value))
      if (alt.value.value === 'host')
        return [
          finding(
            this.id,
            alt.node,
            `pidMode 'host'${viaNote(alt.via)}: the containers share the instance's process namespace (Security Hub ECS.3). Use 'task' or remove pidMode unless a monitoring agent needs it.`,
          ),
        ];
    return [];
  },
};
