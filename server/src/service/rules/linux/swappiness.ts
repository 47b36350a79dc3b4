import { child, num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { given } from '../task/common';

/** `swappiness` is 0–100 and only has an effect together with `maxSwap`. */
export const swappiness: TaskDefRule = {
  id: 'linux/swappiness',
  scope: 'taskdef',
  severity: 'warning',
  title: 'swappiness out of range or without maxSwap',
  docs: {
    what: '`linuxParameters.swappiness` is 0–100 and is set together with `maxSwap`.',
    why: 'The API accepts 0–100; without maxSwap the setting is ignored (the default swappiness is 60). Amazon Linux 2023 ECS AMIs do not support swap at all.',
    fix: 'Set `maxSwap` too, or remove `swappiness`.',
  },
  needs: { container: ['linuxParameters'] },
  check({ td }) {
    // Fargate has no swap: fargate/linux-params-unsupported reports it.
    if (td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const lp = child(c, 'linuxParameters');
      const p = given(lp, 'swappiness');
      if (!p) return;
      const v = num(p.value);
      if (v !== undefined && (v < 0 || v > 100 || !Number.isInteger(v)))
        out.push(
          finding(
            this.id,
            p.value,
            `${containerLabel(c, i)}: swappiness ${v} is out of range; use an integer from 0 to 100.`,
          ),
        );
      if (!prop(lp, 'maxSwap') || child(lp, 'maxSwap')?.type === 'null')
        out.push(
          finding(
            this.id,
            p,
            `${containerLabel(c, i)}: swappiness has no effect without maxSwap. Set maxSwap or remove swappiness.`,
          ),
        );
    });
    return out;
  },
};
