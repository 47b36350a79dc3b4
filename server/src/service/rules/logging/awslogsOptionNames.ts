import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';
import { logConfigs } from './logConfigs';

/** The awslogs options ECS documents (the same list cfn-lint E3046 accepts). */
const DOCUMENTED = [
  'awslogs-create-group',
  'awslogs-datetime-format',
  'awslogs-group',
  'awslogs-multiline-pattern',
  'awslogs-region',
  'awslogs-stream-prefix',
  'mode',
  'max-buffer-size',
];
/** Options of Docker's awslogs driver that ECS does not document: may work on EC2, not guaranteed. */
const DOCKER_ONLY = [
  'awslogs-endpoint',
  'awslogs-stream',
  'awslogs-force-flush-interval-seconds',
  'awslogs-max-buffered-events',
  'awslogs-format',
  'awslogs-credentials-endpoint',
  'tag',
  'awslogs-create-stream',
];

/** Unknown awslogs option names: usually typos, which the driver rejects or ignores. */
export const awslogsOptionNames: TaskDefRule = {
  id: 'log/awslogs-option-names',
  scope: 'taskdef',
  severity: 'error',
  title: 'Unknown awslogs option',
  docs: {
    what: 'An `awslogs` option that ECS does not document: awslogs-create-group, awslogs-datetime-format, awslogs-group, awslogs-multiline-pattern, awslogs-region, awslogs-stream-prefix, mode, max-buffer-size.',
    why: 'Docker\'s awslogs driver refuses options it does not know, so a misspelt option stops the container from starting: the task stops with "Log driver awslogs disallows options: <name>" (error). Options Docker\'s driver has but ECS does not document (awslogs-endpoint, tag, ...) may work on EC2 and are not guaranteed on Fargate: warning.',
    fix: 'Correct the spelling (the quick fix suggests the closest option) or remove the option.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      if (lc.driver !== 'awslogs' || !lc.options) continue;
      for (const p of lc.options.properties) {
        if (DOCUMENTED.includes(p.key)) continue;
        const label = containerLabel(lc.container, lc.containerIndex);
        if (DOCKER_ONLY.includes(p.key)) {
          out.push(
            finding(
              this.id,
              p,
              `${label}: awslogs option '${p.key}' is a Docker option that ECS does not document; it may be rejected on Fargate. Prefer the documented options.`,
              { severity: 'warning' },
            ),
          );
          continue;
        }
        const near = closest(p.key, DOCUMENTED);
        out.push(
          finding(
            this.id,
            p,
            `${label}: '${p.key}' is not an awslogs option (known: ${DOCUMENTED.join(', ')}); Docker refuses unknown log options ("Log driver awslogs disallows options: ${p.key}"), so the container would not start.${near ? ` Did you mean '${near}'?` : ''}`,
            {
              fixes: near ? [fix(`Rename to '${near}'`, [doc.edits.replaceKey(p, near)], true)] : [],
            },
          ),
        );
      }
    }
    return out;
  },
};
