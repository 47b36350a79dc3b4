import { child, num, str } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { parseMemory } from '../fargate/cpuMemory';
import { finding } from '../util';
import { execFlag, related } from './execLaunch';

/** Advice: the ECS Exec agent needs some of the task's memory. */
export const execResources: LaunchRule = {
  id: 'exec/resources',
  scope: 'launch',
  severity: 'info',
  title: 'Leave headroom for the ECS Exec agent',
  docs: {
    what: 'ECS Exec is enabled for a task definition whose containers reserve all of the task memory.',
    why: 'The SSM agent and each exec session run inside the task and use its CPU and memory; with no headroom, sessions can push containers into out-of-memory kills.',
    fix: 'Leave some task memory unreserved by the containers, or raise the task memory.',
  },
  check({ launch, targets }) {
    const flag = execFlag(launch);
    if (!flag) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      if (!t.td.root) continue;
      const memNode = child(t.td.root, 'memory');
      const taskMem = parseMemory(str(memNode) ?? num(memNode));
      if (!memNode || taskMem === undefined) continue;
      let sum = 0;
      let known = true;
      for (const c of t.td.containers) {
        const m = num(child(c, 'memory')) ?? num(child(c, 'memoryReservation'));
        if (m === undefined) known = false;
        else sum += m;
      }
      if (!known || sum < taskMem) continue;
      out.push(
        finding(
          this.id,
          flag,
          `ECS Exec is enabled, but the containers of '${t.td.label}' reserve all ${taskMem} MiB of task memory; the SSM agent and exec sessions need some headroom.`,
          {
            related: [related(t, memNode, `task memory ${taskMem} MiB`)],
          },
        ),
      );
    }
    return out;
  },
};
