import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel } from '../util';
import { checkRange } from './rangeCheck';

/** On Fargate, `startTimeout` is 2–120 seconds. */
export const startTimeout: TaskDefRule = {
  id: 'ctr/start-timeout',
  scope: 'taskdef',
  severity: 'error',
  title: 'startTimeout out of range on Fargate',
  docs: {
    what: "On Fargate, a container's `startTimeout` (how long ECS waits for its dependencies to reach their condition) is 2–120.",
    why: 'The API documents 2–120 seconds for Fargate; other values are rejected.',
    fix: 'Use a value from 2 to 120.',
  },
  needs: { container: ['startTimeout'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      out.push(
        ...checkRange({
          ruleId: this.id,
          doc,
          node: child(c, 'startTimeout'),
          what: `${containerLabel(c, i)}: startTimeout`,
          min: 2,
          max: 120,
          why: 'Fargate allows 2–120 seconds.',
        }),
      );
    });
    return out;
  },
};
