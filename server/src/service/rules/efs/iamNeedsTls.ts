import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes, enableTlsFixes, iamEnabled, transitEncryption } from './efsVolumes';

/** EFS IAM authorization needs transit encryption. */
export const efsIamNeedsTls: TaskDefRule = {
  id: 'efs/iam-needs-tls',
  scope: 'taskdef',
  severity: 'error',
  title: 'EFS IAM authorization needs transit encryption',
  docs: {
    what: 'An EFS volume with `authorizationConfig.iam: ENABLED` must set `transitEncryption: ENABLED`.',
    why: 'The ECS API: "If it is turned on, transit encryption must be turned on in the EFSVolumeConfiguration" (EFSAuthorizationConfig.iam); RegisterTaskDefinition rejects the volume otherwise.',
    fix: 'Set `transitEncryption` to `ENABLED` (the default is DISABLED).',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const iam = iamEnabled(e);
      if (!iam) continue;
      const tls = transitEncryption(e);
      if (tls.state === 'ENABLED' || tls.state === 'unknown') continue;
      const why =
        'EFS IAM authorization requires transit encryption ("If it is turned on, transit encryption must be turned on in the EFSVolumeConfiguration")';
      const message =
        tls.state === 'mixed'
          ? `${e.label}: transitEncryption can be DISABLED (through ${tls.via ?? 'a condition'}) while IAM authorization is ENABLED; ${why}. Allow only ENABLED.`
          : `${e.label} enables IAM authorization but transitEncryption is ${tls.node ? 'DISABLED' : 'omitted (default DISABLED)'}; ${why}. Set transitEncryption to ENABLED.`;
      out.push(finding(this.id, tls.node ?? iam, message, { fixes: enableTlsFixes(e, doc.edits) }));
    }
    return out;
  },
};
