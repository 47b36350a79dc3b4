import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';
import { logConfigs } from './logConfigs';

/** awslogs-datetime-format and awslogs-multiline-pattern exclude each other. */
export const awslogsExclusive: TaskDefRule = {
  id: 'log/awslogs-exclusive',
  scope: 'taskdef',
  severity: 'error',
  title: 'awslogs-datetime-format with awslogs-multiline-pattern',
  docs: {
    what: 'An `awslogs` configuration sets both `awslogs-datetime-format` and `awslogs-multiline-pattern`.',
    why: 'The ECS API: "You cannot configure both the awslogs-datetime-format and awslogs-multiline-pattern options." (the pattern is ignored when the format is set).',
    fix: 'Keep one of them.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      if (lc.driver !== 'awslogs' || !lc.options) continue;
      const fmt = prop(lc.options, 'awslogs-datetime-format');
      const pat = prop(lc.options, 'awslogs-multiline-pattern');
      if (!fmt || !pat) continue;
      const second = fmt.span.offset > pat.span.offset ? fmt : pat;
      out.push(
        finding(
          this.id,
          second,
          `${containerLabel(lc.container, lc.containerIndex)}: "You cannot configure both the awslogs-datetime-format and awslogs-multiline-pattern options." Keep one.`,
          {
            fixes: [
              fix('Remove awslogs-multiline-pattern', [doc.edits.removeProperty(lc.options, pat)]),
              fix('Remove awslogs-datetime-format', [doc.edits.removeProperty(lc.options, fmt)]),
            ],
          },
        ),
      );
    }
    return out;
  },
};
