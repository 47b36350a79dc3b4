import { alternatives, at } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fargateExtra, fixable, viaNote } from '../task/common';

/** Windows on Fargate runs on X86_64 only. */
export const windowsX86: TaskDefRule = {
  id: 'fargate/windows-x86',
  scope: 'taskdef',
  severity: 'error',
  title: 'Windows on Fargate requires X86_64',
  docs: {
    what: 'A Windows task definition on Fargate uses `cpuArchitecture` X86_64 (or omits it).',
    why: 'Fargate offers Windows containers on X86_64 only; an ARM64 Windows task cannot start.',
    fix: 'Set `runtimePlatform.cpuArchitecture` to X86_64 and use an x86-64 Windows image.',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.windows || !td.root) return [];
    const out: Finding[] = [];
    for (const alt of alternatives(at(td.root, 'runtimePlatform', 'cpuArchitecture'))) {
      const v = alt.value.value;
      if (typeof v !== 'string' || v.toUpperCase() === 'X86_64') continue;
      out.push(
        finding(
          this.id,
          alt.node,
          `cpuArchitecture '${v}'${viaNote(alt.via)}: Windows containers on Fargate run on X86_64 only. Use X86_64 with an x86-64 Windows image.`,
          {
            ...fargateExtra(td),
            fixes: fixable(alt) ? [fix('Change to X86_64', [doc.edits.replaceValue(alt.node, 'X86_64')], true)] : [],
          },
        ),
      );
    }
    return out;
  },
};
