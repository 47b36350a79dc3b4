import { child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fargateReason } from './fargateReason';
import { volumeLabel } from './volumes';

/** Fargate bind mounts are task storage; a host path does not exist there. */
export const fargateHostSourcePath: TaskDefRule = {
  id: 'fargate/host-source-path',
  scope: 'taskdef',
  severity: 'error',
  title: 'host.sourcePath is not supported on Fargate',
  docs: {
    what: 'A Fargate task definition declares a bind mount with `host.sourcePath`.',
    why: 'On Fargate there is no host you can address: the API documents `host.sourcePath` as not supported for Fargate tasks. An empty `host: {}` (or no configuration) is a task-scoped bind mount and is fine.',
    fix: "Remove `sourcePath` to get an ephemeral bind mount shared by the task's containers, or use an EFS volume for persistent data.",
  },
  needs: { volume: ['host'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.volumes.forEach((v, i) => {
      const host = child(v, 'host');
      const sp = prop(host, 'sourcePath');
      if (!host || host.type !== 'object' || !sp || sp.value.type === 'null') return;
      out.push(
        finding(
          this.id,
          sp,
          `${volumeLabel(v, i)}: Fargate does not support host.sourcePath${fargateReason(td)}; there is no host path to mount. Remove sourcePath for a task-scoped bind mount, or use an EFS volume.`,
          {
            fixes: [fix('Remove sourcePath (task-scoped bind mount)', [doc.edits.removeProperty(host, sp)], true)],
          },
        ),
      );
    });
    return out;
  },
};
