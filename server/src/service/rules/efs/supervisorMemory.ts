import { child, num, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { parseMemory } from '../fargate/cpuMemory';
import { finding } from '../util';
import { efsVolumes } from './efsVolumes';

/** Advice: with EFS on Fargate, a supervisor container shares the task's memory. */
export const efsSupervisorMemory: TaskDefRule = {
  id: 'efs/supervisor-memory',
  scope: 'taskdef',
  severity: 'info',
  title: 'Leave memory headroom for the EFS supervisor',
  docs: {
    what: 'A Fargate task definition with EFS volumes whose containers reserve all of the task memory.',
    why: 'With EFS volumes Fargate adds a hidden `aws-fargate-supervisor` container that uses task memory; when the containers claim all of it, they can be OOM-killed under load.',
    fix: "Lower the containers' `memory`/`memoryReservation`, or raise the task `memory`.",
  },
  check({ td }) {
    if (!td.fargate || !td.root) return [];
    const vols = efsVolumes(td);
    if (vols.length === 0) return [];
    const taskMemNode = child(td.root, 'memory');
    const taskMem = parseMemory(str(taskMemNode) ?? num(taskMemNode));
    if (taskMem === undefined) return [];
    let sum = 0;
    for (const c of td.containers) {
      const m = num(child(c, 'memory')) ?? num(child(c, 'memoryReservation'));
      if (m === undefined) return []; // a container without a limit leaves headroom by itself
      sum += m;
    }
    if (sum < taskMem) return [];
    const out: Finding[] = [];
    out.push(
      finding(
        this.id,
        vols[0].key,
        `The containers reserve all ${taskMem} MiB of task memory (${sum} MiB), but with EFS volumes Fargate also runs the aws-fargate-supervisor container in the task's memory. Leave some headroom.`,
      ),
    );
    return out;
  },
};
