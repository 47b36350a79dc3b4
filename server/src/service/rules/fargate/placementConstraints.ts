import type { TaskDefRule } from '../types';
import { finding } from '../util';
import { fargateExtra, fargateWhy, removeFix, used } from '../task/common';

/** Task placement constraints are an EC2 concept; Fargate rejects them. */
export const placementConstraints: TaskDefRule = {
  id: 'fargate/placement-constraints',
  scope: 'taskdef',
  severity: 'error',
  title: 'Fargate does not support placementConstraints',
  docs: {
    what: 'A Fargate task definition has no (non-empty) `placementConstraints`.',
    why: 'Placement constraints choose among container instances; Fargate has none and rejects task definitions that set them (cfn-lint E3048 checks the same). An empty list is accepted.',
    fix: 'Remove `placementConstraints`.',
  },
  needs: { task: ['placementConstraints'] },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const p = used(td.root, 'placementConstraints');
    if (!p) return [];
    return [
      finding(
        this.id,
        p,
        `placementConstraints are not supported on Fargate (${fargateWhy(td)}): they select EC2 container instances. Remove them.`,
        {
          ...fargateExtra(td),
          fixes: [removeFix(doc, td.root, p)],
        },
      ),
    ];
  },
};
