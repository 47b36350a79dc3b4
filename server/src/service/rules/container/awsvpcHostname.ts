import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { given, removeFix } from '../task/common';

/** `hostname` cannot be set with the awsvpc network mode. */
export const awsvpcHostname: TaskDefRule = {
  id: 'awsvpc/hostname',
  scope: 'taskdef',
  severity: 'error',
  title: 'hostname not supported with awsvpc',
  docs: {
    what: 'Containers of an awsvpc task do not set `hostname`.',
    why: 'RegisterTaskDefinition fails: "hostname is not supported on container when networkMode=awsvpc." The task ENI\'s DNS name is the hostname.',
    fix: 'Remove `hostname`; use service discovery (Cloud Map / Service Connect) to give the task a name.',
  },
  needs: { container: ['hostname'] },
  check({ td, doc }) {
    if (td.networkMode !== 'awsvpc') return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = given(c, 'hostname');
      if (p)
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: hostname is not supported on container when networkMode=awsvpc. Remove it (use service discovery for a name).`,
            { fixes: [removeFix(doc, c, p)] },
          ),
        );
    });
    return out;
  },
};
