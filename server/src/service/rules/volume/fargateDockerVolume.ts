import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { fargateReason } from './fargateReason';
import { volumeLabel } from './volumes';
import { prop } from '../../documents/ast';

/** Fargate has no Docker volume drivers. */
export const fargateDockerVolume: TaskDefRule = {
  id: 'fargate/docker-volume',
  scope: 'taskdef',
  severity: 'error',
  title: 'Docker volumes are not supported on Fargate',
  docs: {
    what: 'A Fargate task definition declares a volume with `dockerVolumeConfiguration`.',
    why: 'Fargate does not support Docker volumes (volume drivers, scope, autoprovision); registration for FARGATE or the launch fails.',
    fix: 'Use an empty bind mount (`host: {}` or no configuration) for scratch space shared between containers, or an EFS volume for persistent data.',
  },
  needs: { volume: ['dockerVolumeConfiguration'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.volumes.forEach((v, i) => {
      const p = prop(v, 'dockerVolumeConfiguration');
      if (!p || p.value.type === 'null') return;
      out.push(
        finding(
          this.id,
          p,
          `${volumeLabel(v, i)}: Fargate does not support Docker volumes (dockerVolumeConfiguration)${fargateReason(td)}. Use a bind mount (ephemeral, shared between containers) or an EFS volume (persistent).`,
          {
            fixes: [
              fix('Remove dockerVolumeConfiguration (use a task-scoped bind mount)', [doc.edits.removeProperty(v, p)]),
            ],
          },
        ),
      );
    });
    return out;
  },
};
