import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import { finding, lineOf } from '../util';
import { pv14Features } from './features';

/** Tells, in the task definition itself, which platform version it needs and why. */
export const taskNeeds14: TaskDefRule = {
  id: 'pv/task-needs-1.4.0',
  scope: 'taskdef',
  severity: 'info',
  title: 'Task definition needs platform version 1.4.0',
  docs: {
    what: 'Notes on `requiresCompatibilities` which Fargate platform version the task definition needs and which feature needs it.',
    why: 'The platform version is set where the task is launched (service, run-task, CloudFormation), often in another file; this tells you what to set there.',
    fix: 'Launch it with platformVersion `LATEST` or `1.4.0`.',
  },
  check({ td, doc }) {
    if (!td.fargate || td.windows || !td.root) return [];
    const features = pv14Features(td);
    if (features.length === 0) return [];
    const anchor = prop(td.root, 'requiresCompatibilities') ?? prop(td.root, 'family');
    if (!anchor) return [];
    const list = features
      .slice(0, 3)
      .map((f) => `${f.what}, line ${lineOf(doc, f.span.offset)}`)
      .join('; ');
    const more = features.length > 3 ? `; and ${features.length - 3} more` : '';
    return [finding(this.id, anchor, `Needs Fargate platform version 1.4.0 or LATEST: ${list}${more}.`)];
  },
};
