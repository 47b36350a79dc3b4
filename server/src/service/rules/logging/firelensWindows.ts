import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { logConfigs } from './logConfigs';

/** FireLens is not available for Windows tasks. */
export const firelensWindows: TaskDefRule = {
  id: 'firelens/windows',
  scope: 'taskdef',
  severity: 'error',
  title: 'FireLens is not supported on Windows',
  docs: {
    what: 'A Windows task definition uses `firelensConfiguration` or the `awsfirelens` log driver.',
    why: 'The Amazon ECS Developer Guide ("Amazon ECS task definition differences for Windows containers on Fargate" and the FireLens considerations) lists FireLens (custom log routing) as supported for Linux containers only; Windows tasks cannot use it.',
    fix: 'Use the `awslogs` driver for Windows containers.',
  },
  needs: { container: ['firelensConfiguration', 'logConfiguration'] },
  check({ td }) {
    if (!td.windows) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const p = prop(c, 'firelensConfiguration');
      if (p && p.value.type !== 'null')
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: FireLens is not supported for Windows containers; use the awslogs log driver.`,
          ),
        );
    });
    for (const lc of logConfigs(td)) {
      if (lc.driver === 'awsfirelens')
        out.push(
          finding(
            this.id,
            lc.driverNode!,
            `${containerLabel(lc.container, lc.containerIndex)}: the awsfirelens log driver is not supported for Windows containers; use awslogs.`,
          ),
        );
    }
    return out;
  },
};
