import { child, num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fargateExtra, fargateWhy, missingAnchor } from '../task/common';
import { FARGATE_CPU_MEMORY, cpuForMemory, rowFor } from './cpuMemory';
import { cpuAlternatives, memoryAlternatives, single } from './taskSize';

/** Smallest Fargate (cpu, memory) that holds the containers' own cpu and memory figures. */
function smallestFitting(cpuNeed: number, memNeed: number, windows: boolean): { cpu: number; memory: number } {
  for (const row of FARGATE_CPU_MEMORY) {
    if (row.cpu < cpuNeed || (windows && (row.cpu < 1024 || row.linuxOnly))) continue;
    const memory = row.memory.find((m) => m >= memNeed);
    if (memory !== undefined) return { cpu: row.cpu, memory };
  }
  return windows ? { cpu: 1024, memory: 2048 } : { cpu: 256, memory: 512 };
}

/** Fargate needs task-level `cpu` and `memory`. */
export const taskCpuMemoryRequired: TaskDefRule = {
  id: 'fargate/task-cpu-memory-required',
  scope: 'taskdef',
  severity: 'error',
  title: 'Fargate requires task-level cpu and memory',
  docs: {
    what: 'A Fargate task definition sets task-level `cpu` and `memory`.',
    why: 'Fargate sizes the task from them; RegisterTaskDefinition fails with "Fargate requires that \'cpu\' be defined at the task level." (and likewise for memory).',
    fix: 'Add `cpu` and `memory` with a valid Fargate combination, e.g. `"cpu": "256", "memory": "512"`.',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const root = td.root;
    const cpuP = prop(root, 'cpu');
    const memP = prop(root, 'memory');
    const hasCpu = !!cpuP && cpuP.value.type !== 'null';
    const hasMem = !!memP && memP.value.type !== 'null';
    if (hasCpu && hasMem) return [];
    const sum = (key: string) => td.containers.reduce((a, c) => a + (num(child(c, key)) ?? 0), 0);
    const fit = smallestFitting(sum('cpu'), Math.max(sum('memory'), sum('memoryReservation')), td.windows);
    const cpuNow = single(cpuAlternatives(cpuP?.value));
    const memNow = single(memoryAlternatives(memP?.value));
    const out: Finding[] = [];
    const anchor = missingAnchor(td, doc);
    const put = (key: 'cpu' | 'memory', value: string) => {
      const p = key === 'cpu' ? cpuP : memP;
      return p ? doc.edits.replaceValue(p.value, value) : doc.edits.addProperty(root, doc.edits.key(key), value);
    };
    if (!hasCpu) {
      const cpu = memNow !== undefined ? (cpuForMemory(memNow) ?? fit.cpu) : fit.cpu;
      out.push(
        finding(
          this.id,
          cpuP ?? anchor,
          `Fargate requires that 'cpu' be defined at the task level.${hasMem ? '' : ' Task-level memory is missing too.'} (${fargateWhy(td)}.) Add "cpu"${hasMem ? '' : ' and "memory"'} with a Fargate size, e.g. "${cpu}"${hasMem ? '' : ` / "${fit.memory}"`}.`,
          {
            ...fargateExtra(td),
            fixes: [
              fix(
                `Add task cpu "${cpu}"${hasMem ? '' : ` and memory "${fit.memory}"`}`,
                hasMem ? [put('cpu', String(cpu))] : [put('cpu', String(cpu)), put('memory', String(fit.memory))],
              ),
            ],
          },
        ),
      );
    }
    if (!hasMem && hasCpu) {
      const row = cpuNow !== undefined ? rowFor(cpuNow) : undefined;
      const memory = row ? (row.memory.find((m) => m >= fit.memory) ?? row.memory[row.memory.length - 1]) : fit.memory;
      out.push(
        finding(
          this.id,
          memP ?? anchor,
          `Fargate requires that 'memory' be defined at the task level. (${fargateWhy(td)}.) Add "memory" valid for the task cpu, e.g. "${memory}".`,
          {
            ...fargateExtra(td),
            fixes: [fix(`Add task memory "${memory}"`, [put('memory', String(memory))])],
          },
        ),
      );
    }
    return out;
  },
};
