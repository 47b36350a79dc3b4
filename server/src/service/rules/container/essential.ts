import { bool, child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding, fix } from '../util';

/** At least one container is essential (`essential` true or omitted). */
export const essential: TaskDefRule = {
  id: 'ctr/essential',
  scope: 'taskdef',
  severity: 'error',
  title: 'No essential container',
  docs: {
    what: 'At least one container has `essential` true or omitted (the default is true).',
    why: 'ECS rejects a task definition in which every container is non-essential (cfn-lint E3042): the task would have nothing whose exit ends it.',
    fix: 'Mark the main application container `"essential": true`.',
  },
  check({ td, doc }) {
    if (td.containers.length === 0) return [];
    // Omitted means true; a templated value may be true.
    if (td.containers.some((c) => bool(child(c, 'essential')) !== false)) return [];
    const first = td.containers[0];
    const p = prop(first, 'essential')!;
    const anchor = td.root ? (prop(td.root, 'containerDefinitions') ?? p) : p;
    return [
      finding(
        this.id,
        anchor,
        'Every container has "essential": false; a task definition must contain at least one essential container. Mark the main container essential.',
        {
          fixes: [fix('Make the first container essential', [doc.edits.replaceValue(p.value, true)])],
        },
      ),
    ];
  },
};
