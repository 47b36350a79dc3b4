import { alternatives } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, Fix } from '../../types';
import { finding, fix } from '../util';
import { fargateExtra, fixable, given, removeFix, viaNote } from '../task/common';

/** On Fargate `pidMode` may only be `task` (Linux, platform version 1.4.0). */
export const pidMode: TaskDefRule = {
  id: 'fargate/pid-mode',
  scope: 'taskdef',
  severity: 'error',
  title: "Fargate supports only pidMode 'task'",
  docs: {
    what: 'On Fargate, `pidMode` is omitted or `task`; Windows tasks on Fargate do not support it at all.',
    why: "Fargate has no host PID namespace to share: `host` is rejected. `task` (shared PID namespace between the task's containers) needs Linux platform version 1.4.0; Windows does not support pidMode.",
    fix: 'Use `"pidMode": "task"` or remove it.',
  },
  needs: { task: ['pidMode'] },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const root = td.root;
    const p = given(root, 'pidMode');
    if (!p) return [];
    if (td.windows) {
      return [
        finding(this.id, p, 'Windows tasks on Fargate do not support pidMode. Remove it.', {
          ...fargateExtra(td),
          fixes: [removeFix(doc, root, p)],
        }),
      ];
    }
    const out: Finding[] = [];
    for (const alt of alternatives(p.value)) {
      const v = alt.value.value;
      if (v === 'task' || typeof v !== 'string') continue;
      const fixes: Fix[] = fixable(alt)
        ? [
            fix("Set pidMode to 'task'", [doc.edits.replaceValue(alt.node, 'task')], v.toLowerCase() === 'task'),
            removeFix(doc, root, p, false),
          ]
        : [];
      const why =
        v === 'host'
          ? 'Fargate does not share the host PID namespace'
          : `'${v}' is not a pidMode (allowed: host, task)`;
      out.push(
        finding(
          this.id,
          alt.node,
          `pidMode '${v}'${viaNote(alt.via)} is not supported on Fargate: ${why}. Fargate supports only 'task' (platform version 1.4.0); remove pidMode or use 'task'.`,
          { ...fargateExtra(td), fixes },
        ),
      );
    }
    return out;
  },
};
