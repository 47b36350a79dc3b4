import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

/** Advice: containers without a log configuration lose their output (Security Hub ECS.9). */
export const logMissing: TaskDefRule = {
  id: 'log/missing',
  scope: 'taskdef',
  severity: 'info',
  title: 'Container without logging',
  docs: {
    what: 'A container definition has no `logConfiguration`.',
    why: 'On Fargate its stdout/stderr then go nowhere you can read; Security Hub ECS.9 and Control Tower require a log configuration.',
    fix: 'Add `logConfiguration` with the `awslogs` driver (or `awsfirelens`).',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const lc = prop(c, 'logConfiguration');
      if (lc && lc.value.type !== 'null') return;
      const anchor = prop(c, 'name') ?? prop(c, 'image');
      if (!anchor) return;
      out.push(
        finding(
          this.id,
          anchor,
          `${containerLabel(c, i)} has no logConfiguration; its output is not collected${td.fargate ? ' (Fargate has no host to read docker logs from)' : ''}. Add an awslogs or awsfirelens log configuration.`,
        ),
      );
    });
    return out;
  },
};
