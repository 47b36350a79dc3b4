import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding, Fix } from '../../types';
import { finding, fix } from '../util';
import { conditional, fargateExtra, viaNote } from '../task/common';
import { FARGATE_CPU_MEMORY, describeMemory, nearestCpu, nearestMemory, rowFor, type CpuRow } from './cpuMemory';
import { cpuAlternatives, memoryAlternatives, sizeValue, type SizeAlt } from './taskSize';

const AWS_MSG = '"Invalid \'cpu\' setting for task."';

function rowsFor(windows: boolean): CpuRow[] {
  return FARGATE_CPU_MEMORY.filter((r) => !windows || (r.cpu >= 1024 && !r.linuxOnly));
}

function fixable(a: SizeAlt): boolean {
  return a.node === a.literal;
}

/** Task `cpu` and `memory` form a combination Fargate offers (the table in editing/facts.ts; sources in docs/rules.md). */
export const cpuMemoryCombo: TaskDefRule = {
  id: 'fargate/cpu-memory-combo',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid Fargate cpu/memory combination',
  docs: {
    what: 'Task-level `cpu` and `memory` (after unit conversion: "1 vCPU" = 1024, "2 GB" = 2048) are a combination Fargate offers.',
    why: `Fargate only runs fixed sizes (256 cpu: 512/1024/2048 MiB; 512: 1–4 GiB; 1024: 2–8 GiB; 2048: 4–16 GiB; 4096: 8–30 GiB; 8192: 16–60 GiB in 4 GiB steps; 16384: 32–120 GiB in 8 GiB steps; 8192/16384 Linux only). Anything else fails with ${AWS_MSG} (Terraform: "No Fargate configuration exists for given values.").`,
    fix: 'Use the nearest valid memory for the cpu, or the smallest cpu that allows the memory.',
  },
  check({ td, doc }) {
    if (!td.fargate || !td.root) return [];
    const cpuP = prop(td.root, 'cpu');
    const memP = prop(td.root, 'memory');
    if (!cpuP || !memP) return [];
    const rows = rowsFor(td.windows);
    const os = td.windows ? 'Windows' : 'Linux';
    const validCpus = rows.map((r) => r.cpu);
    const out: Finding[] = [];
    const mems = memoryAlternatives(memP.value);
    // Two conditional values (parameters with AllowedValues, Fn::If) pair up in ways nobody deploys;
    // judge only when at most one side varies, and then as a warning naming the parameter.
    const cpuVaries = conditional(cpuP.value);
    const memVaries = conditional(memP.value);
    if (cpuVaries && memVaries) return [];
    const severity = cpuVaries || memVaries ? ({ severity: 'warning' } as const) : {};
    for (const c of cpuAlternatives(cpuP.value)) {
      if (c.value === undefined) continue;
      const row = rows.find((r) => r.cpu === c.value);
      if (!row) {
        // Windows cpu below 1 vCPU is fargate/windows-min-cpu's finding.
        if (td.windows && c.value < 1024 && rowFor(c.value)) continue;
        const memValue = mems.length === 1 ? mems[0].value : undefined;
        const fixes: Fix[] = [];
        if (fixable(c)) {
          const forMem = memValue !== undefined ? rows.find((r) => r.memory.includes(memValue)) : undefined;
          if (forMem)
            fixes.push(
              fix(
                `Set cpu to ${forMem.cpu} (fits memory ${memValue} MiB)`,
                [doc.edits.replaceValue(c.node, sizeValue(c.literal, forMem.cpu))],
                true,
              ),
            );
          else {
            const target = nearestCpu(c.value);
            const near = rows.find((r) => r.cpu === target) ?? rows[0];
            const edits = [doc.edits.replaceValue(c.node, sizeValue(c.literal, near.cpu))];
            if (mems.length === 1 && fixable(mems[0]) && memValue !== undefined)
              edits.push(
                doc.edits.replaceValue(mems[0].node, sizeValue(mems[0].literal, nearestMemory(near.cpu, memValue)!)),
              );
            fixes.push(
              fix(
                `Set cpu to ${near.cpu}${memValue !== undefined && edits.length > 1 ? ` and memory to ${nearestMemory(near.cpu, memValue)}` : ''}`,
                edits,
              ),
            );
          }
        }
        const why = td.windows && rowFor(c.value) ? ` ${c.value} cpu units are offered for Linux only.` : '';
        out.push(
          finding(
            this.id,
            c.node,
            `${AWS_MSG} Task cpu '${c.raw}'${viaNote(c.via)} is not a Fargate size; ${os} Fargate cpu must be one of ${validCpus.join(', ')} (1024 = 1 vCPU).${why}`,
            {
              ...fargateExtra(td),
              ...severity,
              fixes,
            },
          ),
        );
        continue;
      }
      for (const m of mems) {
        if (m.value === undefined || row.memory.includes(m.value)) continue;
        const fixes: Fix[] = [];
        if (fixable(m)) {
          const near = nearestMemory(row.cpu, m.value)!;
          fixes.push(
            fix(
              `Set memory to ${near} (nearest valid for cpu ${row.cpu})`,
              [doc.edits.replaceValue(m.node, sizeValue(m.literal, near))],
              true,
            ),
          );
        }
        const forMem = rows.find((r) => r.memory.includes(m.value!));
        if (forMem && fixable(c))
          fixes.push(
            fix(`Set cpu to ${forMem.cpu} (fits memory ${m.value} MiB)`, [
              doc.edits.replaceValue(c.node, sizeValue(c.literal, forMem.cpu)),
            ]),
          );
        const unit = m.raw === String(m.value) ? '' : ` (= ${m.value} MiB)`;
        out.push(
          finding(
            this.id,
            m.node,
            `${AWS_MSG} No Fargate configuration exists for cpu ${row.cpu}${c.via ? viaNote(c.via) : ''} with memory '${m.raw}'${unit}${viaNote(m.via)}: cpu ${row.cpu} allows ${describeMemory(row)}.${forMem ? ` Memory ${m.value} needs cpu ${forMem.cpu}.` : ''}`,
            {
              ...fargateExtra(td),
              ...severity,
              fixes,
            },
          ),
        );
      }
    }
    return out;
  },
};
