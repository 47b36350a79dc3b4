import { child, objects, prop, str, strings } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

const MOUNT_OPTIONS = [
  'defaults',
  'ro',
  'rw',
  'suid',
  'nosuid',
  'dev',
  'nodev',
  'exec',
  'noexec',
  'sync',
  'async',
  'dirsync',
  'remount',
  'mand',
  'nomand',
  'atime',
  'noatime',
  'diratime',
  'nodiratime',
  'bind',
  'rbind',
  'unbindable',
  'runbindable',
  'private',
  'rprivate',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'relatime',
  'norelatime',
  'strictatime',
  'nostrictatime',
  'mode',
  'uid',
  'gid',
  'nr_inodes',
  'nr_blocks',
  'mpol',
];

/** tmpfs mounts: absolute `containerPath`, a `size`, documented mount options. */
export const tmpfs: TaskDefRule = {
  id: 'linux/tmpfs',
  scope: 'taskdef',
  severity: 'error',
  title: 'Invalid tmpfs mount',
  docs: {
    what: 'Each `linuxParameters.tmpfs` entry has an absolute `containerPath`, a `size` in MiB, and `mountOptions` from the documented list.',
    why: 'The API requires containerPath and size and enumerates the mount options; anything else is rejected.',
    fix: 'Add the missing member or fix the option (e.g. `mode=1777`, `noexec`).',
  },
  needs: { container: ['linuxParameters'] },
  check({ td }) {
    // Fargate does not support tmpfs at all: fargate/linux-params-unsupported reports it.
    if (td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const label = containerLabel(c, i);
      for (const t of objects(child(child(c, 'linuxParameters'), 'tmpfs'))) {
        const pathNode = child(t, 'containerPath');
        const path = str(pathNode);
        if (!pathNode)
          out.push(
            finding(
              this.id,
              { offset: t.offset, length: 1 },
              `${label}: tmpfs mount needs "containerPath" (an absolute path).`,
            ),
          );
        else if (path !== undefined && !path.startsWith('/'))
          out.push(
            finding(this.id, pathNode, `${label}: tmpfs containerPath '${path}' must be absolute (start with /).`),
          );
        if (!prop(t, 'size'))
          out.push(
            finding(this.id, pathNode ?? { offset: t.offset, length: 1 }, `${label}: tmpfs mount needs "size" (MiB).`),
          );
        for (const { value, node } of strings(child(t, 'mountOptions'))) {
          const key = value.split('=')[0];
          if (!MOUNT_OPTIONS.includes(key))
            out.push(
              finding(
                this.id,
                node,
                `${label}: tmpfs mount option '${value}' is not one ECS accepts (${MOUNT_OPTIONS.slice(0, 8).join(', ')}, ...).`,
              ),
            );
        }
      }
    });
    return out;
  },
};
