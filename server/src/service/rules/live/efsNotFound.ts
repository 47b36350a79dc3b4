import { at, child, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding } from '../util';

const idOf = (v: string, kind: 'file-system' | 'access-point'): string =>
  v.startsWith('arn:') ? v.slice(v.indexOf(`:${kind}/`) + kind.length + 2) : v;

/** With a live connection: the EFS file system / access point ids must exist in the connected account and region. */
export const efsFsNotFound: TaskDefRule = {
  id: 'efs/fs-not-found',
  scope: 'taskdef',
  severity: 'warning',
  title: 'EFS file system not in the connected account',
  docs: {
    what: 'While connected to AWS, an `efsVolumeConfiguration.fileSystemId` (or `authorizationConfig.accessPointId`, reported as `efs/ap-not-found`) that does not exist in the connected account and region.',
    why: 'The task fails to start with a mount error ("ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes") when the file system or access point does not exist in its region.',
    fix: 'Use an id from the connected account (completion offers them), or connect to the account and region the task runs in.',
  },
  check({ td, live }) {
    if (!live) return [];
    const out: Finding[] = [];
    for (const v of td.volumes) {
      const efs = child(v, 'efsVolumeConfiguration');
      const fsNode = child(efs, 'fileSystemId');
      const fsId = str(fsNode);
      if (!fsNode || !fsId) continue;
      const fs = live.fileSystems.find((f) => f.id === idOf(fsId, 'file-system'));
      if (!fs) {
        out.push(
          finding(
            'efs/fs-not-found',
            fsNode,
            `EFS file system ${fsId} does not exist in the connected account in region ${live.region}. Tasks in ${live.region} cannot mount it.`,
          ),
        );
        continue;
      }
      const apNode = at(efs, 'authorizationConfig', 'accessPointId');
      const apId = str(apNode);
      if (apNode && apId && !fs.accessPoints.some((a) => a.id === idOf(apId, 'access-point'))) {
        out.push(
          finding(
            'efs/ap-not-found',
            apNode,
            `Access point ${apId} does not belong to file system ${fs.id}${fs.name ? ` (${fs.name})` : ''} in region ${live.region}; its access points are ${fs.accessPoints.map((a) => a.id).join(', ') || 'none'}.`,
            { severity: 'warning' },
          ),
        );
      }
    }
    return out;
  },
};
