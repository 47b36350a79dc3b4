import { num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { mappings } from './mappings';

/** With awsvpc (or host) networking, `hostPort` is omitted or equal to `containerPort`. */
export const awsvpcHostport: TaskDefRule = {
  id: 'port/awsvpc-hostport',
  scope: 'taskdef',
  severity: 'error',
  title: 'hostPort must equal containerPort',
  docs: {
    what: "In the awsvpc (and host) network mode, a port mapping's `hostPort` is omitted, 0, or equal to its `containerPort` (cfn-lint E3053).",
    why: 'The task has its own network interface (or the host\'s), so no port translation happens; the API rejects a different hostPort: "When networkMode=awsvpc, the host ports and container ports in port mappings must match."',
    fix: 'Remove `hostPort` or set it to the containerPort. To expose another port, make the application listen on it.',
  },
  check({ td, doc }) {
    const mode = td.networkMode;
    if (mode !== 'awsvpc' && mode !== 'host') return [];
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      const hostP = prop(m.mapping, 'hostPort');
      const host = num(hostP?.value);
      const cport = num(prop(m.mapping, 'containerPort')?.value);
      // 0 counts as omitted: ECS replaces it with the containerPort.
      if (!hostP || host === undefined || cport === undefined || host === cport || host === 0) continue;
      out.push(
        finding(
          this.id,
          hostP.value,
          `${m.label}: hostPort ${host} differs from containerPort ${cport}. When networkMode=${mode}, the host ports and container ports in port mappings must match (no port translation). Make them equal or remove hostPort.`,
          {
            fixes: [
              fix(
                `Set hostPort to ${cport}`,
                [doc.edits.replaceValue(hostP.value, hostP.value.type === 'string' ? String(cport) : cport)],
                true,
              ),
              fix('Remove hostPort', [doc.edits.removeProperty(m.mapping, hostP)]),
            ],
          },
        ),
      );
    }
    return out;
  },
};
