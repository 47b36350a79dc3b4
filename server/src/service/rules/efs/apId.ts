import { alternatives, at } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes } from './efsVolumes';

const AP_ID = /^(arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:access-point\/fsap-[0-9a-f]{8,40}|fsap-[0-9a-f]{8,40})$/;

/** `authorizationConfig.accessPointId` has the EFS access-point id form. */
export const efsApId: TaskDefRule = {
  id: 'efs/ap-id',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid EFS access point id',
  docs: {
    what: "`authorizationConfig.accessPointId` looks like `fsap-0123456789abcdef0` (or the access point's ARN).",
    why: 'EFS access point ids are `fsap-` + 8 to 40 hex digits; a wrong id makes the mount fail and the task stop.',
    fix: 'Copy the id from `aws efs describe-access-points` (AccessPointId).',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      for (const alt of alternatives(at(e.efs, 'authorizationConfig', 'accessPointId'))) {
        if (alt.value.type === 'null') continue;
        const v = String(alt.value.value);
        if (alt.value.type === 'string' && (v === '' || AP_ID.test(v))) continue;
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        const hint = /^fs-[0-9a-f]+$/.test(v)
          ? ' That is a file system id; the access point id starts with fsap-.'
          : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${e.label}: '${v}'${via} is not an EFS access point id; expected fsap- followed by 8-40 hex digits (or the access point ARN).${hint}`,
          ),
        );
      }
    }
    return out;
  },
};
