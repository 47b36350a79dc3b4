import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { KIND_LABEL, volumeKinds, volumeLabel, type VOLUME_KINDS } from './volumes';

/** A volume is exactly one kind: bind mount, Docker volume, EFS, FSx for Windows or S3 Files. */
export const volOneKind: TaskDefRule = {
  id: 'vol/one-kind',
  scope: 'taskdef',
  severity: 'error',
  title: 'Volume declares more than one kind',
  docs: {
    what: 'A volume sets at most one of `host`, `dockerVolumeConfiguration`, `efsVolumeConfiguration`, `fsxWindowsFileServerVolumeConfiguration` and `s3filesVolumeConfiguration`.',
    why: 'The ECS API treats these as alternatives; RegisterTaskDefinition rejects a volume that combines them.',
    fix: 'Split the volume into one volume per kind, or remove the configuration you do not need.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.volumes.forEach((v, i) => {
      const kinds = volumeKinds(v);
      if (kinds.length < 2) return;
      const label = (k: string) => KIND_LABEL[k as (typeof VOLUME_KINDS)[number]] ?? k;
      for (const extra of kinds.slice(1)) {
        out.push(
          finding(
            this.id,
            extra,
            `${volumeLabel(v, i)} is already a ${label(kinds[0].key)} volume and also sets ${extra.rawKey}; a volume can be only one kind. Move it into its own volume or remove it.`,
          ),
        );
      }
    });
    return out;
  },
};
