import { child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { checkEnum } from '../task/common';
import { mappings } from './mappings';

/** Port mapping `appProtocol` is `http`, `http2` or `grpc` (lower case). */
export const appProtocol: TaskDefRule = {
  id: 'port/app-protocol',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid appProtocol',
  docs: {
    what: "A port mapping's `appProtocol` (used by Service Connect) is `http`, `http2` or `grpc`, in lower case.",
    why: 'The API enumerates these lower-case values (the 2023 developer guide showed upper case, which the API rejects).',
    fix: 'Write `http`, `http2` or `grpc` in lower case.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const m of mappings(td)) {
      out.push(
        ...checkEnum({
          ruleId: this.id,
          doc,
          node: child(m.mapping, 'appProtocol'),
          allowed: ['http', 'http2', 'grpc'],
          what: `${m.label}: appProtocol`,
          why: 'RegisterTaskDefinition rejects it.',
        }),
      );
    }
    return out;
  },
};
