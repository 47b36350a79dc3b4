import { num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { mappings } from './mappings';

/** Port 3150 is reserved on Windows Fargate tasks. */
export const windows3150: TaskDefRule = {
  id: 'port/windows-3150',
  scope: 'taskdef',
  severity: 'error',
  title: 'Port 3150 reserved on Windows Fargate',
  docs: {
    what: 'Windows tasks on Fargate do not map containerPort 3150.',
    why: 'Fargate reserves port 3150 on Windows for its own agent; a container cannot use it.',
    fix: 'Use another port.',
  },
  check({ td }) {
    if (!td.fargate || !td.windows) return [];
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      const p = prop(m.mapping, 'containerPort');
      if (p && num(p.value) === 3150)
        out.push(
          finding(this.id, p.value, `${m.label}: port 3150 is reserved on Windows Fargate tasks; use another port.`),
        );
    }
    return out;
  },
};
