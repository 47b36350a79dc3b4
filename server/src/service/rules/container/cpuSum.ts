import { child, num, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { RelatedLocation } from '../../types';
import { containerLabel, finding } from '../util';
import { cpuAlternatives, single } from '../fargate/taskSize';

/** The containers' cpu units fit in the task cpu. */
export const cpuSum: TaskDefRule = {
  id: 'ctr/cpu-sum',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container cpu exceeds task cpu',
  docs: {
    what: "The sum of the containers' `cpu` units is not more than the task-level `cpu`.",
    why: "RegisterTaskDefinition fails with \"The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.\" (equal is accepted).",
    fix: "Raise the task cpu or lower the containers' cpu (or omit container cpu and let containers share the task cpu).",
  },
  check({ td, doc }) {
    if (!td.root || (td.windows && !td.fargate)) return [];
    const cpuP = prop(td.root, 'cpu');
    const taskCpu = single(cpuAlternatives(cpuP?.value));
    if (!cpuP || taskCpu === undefined) return [];
    let sum = 0;
    for (const c of td.containers) sum += num(child(c, 'cpu')) ?? 0;
    if (sum <= taskCpu) return [];
    // Related locations only for a finding (the same sum, with each container's share).
    const related: RelatedLocation[] = [];
    td.containers.forEach((c, i) => {
      const node = child(c, 'cpu');
      const v = num(node);
      if (!node || v === undefined) return;
      related.push({
        uri: doc.uri,
        span: { offset: node.offset, length: node.length },
        message: `${containerLabel(c, i)}: cpu ${v}`,
      });
    });
    return [
      finding(
        this.id,
        cpuP.value,
        `The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu': the containers add up to ${sum} units, the task has ${taskCpu}. Raise the task cpu or lower the containers' cpu.`,
        { related },
      ),
    ];
  },
};
