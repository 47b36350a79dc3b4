import { child, num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding, fix } from '../util';

/** When both are set, the hard `memory` limit is greater than `memoryReservation`. */
export const memoryVsReservation: TaskDefRule = {
  id: 'ctr/memory-vs-reservation',
  scope: 'taskdef',
  severity: 'error',
  title: 'memoryReservation above memory',
  docs: {
    what: 'If a container sets both `memory` (hard limit) and `memoryReservation` (soft limit), `memory` is not lower than the reservation.',
    why: 'A soft limit above the hard limit is rejected at registration. (The API reference says memory must be greater than memoryReservation; equal values are accepted in practice, so only a lower memory is reported.)',
    fix: 'Lower `memoryReservation` or raise `memory` (or drop one of them).',
  },
  needs: { container: ['memoryReservation'] },
  check({ td, doc }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const hard = num(child(c, 'memory'));
      const resP = prop(c, 'memoryReservation');
      const soft = num(resP?.value);
      if (hard === undefined || soft === undefined || !resP || hard >= soft) return;
      out.push(
        finding(
          this.id,
          resP.value,
          `${containerLabel(c, i)}: memoryReservation ${soft} MiB is above the hard limit memory ${hard} MiB; ECS rejects a reservation above the limit. Lower the reservation or raise memory.`,
          {
            fixes: [fix('Remove memoryReservation (keep the hard limit)', [doc.edits.removeProperty(c, resP)])],
          },
        ),
      );
    });
    return out;
  },
};
