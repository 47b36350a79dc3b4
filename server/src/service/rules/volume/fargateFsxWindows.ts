import { prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { fargateReason } from './fargateReason';
import { volumeLabel } from './volumes';

/** FSx for Windows File Server volumes need EC2 (domain-joined Windows container instances). */
export const fargateFsxWindows: TaskDefRule = {
  id: 'fargate/fsx-windows',
  scope: 'taskdef',
  severity: 'error',
  title: 'FSx for Windows volumes are not supported on Fargate',
  docs: {
    what: 'A Fargate task definition declares a `fsxWindowsFileServerVolumeConfiguration` volume.',
    why: 'FSx for Windows File Server volumes are supported only on EC2 Windows container instances, not on Fargate (Linux or Windows).',
    fix: 'Run the task on EC2 Windows instances, or use another storage option on Fargate (EFS on Linux).',
  },
  needs: { volume: ['fsxWindowsFileServerVolumeConfiguration'] },
  check({ td }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.volumes.forEach((v, i) => {
      const p = prop(v, 'fsxWindowsFileServerVolumeConfiguration');
      if (!p || p.value.type === 'null') return;
      out.push(
        finding(
          this.id,
          p,
          `${volumeLabel(v, i)}: FSx for Windows File Server volumes are not supported on Fargate${fargateReason(td)}; they need EC2 Windows container instances.`,
        ),
      );
    });
    return out;
  },
};
