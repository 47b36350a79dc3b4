import { prop, type Property } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../../facts/readOnlyFields';
import { finding, fix } from '../util';
import { removeProperties } from './common';

/** Fields of DescribeTaskDefinition output that RegisterTaskDefinition does not take. */
export const readonlyFields: TaskDefRule = {
  id: 'task/readonly-fields',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Read-only describe-output fields',
  docs: {
    what: `The task definition has none of the read-only fields ECS returns from DescribeTaskDefinition (${DESCRIBE_ONLY_TASKDEF_FIELDS.join(', ')}).`,
    why: 'They are set by ECS, not accepted by RegisterTaskDefinition: `aws ecs register-task-definition --cli-input-json` fails with "Unknown parameter in input". The file is a copy of describe output or of the console JSON tab.',
    fix: 'Strip them (one quick fix removes all). The deploy GitHub action strips them too, but its list misses deleteRequestedAt.',
  },
  needs: { task: DESCRIBE_ONLY_TASKDEF_FIELDS },
  check({ td, doc }) {
    if (!td.root || td.shape === 'cfn') return [];
    const root = td.root;
    const present = DESCRIBE_ONLY_TASKDEF_FIELDS.map((f) => prop(root, f))
      .filter((p): p is Property => !!p)
      .sort((a, b) => a.span.offset - b.span.offset);
    if (present.length === 0) return [];
    // Only requiresAttributes on a Fargate task definition: fargate/requires-attributes says it better.
    if (td.fargate && present.every((p) => p.key === 'requiresAttributes')) return [];
    const edits = removeProperties(doc, root, present);
    const names = present.map((p) => p.rawKey).join(', ');
    const wrapped = prop(doc.root, 'taskDefinition')?.value === root;
    const wrapNote = wrapped
      ? ' The task definition is also wrapped in "taskDefinition": register the inner object.'
      : '';
    return [
      finding(
        this.id,
        present[0],
        `Read-only field${present.length > 1 ? 's' : ''} ${names}: this looks like DescribeTaskDefinition output. RegisterTaskDefinition does not accept ${present.length > 1 ? 'them' : 'it'} ("Unknown parameter in input"); strip ${present.length > 1 ? 'them' : 'it'} before registering.${wrapNote}`,
        { fixes: [fix(`Remove read-only field${present.length > 1 ? 's' : ''} (${names})`, edits, true)] },
      ),
    ];
  },
};
