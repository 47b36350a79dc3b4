import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel } from '../util';
import { checkRange } from './rangeCheck';

/** On Fargate, `stopTimeout` is 2–120 seconds. */
export const stopTimeout: TaskDefRule = {
  id: 'ctr/stop-timeout',
  scope: 'taskdef',
  severity: 'error',
  title: 'stopTimeout out of range on Fargate',
  docs: {
    what: "On Fargate, a container's `stopTimeout` (seconds between SIGTERM and SIGKILL) is 2–120; the default is 30.",
    why: 'The API documents 2–120 seconds for Fargate; other values are rejected.',
    fix: 'Use a value from 2 to 120.',
  },
  needs: { container: ['stopTimeout'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      out.push(
        ...checkRange({
          ruleId: this.id,
          doc,
          node: child(c, 'stopTimeout'),
          what: `${containerLabel(c, i)}: stopTimeout`,
          min: 2,
          max: 120,
          why: 'Fargate allows 2–120 seconds (default 30).',
        }),
      );
    });
    return out;
  },
};
