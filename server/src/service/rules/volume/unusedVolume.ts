import { child, isArray, objects, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { volumeName } from './volumes';

/** A declared volume that no container mounts. */
export const mountUnusedVolume: TaskDefRule = {
  id: 'mount/unused-volume',
  scope: 'taskdef',
  severity: 'warning',
  title: 'Volume is never mounted',
  docs: {
    what: 'A volume is declared in `volumes` but no container lists it in `mountPoints[].sourceVolume`.',
    why: 'An unmounted volume does nothing, and an EFS volume still has to be mounted by Fargate, so a typo in a `sourceVolume` or a forgotten mount point usually hides behind it.',
    fix: 'Add a mount point for it in the container that needs it, or remove the volume.',
  },
  check({ td, doc }) {
    if (!td.root) return [];
    const used = new Set<string>();
    for (const c of td.containers) {
      const mps = child(c, 'mountPoints');
      if (mps && !isArray(mps) && mps.type !== 'null') return [];
      for (const mp of isArray(mps) ? mps.items : []) {
        const src = child(mp, 'sourceVolume');
        if (mp.unknown || mp.type !== 'object' || (src && src.unknown)) return [];
        const s = str(src);
        if (s !== undefined) used.add(s);
      }
    }
    // Containers computed by a template could mount anything.
    if (td.containersNode && !isArray(td.containersNode)) return [];
    if (td.containersNode && isArray(td.containersNode) && td.containersNode.items.some((it) => it.unknown)) return [];
    const vols = child(td.root, 'volumes');
    const out: Finding[] = [];
    objects(vols).forEach((v) => {
      const name = volumeName(v);
      const nameProp = prop(v, 'name');
      if (name === undefined || !nameProp || used.has(name)) return;
      out.push(
        finding(
          this.id,
          nameProp.value,
          `Volume '${name}' is declared but no container mounts it (no mountPoints[].sourceVolume '${name}'). Add a mount point, or remove the volume.`,
          {
            tags: ['unnecessary'],
            fixes: isArray(vols)
              ? [fix(`Remove volume '${name}'`, [doc.edits.removeItem(vols, vols.items.indexOf(v))])]
              : [],
          },
        ),
      );
    });
    return out;
  },
};
