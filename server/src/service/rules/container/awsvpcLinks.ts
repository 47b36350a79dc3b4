import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { removeFix, used } from '../task/common';

/** `links` only work with the bridge network mode. */
export const awsvpcLinks: TaskDefRule = {
  id: 'awsvpc/links',
  scope: 'taskdef',
  severity: 'error',
  title: 'links need the bridge network mode',
  docs: {
    what: 'Containers set `links` only when the task uses the `bridge` network mode.',
    why: 'The API documents links as supported only for bridge; with awsvpc or host the task definition is rejected. In awsvpc tasks containers already reach each other on localhost.',
    fix: 'Remove `links` and connect to the other container on `localhost:<port>`.',
  },
  needs: { container: ['links'] },
  check({ td, doc }) {
    if (td.networkMode === undefined || td.networkMode === 'bridge') return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = used(c, 'links');
      if (p)
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: links are only supported with networkMode 'bridge' (this task uses '${td.networkMode}'). Remove them; containers of the task reach each other on localhost.`,
            { fixes: [removeFix(doc, c, p)] },
          ),
        );
    });
    return out;
  },
};
