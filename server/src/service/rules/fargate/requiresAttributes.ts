import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../../facts/readOnlyFields';
import { finding } from '../util';
import { fargateExtra, fargateWhy, removeFix, used } from '../task/common';

/** `requiresAttributes` is describe output (placement attributes for EC2), not a registration input. */
export const requiresAttributes: TaskDefRule = {
  id: 'fargate/requires-attributes',
  scope: 'taskdef',
  severity: 'warning',
  title: 'requiresAttributes is read-only and EC2-only',
  docs: {
    what: 'A Fargate task definition does not carry `requiresAttributes`.',
    why: 'ECS computes `requiresAttributes` at registration to place tasks on EC2 container instances; it is not a RegisterTaskDefinition parameter (the AWS CLI rejects it as an unknown parameter) and means nothing on Fargate.',
    fix: 'Remove `requiresAttributes`. (When the file is a copy of describe output with other read-only fields, task/readonly-fields reports them all.)',
  },
  needs: { task: ['requiresAttributes'] },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const p = used(td.root, 'requiresAttributes');
    if (!p) return [];
    // A describe-output copy is task/readonly-fields' finding, which strips this field too.
    if (DESCRIBE_ONLY_TASKDEF_FIELDS.some((f) => f !== 'requiresAttributes' && prop(td.root, f))) return [];
    return [
      finding(
        this.id,
        p,
        `requiresAttributes is computed by ECS (EC2 placement attributes) and is not a RegisterTaskDefinition parameter; on Fargate (${fargateWhy(td)}) it means nothing. Remove it.`,
        {
          ...fargateExtra(td),
          fixes: [removeFix(doc, td.root, p)],
        },
      ),
    ];
  },
};
