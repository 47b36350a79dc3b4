import { alternatives, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { accessPoint, efsVolumes } from './efsVolumes';

/** With an access point, the access point's own root directory applies; `rootDirectory` must be `/` or omitted. */
export const efsApRootDir: TaskDefRule = {
  id: 'efs/ap-root-dir',
  scope: 'taskdef',
  severity: 'error',
  title: 'rootDirectory set together with an EFS access point',
  docs: {
    what: 'An EFS volume with an access point must omit `rootDirectory` or set it to `/`.',
    why: 'The ECS API: "If an EFS access point is specified in the authorizationConfig, the root directory parameter must either be omitted or set to / which will enforce the path set on the EFS access point." RegisterTaskDefinition rejects other values.',
    fix: 'Remove `rootDirectory` and set the directory on the access point instead (its root directory path).',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      if (!accessPoint(e)) continue;
      const p = prop(e.efs, 'rootDirectory');
      if (!p) continue;
      for (const alt of alternatives(p.value)) {
        const v = alt.value.value;
        if (alt.value.type !== 'string' || v === '/' || v === '') continue;
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${e.label}: rootDirectory '${String(v)}'${via} cannot be combined with an access point; the access point's root directory applies ("the root directory parameter must either be omitted or set to /"). Remove rootDirectory and set the path on the access point.`,
            {
              fixes: [
                fix(
                  'Remove rootDirectory (the access point sets the directory)',
                  [doc.edits.removeProperty(e.efs, p)],
                  true,
                ),
              ],
            },
          ),
        );
        break;
      }
    }
    return out;
  },
};
