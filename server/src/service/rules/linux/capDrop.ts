import { at, strings } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** A capability both added and dropped is a contradiction; dropping itself is fine everywhere. */
export const capDrop: TaskDefRule = {
  id: 'cap/drop',
  scope: 'taskdef',
  severity: 'info',
  title: 'Capability both added and dropped',
  docs: {
    what: 'Notes a capability listed in both `capabilities.add` and `capabilities.drop`. Dropping capabilities is supported on every Fargate platform version (only `add` needs 1.4.0), so drops are otherwise never reported.',
    why: "Listing a capability in both lists leaves it to Docker's ordering whether the container gets it; the intent is unclear.",
    fix: 'Keep the capability in one list only.',
  },
  needs: { container: ['linuxParameters'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const caps = at(c, 'linuxParameters', 'capabilities');
      const add = new Set(strings(at(caps, 'add')).map((s) => s.value.toUpperCase().replace(/^CAP_/, '')));
      const dropNode = at(caps, 'drop');
      strings(dropNode).forEach(({ value, node }) => {
        const name = value.toUpperCase().replace(/^CAP_/, '');
        if (name === 'ALL' || !add.has(name)) return;
        const index = dropNode && dropNode.type === 'array' ? dropNode.items.indexOf(node) : -1;
        out.push(
          finding(
            this.id,
            node,
            `${containerLabel(c, i)}: ${name} is both added and dropped; whether the container gets it depends on Docker's ordering. Keep it in one list.`,
            {
              fixes:
                index >= 0 && dropNode?.type === 'array'
                  ? [fix(`Remove ${value} from capabilities.drop`, [doc.edits.removeItem(dropNode, index)])]
                  : [],
            },
          ),
        );
      });
    });
    return out;
  },
};
