import { alternatives } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { dependencyEdges } from './deps';

const CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];

/** `dependsOn[].condition` is START, COMPLETE, SUCCESS or HEALTHY. */
export const depCondition: TaskDefRule = {
  id: 'dep/condition',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid dependency condition',
  docs: {
    what: '`dependsOn[].condition` is one of START, COMPLETE, SUCCESS, HEALTHY (upper case).',
    why: 'These are the values of the API enumeration ContainerCondition; RegisterTaskDefinition rejects others.',
    fix: 'Use one of the four values.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of dependencyEdges(td)) {
      for (const alt of alternatives(e.conditionNode)) {
        const v = String(alt.value.value);
        if (CONDITIONS.includes(v)) continue;
        const upper = v.toUpperCase();
        const fixable = alt.node === alt.value && CONDITIONS.includes(upper);
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${containerLabel(e.from, e.fromIndex)}: dependency condition '${v}'${via} is not valid; use START, COMPLETE, SUCCESS or HEALTHY.`,
            {
              fixes: fixable ? [fix(`Change to ${upper}`, [doc.edits.replaceValue(alt.node, upper)], true)] : [],
            },
          ),
        );
      }
    }
    return out;
  },
};
