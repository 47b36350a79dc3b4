import { child, num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { given } from '../task/common';

const EC2_LIKE = ['EC2', 'EXTERNAL'];

/** On EC2 without task-level memory, each container sets `memory` or `memoryReservation`. */
export const ec2MemoryRequired: TaskDefRule = {
  id: 'ctr/ec2-memory-required',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container memory required on EC2',
  docs: {
    what: 'An EC2 task definition without task-level `memory` gives every container `memory` or `memoryReservation`.',
    why: "ECS needs a memory figure to place the task on an instance: \"Invalid setting for container 'x'. At least one of 'memory' or 'memoryReservation' must be specified.\"",
    fix: 'Add `memoryReservation` (soft limit, e.g. 256) or `memory` (hard limit) to the container, or set task-level `memory`.',
  },
  check({ td }) {
    if (!td.root || td.fargate) return [];
    const compat = prop(td.root, 'requiresCompatibilities');
    if (
      compat &&
      (compat.value.unknown || !td.compatibilities || td.compatibilities.some((c) => !EC2_LIKE.includes(c)))
    )
      return [];
    if (given(td.root, 'memory')) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const m = child(c, 'memory');
      const r = child(c, 'memoryReservation');
      if ((m && (m.unknown || num(m) !== undefined)) || (r && (r.unknown || num(r) !== undefined))) return;
      const anchor = prop(c, 'name')?.value ?? { offset: c.offset, length: 1 };
      out.push(
        finding(
          this.id,
          anchor,
          `Invalid setting for ${containerLabel(c, i)}. At least one of 'memory' or 'memoryReservation' must be specified (the task has no task-level memory). Add "memoryReservation" (e.g. 256) or task-level "memory".`,
        ),
      );
    });
    return out;
  },
};
