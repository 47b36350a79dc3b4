import { at, isArray, strings } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** On Fargate, `linuxParameters.capabilities.add` may only contain SYS_PTRACE (platform version 1.4.0). */
export const capAdd: TaskDefRule = {
  id: 'fargate/cap-add',
  scope: 'taskdef',
  severity: 'error',
  title: 'Fargate only allows adding SYS_PTRACE',
  docs: {
    what: 'On Fargate, `linuxParameters.capabilities.add` may contain only `SYS_PTRACE`.',
    why: 'Fargate refuses every other added Linux capability; RegisterTaskDefinition or the task launch fails. Adding SYS_PTRACE needs platform version 1.4.0.',
    fix: 'Remove the capability, or replace `CAP_SYS_PTRACE` by `SYS_PTRACE` (the API takes names without the `CAP_` prefix).',
  },
  needs: { container: ['linuxParameters'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const add = at(c, 'linuxParameters', 'capabilities', 'add');
      if (!isArray(add)) return;
      for (const { value, node } of strings(add)) {
        if (value === 'SYS_PTRACE') continue;
        const index = add.items.indexOf(node);
        const remove = fix(
          `Remove ${value} from capabilities.add`,
          [doc.edits.removeItem(add, index)],
          value !== 'CAP_SYS_PTRACE',
        );
        if (value === 'CAP_SYS_PTRACE') {
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)}: Fargate takes capability names without the CAP_ prefix; write SYS_PTRACE, the only capability Fargate lets you add.`,
              {
                fixes: [
                  fix('Replace CAP_SYS_PTRACE with SYS_PTRACE', [doc.edits.replaceValue(node, 'SYS_PTRACE')], true),
                  remove,
                ],
              },
            ),
          );
          continue;
        }
        out.push(
          finding(
            this.id,
            node,
            `${containerLabel(c, i)}: Fargate refuses to add capability ${value}; only SYS_PTRACE may be added (platform version 1.4.0). Remove it, or run this task on EC2.`,
            { fixes: [remove] },
          ),
        );
      }
    });
    return out;
  },
};
