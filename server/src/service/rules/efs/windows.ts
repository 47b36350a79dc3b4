import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes } from './efsVolumes';

/** EFS volumes are not supported for Windows tasks on Fargate. */
export const efsWindows: TaskDefRule = {
  id: 'efs/windows',
  scope: 'taskdef',
  severity: 'error',
  title: 'EFS volumes are not supported on Windows Fargate',
  docs: {
    what: 'A Windows task definition that runs on Fargate declares an EFS volume.',
    why: 'Fargate Windows platform version 1.0.0 does not support EFS volumes (Amazon EFS is for Linux tasks); the task cannot be launched with it.',
    fix: 'Use a Linux task definition for EFS, or FSx for Windows File Server on EC2 Windows instances.',
  },
  check({ td }) {
    if (!td.windows || !td.fargate) return [];
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      out.push(
        finding(
          this.id,
          e.key,
          `${e.label}: EFS volumes are not supported for Windows tasks on Fargate (only Linux tasks can mount EFS). Use a Linux task definition, or FSx for Windows File Server on EC2.`,
        ),
      );
    }
    return out;
  },
};
