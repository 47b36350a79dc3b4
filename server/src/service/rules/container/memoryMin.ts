import { child, num } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

const MIN_MIB = 6;

/** Docker 20.10+ refuses containers with less than 6 MiB of memory. */
export const memoryMin: TaskDefRule = {
  id: 'ctr/memory-min',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Container memory below 6 MiB',
  docs: {
    what: `Container \`memory\` and \`memoryReservation\` are at least ${MIN_MIB} MiB.`,
    why: `Docker 20.10 and later refuse to start a container with less than ${MIN_MIB} MiB (older Docker: 4 MiB). Values are MiB, not GiB: "memory": 2 is 2 MiB.`,
    fix: 'Give the value in MiB, e.g. 512.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      for (const key of ['memory', 'memoryReservation']) {
        const node = child(c, key);
        const v = num(node);
        if (!node || v === undefined || v >= MIN_MIB) continue;
        out.push(
          finding(
            this.id,
            node,
            `${containerLabel(c, i)}: ${key} ${v} MiB is below Docker's minimum of ${MIN_MIB} MiB; the container will not start. Values are in MiB (e.g. 512, not 0.5).`,
          ),
        );
      }
    });
    return out;
  },
};
