import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { checkEnum } from '../task/common';

/** `versionConsistency` is `enabled` or `disabled`. */
export const versionConsistency: TaskDefRule = {
  id: 'ctr/version-consistency',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid versionConsistency',
  docs: {
    what: '`versionConsistency` is `enabled` or `disabled` (lower case).',
    why: 'RegisterTaskDefinition rejects other values. `enabled` (the default) pins the image digest at deployment so all tasks run the same image.',
    fix: 'Use `enabled` or `disabled`.',
  },
  needs: { container: ['versionConsistency'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const c of td.containers) {
      out.push(
        ...checkEnum({
          ruleId: this.id,
          doc,
          node: child(c, 'versionConsistency'),
          allowed: ['enabled', 'disabled'],
          what: 'versionConsistency',
          why: 'RegisterTaskDefinition rejects it.',
        }),
      );
    }
    return out;
  },
};
