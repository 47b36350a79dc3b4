import { alternatives, child, prop } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';
import { efsVolumes } from './efsVolumes';

const FS_ID = /^(arn:aws[-a-z]*:elasticfilesystem:[0-9a-z-:]+:file-system\/fs-[0-9a-f]{8,40}|fs-[0-9a-f]{8,40})$/;

/** `fileSystemId` is present and has the EFS file-system id form. */
export const efsFsId: TaskDefRule = {
  id: 'efs/fs-id',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid EFS file system id',
  docs: {
    what: "`efsVolumeConfiguration.fileSystemId` is required and looks like `fs-0123456789abcdef0` (or the file system's ARN).",
    why: 'The EFS API only knows ids of the form `fs-` + 8 to 40 hex digits; anything else cannot be mounted and the task stops with a mount error.',
    fix: 'Copy the id from the EFS console or `aws efs describe-file-systems` (FileSystemId).',
  },
  check({ td }) {
    const out: Finding[] = [];
    for (const e of efsVolumes(td)) {
      const p = prop(e.efs, 'fileSystemId');
      if (!p || p.value.type === 'null') {
        out.push(
          finding(
            this.id,
            e.key,
            `${e.label}: efsVolumeConfiguration has no fileSystemId; it is required (the EFS file system to mount, e.g. fs-0123456789abcdef0).`,
          ),
        );
        continue;
      }
      for (const alt of alternatives(child(e.efs, 'fileSystemId'))) {
        const v = String(alt.value.value);
        if (alt.value.type === 'string' && FS_ID.test(v)) continue;
        const via = alt.via ? ` (a value of ${alt.via})` : '';
        const hint = /^fs-[0-9a-f]{1,7}$/.test(v)
          ? ' It is too short: ids have at least 8 hex digits after fs-.'
          : /^fs-/i.test(v)
            ? ' Only lower-case hex digits may follow fs-.'
            : '';
        out.push(
          finding(
            this.id,
            alt.node,
            `${e.label}: '${v}'${via} is not an EFS file system id; expected fs- followed by 8-40 hex digits (or the file system ARN).${hint}`,
          ),
        );
      }
    }
    return out;
  },
};
