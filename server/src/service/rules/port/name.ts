import { alternatives, child, str, type AstNode } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fixable, viaNote } from '../task/common';
import { mappings } from './mappings';

const NAME = /^[a-z0-9_][a-z0-9_-]{0,63}$/;

/** Port mapping `name`: at most 64 characters of `a-z 0-9 _ -`, not starting with `-`; unique in the task. */
export const portName: TaskDefRule = {
  id: 'port/name',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid port mapping name',
  docs: {
    what: "A port mapping's `name` (referenced by Service Connect) has up to 64 lower-case letters, digits, underscores and hyphens, does not start with a hyphen, and is unique within the task.",
    why: 'The API rejects other names; Service Connect refers to the mapping by this name (services fail to deploy if it does not match).',
    fix: 'Use a name like `web-http`.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    const seen = new Map<string, AstNode>();
    for (const m of mappings(td)) {
      const node = child(m.mapping, 'name');
      for (const alt of alternatives(node)) {
        const v = alt.value.value;
        if (typeof v !== 'string' || NAME.test(v)) continue;
        const lower = v.toLowerCase();
        const fixes =
          lower !== v && NAME.test(lower) && fixable(alt)
            ? [fix(`Change to '${lower}'`, [doc.edits.replaceValue(alt.node, lower)], true)]
            : [];
        out.push(
          finding(
            this.id,
            alt.node,
            `${m.label}: port name '${v}'${viaNote(alt.via)} is invalid: use up to 64 lower-case letters, digits, _ and -, not starting with -.`,
            { fixes },
          ),
        );
      }
      const v = str(node);
      if (node && v) {
        if (seen.has(v))
          out.push(
            finding(
              this.id,
              node,
              `${m.label}: port name '${v}' is used by another port mapping of this task; names must be unique.`,
            ),
          );
        else seen.set(v, node);
      }
    }
    return out;
  },
};
