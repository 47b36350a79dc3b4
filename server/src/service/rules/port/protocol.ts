import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { checkEnum } from '../task/common';
import { mappings } from './mappings';

/** Port mapping `protocol` is `tcp` or `udp` (lower case). */
export const portProtocol: TaskDefRule = {
  id: 'port/protocol',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Invalid port protocol',
  docs: {
    what: "A port mapping's `protocol` is `tcp` or `udp`, in lower case.",
    why: 'The API enumerates lower-case tcp/udp; other values are not what you meant (a mapping meant as UDP silently becomes TCP, or registration fails).',
    fix: 'Write `tcp` or `udp` in lower case.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      out.push(
        ...checkEnum({
          ruleId: this.id,
          doc,
          node: child(m.mapping, 'protocol'),
          allowed: ['tcp', 'udp'],
          what: `${m.label}: protocol`,
          why: 'ECS documents only lower-case tcp and udp.',
        }),
      );
    }
    return out;
  },
};
