import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { accessPoint, efsVolumes, enableTlsFixes, transitEncryption } from './efsVolumes';

/** An EFS access point can only be used with transit encryption. */
export const efsApNeedsTls: TaskDefRule = {
  id: 'efs/ap-needs-tls',
  scope: 'taskdef',
  severity: 'error',
  title: 'EFS access point needs transit encryption',
  docs: {
    what: 'An EFS volume with `authorizationConfig.accessPointId` must set `transitEncryption: ENABLED`.',
    why: 'The ECS API (EFSAuthorizationConfig.accessPointId): "If an access point is used, transit encryption must be on in the EFSVolumeConfiguration." RegisterTaskDefinition rejects the volume otherwise.',
    fix: 'Set `transitEncryption` to `ENABLED` (the default is DISABLED).',
  },
  check({ td, doc }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const ap = accessPoint(e);
      if (!ap) continue;
      const tls = transitEncryption(e);
      if (tls.state === 'ENABLED' || tls.state === 'unknown') continue;
      const why =
        '"If an access point is used, transit encryption must be on" (ECS API); RegisterTaskDefinition rejects the volume otherwise';
      const message =
        tls.state === 'mixed'
          ? `${e.label}: transitEncryption can be DISABLED (through ${tls.via ?? 'a condition'}) while an access point is set; ${why}. Allow only ENABLED.`
          : `${e.label} uses an access point but transitEncryption is ${tls.node ? 'DISABLED' : 'omitted (default DISABLED)'}; ${why}. Set transitEncryption to ENABLED.`;
      out.push(finding(this.id, tls.node ?? ap, message, { fixes: enableTlsFixes(e, doc.edits) }));
    }
    return out;
  },
};
