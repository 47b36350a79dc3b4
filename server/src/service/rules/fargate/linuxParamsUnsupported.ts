import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { fargateExtra, given, removeFix, used } from '../task/common';
import { unsupportedMembers } from '../../facts/fargateUnsupported';

/** The linuxParameters members this rule flags, from the one list completion uses too. */
const FIELDS = unsupportedMembers('LinuxParameters', 'fargate/linux-params-unsupported');

/** `linuxParameters` members Fargate does not support. */
export const linuxParamsUnsupported: TaskDefRule = {
  id: 'fargate/linux-params-unsupported',
  scope: 'taskdef',
  severity: 'error',
  title: 'linuxParameters member not supported on Fargate',
  docs: {
    what: `On Fargate, \`linuxParameters\` does not set ${Object.keys(FIELDS)
      .map((k) => `\`${k}\``)
      .join(', ')}.`,
    why: 'Fargate does not support host devices, shared-memory size, tmpfs mounts or swap; the task definition is rejected for Fargate.',
    fix: 'Remove the member. For scratch space use a bind-mount volume (`host: {}`) or ephemeral storage.',
  },
  needs: { container: ['linuxParameters'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const lp = given(c, 'linuxParameters');
      if (!lp || lp.value.unknown || lp.value.type !== 'object') return;
      const params = lp.value;
      for (const [key, why] of Object.entries(FIELDS)) {
        const p = key === 'devices' || key === 'tmpfs' ? used(params, key) : given(params, key);
        if (!p) continue;
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: linuxParameters.${key} is not supported on Fargate: ${why}. Remove it.`,
            { ...fargateExtra(td), fixes: [removeFix(doc, params, p)] },
          ),
        );
      }
    });
    return out;
  },
};
