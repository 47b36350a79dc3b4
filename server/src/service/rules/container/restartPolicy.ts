import { child, items, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { given } from '../task/common';
import { checkRange } from './rangeCheck';

/** `restartPolicy`: `enabled` required, at most 50 ignored exit codes, attempt period 60–1800 s. */
export const restartPolicy: TaskDefRule = {
  id: 'ctr/restart-policy',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid restartPolicy',
  docs: {
    what: "A container's `restartPolicy` sets `enabled`, lists at most 50 `ignoredExitCodes`, and has `restartAttemptPeriod` from 60 to 1800 seconds.",
    why: 'The API requires `enabled` and rejects values outside these limits.',
    fix: 'Add `"enabled": true`, trim the exit codes, or move the period into 60–1800.',
  },
  needs: { container: ['restartPolicy'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = given(c, 'restartPolicy');
      if (!p || p.value.unknown || p.value.type !== 'object') return;
      const policy = p.value;
      const label = containerLabel(c, i);
      if (!prop(policy, 'enabled')) {
        out.push(
          finding(this.id, p, `${label}: restartPolicy needs "enabled" (true or false).`, {
            fixes: [fix('Add "enabled": true', [doc.edits.addProperty(policy, doc.edits.key('enabled'), true)], true)],
          }),
        );
      }
      const codes = prop(policy, 'ignoredExitCodes');
      if (codes && items(codes.value).length > 50)
        out.push(
          finding(
            this.id,
            codes,
            `${label}: restartPolicy.ignoredExitCodes lists ${items(codes.value).length} codes; the maximum is 50.`,
          ),
        );
      out.push(
        ...checkRange({
          ruleId: this.id,
          doc,
          node: child(policy, 'restartAttemptPeriod'),
          what: `${label}: restartAttemptPeriod`,
          min: 60,
          max: 1800,
          why: 'restartAttemptPeriod is 60–1800 seconds (default 300).',
        }),
      );
    });
    return out;
  },
};
