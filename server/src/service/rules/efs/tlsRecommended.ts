import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { accessPoint, efsVolumes, enableTlsFixes, iamEnabled, transitEncryption } from './efsVolumes';

/** Advice: encrypt EFS traffic in transit (AWS Config ecs-task-definition-efs-encryption-enabled). */
export const efsTlsRecommended: TaskDefRule = {
  id: 'efs/tls-recommended',
  scope: 'taskdef',
  severity: 'info',
  title: 'EFS transit encryption is off',
  docs: {
    what: 'An EFS volume does not enable `transitEncryption` (the default is DISABLED).',
    why: 'NFS traffic between the task and EFS then crosses the VPC unencrypted; AWS Config (ecs-task-definition-efs-encryption-enabled) and most compliance baselines flag it. Access points and IAM authorization also require it.',
    fix: 'Set `transitEncryption` to `ENABLED`.',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      // With an access point or IAM the error rules (efs/ap-needs-tls, efs/iam-needs-tls) already say it.
      if (accessPoint(e) || iamEnabled(e)) continue;
      const tls = transitEncryption(e);
      if (tls.state !== 'DISABLED') continue;
      out.push(
        finding(
          this.id,
          tls.node ?? e.key,
          `${e.label}: EFS traffic is not encrypted in transit (transitEncryption ${tls.node ? 'DISABLED' : 'omitted, default DISABLED'}). Consider ENABLED; AWS Config flags unencrypted EFS volumes.`,
          {
            fixes: enableTlsFixes(e, doc.edits),
          },
        ),
      );
    }
    return out;
  },
};
