import { num, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, lineOf } from '../util';
import { mappings } from './mappings';

/** The same port/protocol is not mapped twice where it would clash. */
export const duplicate: TaskDefRule = {
  id: 'port/duplicate',
  scope: 'taskdef',
  severity: 'error',
  title: 'Port mapped twice',
  docs: {
    what: 'With awsvpc or host networking no containerPort/protocol pair appears twice in the task (the containers share one network interface); with bridge no fixed hostPort/protocol pair appears twice.',
    why: 'Two mappings of the same port on one interface cannot both bind; the API rejects duplicates, or the task fails to start with a port conflict.',
    fix: 'Remove the duplicate mapping or use different ports.',
  },
  check({ td, doc }) {
    const mode = td.networkMode;
    if (mode === undefined || mode === 'none') return [];
    const shared = mode === 'awsvpc' || mode === 'host';
    const out: Finding[] = [];
    const seen = new Map<string, { offset: number; length: number }>();
    for (const m of mappings(td)) {
      const portP = prop(m.mapping, shared ? 'containerPort' : 'hostPort');
      const port = num(portP?.value);
      if (!portP || port === undefined || port === 0) continue;
      const protoNode = prop(m.mapping, 'protocol')?.value;
      const proto = protoNode ? str(protoNode)?.toLowerCase() : 'tcp';
      if (proto === undefined) continue;
      const key = `${port}/${proto}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, portP.value);
        continue;
      }
      const what = shared ? `containerPort ${key}` : `hostPort ${key}`;
      const why = shared
        ? `with networkMode '${mode}' all containers share one network interface`
        : 'a host port can be bound once';
      out.push(
        finding(
          this.id,
          portP.value,
          `${m.label}: ${what} is already mapped on line ${lineOf(doc, first.offset)}; ${why}. Remove the duplicate or use another port.`,
          {
            related: [{ uri: doc.uri, span: first, message: `first mapping of ${key}` }],
          },
        ),
      );
    }
    return out;
  },
};
