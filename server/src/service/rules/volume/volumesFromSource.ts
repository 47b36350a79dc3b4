import { child, objects, str } from '../../documents/ast';
import { containerName } from '../../shapes/model';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';

/** `volumesFrom[].sourceContainer` names another container of the same task definition. */
export const volfromSource: TaskDefRule = {
  id: 'volfrom/source',
  scope: 'taskdef',
  severity: 'error',
  title: 'volumesFrom refers to a missing container',
  docs: {
    what: '`volumesFrom[].sourceContainer` must name another container of the same task definition.',
    why: 'The ECS API (VolumeFrom.sourceContainer): "The name of another container within the same task definition to mount volumes from." An unknown or self reference is rejected or leaves the task unable to start.',
    fix: 'Use the name of another container in `containerDefinitions`, or remove the entry.',
  },
  needs: { container: ['volumesFrom'] },
  check({ td, doc }) {
    const names: string[] = [];
    for (const c of td.containers) {
      const n = child(c, 'name');
      if (!n || n.unknown) return []; // a computed name could be anything
      const s = str(n);
      if (s !== undefined) names.push(s);
    }
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      const self = containerName(c);
      for (const vf of objects(child(c, 'volumesFrom'))) {
        const node = child(vf, 'sourceContainer');
        const src = str(node);
        if (!node || src === undefined) continue;
        if (src === self) {
          out.push(
            finding(
              this.id,
              node,
              `${containerLabel(c, i)} takes volumes from itself; sourceContainer must be another container of the task.`,
            ),
          );
          continue;
        }
        if (names.includes(src)) continue;
        const near = closest(
          src,
          names.filter((n) => n !== self),
        );
        out.push(
          finding(
            this.id,
            node,
            `${containerLabel(c, i)}: volumesFrom sourceContainer '${src}' is not a container of this task definition (containers: ${names.map((n) => `'${n}'`).join(', ')}).${near ? ` Did you mean '${near}'?` : ''}`,
            {
              fixes: near ? [fix(`Rename to '${near}'`, [doc.edits.replaceValue(node, near)], true)] : [],
            },
          ),
        );
      }
    });
    return out;
  },
};
