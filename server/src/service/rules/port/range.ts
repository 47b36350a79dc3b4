import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { viaNote } from '../task/common';
import { mappings } from './mappings';

/** The port members and their lowest value (hostPort 0: a dynamic host port). */
const PORTS = [
  ['containerPort', 1],
  ['hostPort', 0],
] as const;

/** `containerPort` is 1–65535 and `hostPort` 0–65535. */
export const portRange: TaskDefRule = {
  id: 'port/range',
  scope: 'taskdef',
  severity: 'error',
  title: 'Port number out of range',
  docs: {
    what: '`containerPort` is an integer from 1 to 65535; `hostPort` from 0 to 65535 (0 = dynamic host port in bridge mode).',
    why: 'The API rejects port numbers outside the TCP/UDP range.',
    fix: 'Use a valid port number.',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      for (const [key, min] of PORTS) {
        for (const alt of alternatives(prop(m.mapping, key)?.value)) {
          const v = alt.value.value;
          const n =
            typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : undefined;
          if (n === undefined || (Number.isInteger(n) && n >= min && n <= 65535)) continue;
          out.push(
            finding(
              this.id,
              alt.node,
              `${m.label}: ${key} ${String(v)}${viaNote(alt.via)} is out of range; ports are ${min}–65535.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
