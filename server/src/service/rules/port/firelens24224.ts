import { at, child, num, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { mappings } from './mappings';

/** Port 24224 (Fluentd forward) exposed in a task that uses FireLens. */
export const firelens24224: TaskDefRule = {
  id: 'port/firelens-24224',
  scope: 'taskdef',
  severity: 'warning',
  title: 'FireLens port 24224 exposed',
  docs: {
    what: 'A task using FireLens does not map port 24224.',
    why: "FireLens' log router listens on 24224 (Fluentd forward protocol) inside the task; exposing it lets anyone who reaches the task inject log records, and it can clash with the router.",
    fix: 'Remove the 24224 port mapping; the containers of the task reach the router on localhost without it.',
  },
  check({ td }) {
    const usesFirelens =
      td.containers.some(
        (c) => prop(c, 'firelensConfiguration') && child(c, 'firelensConfiguration')?.type !== 'null',
      ) || td.containers.some((c) => str(at(c, 'logConfiguration', 'logDriver')) === 'awsfirelens');
    if (!usesFirelens) return [];
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      const p = prop(m.mapping, 'containerPort');
      if (p && num(p.value) === 24224)
        out.push(
          finding(
            this.id,
            p.value,
            `${m.label}: port 24224 is FireLens' Fluentd forward port; mapping it exposes the log router to the network. Remove the mapping unless you mean to accept logs from outside the task.`,
          ),
        );
    }
    return out;
  },
};
