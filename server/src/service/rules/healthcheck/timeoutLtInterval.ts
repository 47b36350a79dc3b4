import { child, num } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { healthChecks } from './range';

/** A timeout as long as the interval means checks overlap or run back to back. */
export const hcTimeoutLtInterval: TaskDefRule = {
  id: 'hc/timeout-lt-interval',
  scope: 'taskdef',
  severity: 'info',
  title: 'Health-check timeout not shorter than interval',
  docs: {
    what: '`healthCheck.timeout` (default 5) is greater than or equal to `interval` (default 30).',
    why: 'A check that may run as long as the interval leaves no gap between checks; usually the two values were swapped.',
    fix: 'Make the timeout shorter than the interval.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const { c, i, hc } of healthChecks(td.containers)) {
      const tNode = child(hc, 'timeout');
      const iNode = child(hc, 'interval');
      if ((tNode && num(tNode) === undefined) || (iNode && num(iNode) === undefined)) continue;
      const timeout = num(tNode) ?? 5;
      const interval = num(iNode) ?? 30;
      if (timeout < interval) continue;
      out.push(
        finding(
          this.id,
          tNode ?? iNode!,
          `${containerLabel(c, i)}: health-check timeout ${timeout}s is not shorter than the interval ${interval}s; checks would run back to back. Did you swap them?`,
        ),
      );
    }
    return out;
  },
};
