import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { viaNote } from '../task/common';

const ROOT = /^(0|root)(:(0|root))?$/;

/** Containers running as root: an explicit `user` of root/0 (per container), or no `user` at all (one note per task). */
export const userRoot: TaskDefRule = {
  id: 'ctr/user-root',
  scope: 'taskdef',
  severity: 'info',
  title: 'Container may run as root',
  docs: {
    what: "Notes containers that run as root: `user` set to `root`/`0`, or no `user` (then the image's USER decides, root unless the Dockerfile changes it).",
    why: 'A process running as root inside the container makes any escape or file-system write more damaging (Control Tower CT.ECS.PR.9); with host network or PID mode it is close to root on the host.',
    fix: 'Set `"user": "1000:1000"` (or a named non-root user that exists in the image), or set USER in the Dockerfile.',
  },
  check({ td }) {
    if (td.windows) return [];
    const out: Finding[] = [];
    const unset: string[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'user');
      if (!p || p.value.type === 'null') {
        unset.push(containerLabel(c, i).replace(/^container /, ''));
        return;
      }
      for (const alt of alternatives(p.value)) {
        const v = alt.value.value;
        if (typeof v !== 'string' || !ROOT.test(v.trim())) continue;
        const host =
          td.networkMode === 'host' ||
          td.root?.properties.some(
            (q) => q.key === 'pidMode' && alternatives(q.value).some((a) => a.value.value === 'host'),
          );
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(c, i)} runs as root (user '${v}'${viaNote(alt.via)})${host ? ', with host networking/PID: close to root on the host' : ''}. Run as a non-root user if the image allows it.`,
          ),
        );
      }
    });
    if (unset.length > 0) {
      const anchor = (td.root && prop(td.root, 'containerDefinitions')) ?? td.containersNode;
      if (anchor) {
        const list =
          unset.length > 3 ? `${unset.slice(0, 3).join(', ')} and ${unset.length - 3} more` : unset.join(', ');
        out.push(
          finding(
            this.id,
            anchor,
            `No "user" for ${unset.length === 1 ? 'container' : 'containers'} ${list}: ${unset.length === 1 ? 'it runs' : 'they run'} as the image's default user, which is root unless the Dockerfile sets USER. Set "user" (e.g. "1000:1000") where the image supports it.`,
          ),
        );
      }
    }
    return out;
  },
};
