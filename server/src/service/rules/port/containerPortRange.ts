import { prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { given } from '../task/common';
import { mappings } from './mappings';

const RANGE = /^(\d+)-(\d+)$/;
const MAX_RANGES = 100;

/** `containerPortRange`: "start-end" within 1–65535, no hostPort, bridge/awsvpc only, ≤100 per container, no overlaps. */
export const containerPortRange: TaskDefRule = {
  id: 'port/container-port-range',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid containerPortRange',
  docs: {
    what: '`containerPortRange` is "start-end" with 1 ≤ start < end ≤ 65535, the mapping has no `hostPort` and no `containerPort`, the network mode is bridge or awsvpc, a container has at most 100 ranges, and ranges do not overlap.',
    why: "These are the API's conditions for port ranges; ECS assigns the host ports itself.",
    fix: 'Write the range as "8000-8100", remove hostPort, and split or merge overlapping ranges.',
  },
  check({ td }) {
    const out: Finding[] = [];
    const perContainer = new Map<object, { start: number; end: number; count: number }[]>();
    for (const m of mappings(td)) {
      const p = prop(m.mapping, 'containerPortRange');
      if (!p) continue;
      const v = str(p.value);
      if (td.networkMode !== undefined && td.networkMode !== 'bridge' && td.networkMode !== 'awsvpc') {
        out.push(
          finding(
            this.id,
            p,
            `${m.label}: containerPortRange needs networkMode bridge or awsvpc (this task uses '${td.networkMode}').`,
          ),
        );
      }
      const host = given(m.mapping, 'hostPort');
      if (host)
        out.push(
          finding(
            this.id,
            host,
            `${m.label}: a mapping with containerPortRange must not set hostPort; ECS assigns the host ports.`,
          ),
        );
      const cport = given(m.mapping, 'containerPort');
      if (cport)
        out.push(
          finding(this.id, cport, `${m.label}: a mapping sets either containerPort or containerPortRange, not both.`),
        );
      if (v === undefined) continue;
      const r = RANGE.exec(v.trim());
      const start = r ? Number(r[1]) : NaN;
      const end = r ? Number(r[2]) : NaN;
      if (!r || start < 1 || end > 65535 || start >= end) {
        out.push(
          finding(
            this.id,
            p.value,
            `${m.label}: containerPortRange '${v}' must be "start-end" with 1 ≤ start < end ≤ 65535.`,
          ),
        );
        continue;
      }
      const list = perContainer.get(m.container) ?? [];
      perContainer.set(m.container, list);
      const clash = list.find((o) => start <= o.end && o.start <= end);
      if (clash)
        out.push(
          finding(
            this.id,
            p.value,
            `${m.label}: containerPortRange ${v} overlaps ${clash.start}-${clash.end}; each port may be in one mapping only.`,
          ),
        );
      list.push({ start, end, count: list.length + 1 });
      if (list.length === MAX_RANGES + 1)
        out.push(
          finding(
            this.id,
            p,
            `${m.label}: more than ${MAX_RANGES} containerPortRange mappings; ECS allows at most ${MAX_RANGES} per container.`,
          ),
        );
    }
    return out;
  },
};
