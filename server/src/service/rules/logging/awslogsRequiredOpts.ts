import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { logConfigs } from './logConfigs';

const REQUIRED = ['awslogs-group', 'awslogs-region'];
const FARGATE_REQUIRED = [...REQUIRED, 'awslogs-stream-prefix'];

/** awslogs needs a group and a Region, and on Fargate a stream prefix (cfn-lint E3046). */
export const awslogsRequiredOpts: TaskDefRule = {
  id: 'log/awslogs-required-opts',
  scope: 'taskdef',
  severity: 'error',
  title: 'awslogs option missing',
  docs: {
    what: 'The `awslogs` driver has `awslogs-group` and `awslogs-region` options, and on Fargate `awslogs-stream-prefix`.',
    why: 'The ECS API lists awslogs-group "Required: Yes", awslogs-region "Required: Yes" and awslogs-stream-prefix "Required: Yes, when using Fargate". Without them the container cannot start its log driver (or its logs cannot be found). On EC2 container instances Docker\'s awslogs driver falls back to the instance\'s Region when `awslogs-region` is missing (Docker documentation, awslogs logging driver: "By default, if your Docker daemon is running on an EC2 instance and no region is set, the driver uses the instance\'s region"), so there a missing Region alone is a warning.',
    fix: 'Add the missing options, e.g. `"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"`.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const lc of logConfigs(td)) {
      if (lc.driver !== 'awslogs') continue;
      if (lc.optionsProp && !lc.options) continue; // computed options: not judged
      const required = td.fargate ? FARGATE_REQUIRED : REQUIRED;
      if (lc.options && required.every((k) => prop(lc.options, k))) continue;
      const missing = required.filter((k) => !prop(lc.options, k));
      if (missing.length === 0) continue;
      const at = lc.optionsProp ?? prop(lc.config, 'logDriver') ?? lc.config;
      const why = missing
        .map((k) =>
          k === 'awslogs-stream-prefix' ? `${k} ("Required: Yes, when using Fargate")` : `${k} ("Required: Yes")`,
        )
        .join(', ');
      // Only the Region, on EC2: Docker uses the instance's Region, so the task starts (uncertain: a warning).
      const regionOnly = !td.fargate && missing.length === 1 && missing[0] === 'awslogs-region';
      out.push(
        finding(
          this.id,
          at,
          `${containerLabel(lc.container, lc.containerIndex)}: the awslogs driver is missing ${why}. Add ${missing.length === 1 ? 'it' : 'them'} to logConfiguration.options.${regionOnly ? " On an EC2 container instance Docker falls back to the instance's Region; on Fargate the option is needed." : ''}`,
          regionOnly ? { severity: 'warning' } : {},
        ),
      );
    }
    return out;
  },
};
