import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { given, removeFix } from '../task/common';

/** Windows containers do not take `linuxParameters`. */
export const linuxOnWindows: TaskDefRule = {
  id: 'linux/windows',
  scope: 'taskdef',
  severity: 'error',
  title: 'linuxParameters on a Windows task',
  docs: {
    what: 'Containers of a Windows task definition do not set `linuxParameters`.',
    why: 'Linux kernel parameters do not apply to Windows containers; the API documents linuxParameters as not supported for Windows.',
    fix: 'Remove `linuxParameters`.',
  },
  needs: { container: ['linuxParameters'] },
  check({ td, doc }) {
    if (!td.windows) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = given(c, 'linuxParameters');
      if (p)
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: linuxParameters is not supported for Windows containers. Remove it.`,
            { fixes: [removeFix(doc, c, p)] },
          ),
        );
    });
    return out;
  },
};
