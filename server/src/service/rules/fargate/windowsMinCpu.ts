import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, Fix, OffsetEdit } from '../../types';
import { finding, fix } from '../util';
import { fargateExtra, viaNote } from '../task/common';
import { cpuAlternatives, memoryAlternatives, sizeValue } from './taskSize';

/** Windows containers on Fargate need at least 1 vCPU. */
export const windowsMinCpu: TaskDefRule = {
  id: 'fargate/windows-min-cpu',
  scope: 'taskdef',
  severity: 'error',
  title: 'Windows on Fargate needs at least 1 vCPU',
  docs: {
    what: 'A Windows task definition on Fargate sets task `cpu` to 1024 (1 vCPU) or more.',
    why: 'Fargate offers Windows tasks only with 1, 2 or 4 vCPU; smaller sizes fail at registration or launch.',
    fix: 'Set `cpu` to 1024 and `memory` to at least 2048.',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.windows || !td.root) return [];
    const cpuP = prop(td.root, 'cpu');
    const memP = prop(td.root, 'memory');
    const out: Finding[] = [];
    for (const c of cpuAlternatives(cpuP?.value)) {
      if (c.value === undefined || c.value >= 1024) continue;
      const fixes: Fix[] = [];
      if (c.node === c.literal) {
        const edits: OffsetEdit[] = [doc.edits.replaceValue(c.node, sizeValue(c.literal, 1024))];
        const mems = memoryAlternatives(memP?.value);
        const m = mems.length === 1 ? mems[0] : undefined;
        const raise = m && m.node === m.literal && m.value !== undefined && m.value < 2048;
        if (raise) edits.push(doc.edits.replaceValue(m.node, sizeValue(m.literal, 2048)));
        fixes.push(fix(`Set cpu to 1024${raise ? ' and memory to 2048' : ''}`, edits, true));
      }
      out.push(
        finding(
          this.id,
          c.node,
          `Task cpu '${c.raw}'${viaNote(c.via)} is below 1 vCPU: Windows containers on Fargate need cpu 1024, 2048 or 4096. Set cpu to at least 1024 (memory 2048 or more).`,
          {
            ...fargateExtra(td),
            fixes,
          },
        ),
      );
    }
    return out;
  },
};
