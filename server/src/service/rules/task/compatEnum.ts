import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { checkEnum } from './common';

export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;

function suggestCompatibility(v: string): string | undefined {
  return /^fargate[_-]?spot$/i.test(v) ? 'FARGATE' : /^(ecs|ec2[_-]?instance)$/i.test(v) ? 'EC2' : undefined;
}

/** `requiresCompatibilities` items take the API's enumeration. */
export const compatEnum: TaskDefRule = {
  id: 'task/compat-enum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid requiresCompatibilities value',
  docs: {
    what: `Each \`requiresCompatibilities\` item is one of ${COMPATIBILITIES.join(', ')}.`,
    why: 'RegisterTaskDefinition rejects other values. FARGATE_SPOT is a capacity provider chosen at launch, not a compatibility.',
    fix: "Use FARGATE (run on Fargate Spot through the service's capacity provider strategy), EC2, EXTERNAL or MANAGED_INSTANCES.",
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const node = child(td.root, 'requiresCompatibilities');
    if (!node || node.unknown || node.type !== 'array') return [];
    const out: Finding[] = [];
    for (const item of node.items) {
      out.push(
        ...checkEnum({
          ruleId: this.id,
          doc,
          node: item,
          allowed: COMPATIBILITIES,
          what: 'Compatibility',
          why: 'RegisterTaskDefinition rejects it.',
          suggest: suggestCompatibility,
        }),
      );
    }
    return out;
  },
};
