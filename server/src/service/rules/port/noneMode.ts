import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { removeFix, used } from '../task/common';

/** With `networkMode: none`, containers have no port mappings. */
export const noneMode: TaskDefRule = {
  id: 'port/none-mode',
  scope: 'taskdef',
  severity: 'error',
  title: 'Port mappings with network mode none',
  docs: {
    what: 'Containers of a task with `networkMode: none` declare no `portMappings`.',
    why: 'A task without networking has no ports to map; the API rejects port mappings with the none network mode.',
    fix: 'Remove `portMappings`, or use a network mode with networking (awsvpc, bridge, host).',
  },
  check({ td, doc }) {
    if (td.networkMode !== 'none') return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = used(c, 'portMappings');
      if (!p) return;
      out.push(
        finding(
          this.id,
          p,
          `${containerLabel(c, i)}: portMappings cannot be used with networkMode 'none' (the task has no network). Remove them or change the network mode.`,
          { fixes: [removeFix(doc, c, p)] },
        ),
      );
    });
    return out;
  },
};
