import { objects, str, child } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';

/** Two mounts on the same path in one container: Docker refuses duplicate mount points. */
export const mountDuplicatePath: TaskDefRule = {
  id: 'mount/duplicate-path',
  scope: 'taskdef',
  severity: 'error',
  title: 'Two mount points at the same container path',
  docs: {
    what: 'A container mounts two volumes at the same `containerPath`.',
    why: 'Docker rejects duplicate mount points ("Duplicate mount point"), so the container fails to start.',
    fix: 'Mount the second volume at a different path, or remove one mount point.',
  },
  check({ td }) {
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const seen = new Map<string, string | undefined>();
      for (const mp of objects(child(c, 'mountPoints'))) {
        const pathNode = child(mp, 'containerPath');
        const path = str(pathNode);
        if (!pathNode || path === undefined) continue;
        const key = normalise(path);
        const source = str(child(mp, 'sourceVolume'));
        if (seen.has(key)) {
          const other = seen.get(key);
          out.push(
            finding(
              this.id,
              pathNode,
              `${containerLabel(c, i)} already mounts ${other ? `volume '${other}'` : 'another volume'} at '${path}'; Docker refuses duplicate mount points, so the container cannot start. Use a different containerPath.`,
            ),
          );
        } else seen.set(key, source);
      }
    });
    return out;
  },
};

function normalise(path: string): string {
  const p = path.replace(/[\\/]+$/, '');
  return /^[A-Za-z]:/.test(p) ? p.toLowerCase().replace(/\//g, '\\') : p || '/';
}
