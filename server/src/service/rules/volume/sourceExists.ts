import { str, type ObjectNode } from '../../documents/ast';
import type { EditBuilder } from '../../documents/edits';
import type { TaskDefRule } from '../types';
import type { Finding, Fix } from '../../types';
import { closest, containerLabel, finding, fix } from '../util';
import { declaredVolumeNames, mountPoints } from './volumes';

/** Every `mountPoints[].sourceVolume` names a volume of the task definition. */
export const mountSourceExists: TaskDefRule = {
  id: 'mount/source-exists',
  scope: 'taskdef',
  severity: 'error',
  title: 'Mount point refers to an undeclared volume',
  docs: {
    what: "`mountPoints[].sourceVolume` must be the `name` of a volume declared in the task definition's `volumes`.",
    why: 'RegisterTaskDefinition rejects a mount point whose source volume is not declared, so the containers never start.',
    fix: 'Rename `sourceVolume` to the declared volume you meant, or declare the volume.',
  },
  check({ td, doc }) {
    const names = declaredVolumeNames(td);
    if (!names || !td.root) return [];
    const root = td.root;
    const out: Finding[] = [];
    for (const m of mountPoints(td)) {
      const src = str(m.source);
      if (!m.source || src === undefined || names.includes(src)) continue;
      const fixes: Fix[] = [];
      const near = closest(src, names);
      if (near) fixes.push(fix(`Rename to '${near}'`, [doc.edits.replaceValue(m.source, near)], true));
      fixes.push(fix(`Declare volume '${src}'`, [declareVolume(root, src, doc.edits)], !near));
      const known = names.length
        ? `declared: ${names.map((n) => `'${n}'`).join(', ')}`
        : 'the task definition declares no volumes';
      out.push(
        finding(
          this.id,
          m.source,
          `${containerLabel(m.container, m.containerIndex)} mounts volume '${src}', which is not declared (${known}); RegisterTaskDefinition rejects it.${near ? ` Did you mean '${near}'?` : ' Declare it under "volumes".'}`,
          { fixes },
        ),
      );
    }
    return out;
  },
};

function declareVolume(root: ObjectNode, name: string, edits: EditBuilder) {
  const vols = root.properties.find((p) => p.key === 'volumes');
  if (vols && vols.value.type === 'array') return edits.appendItem(vols.value, { name });
  return edits.addProperty(root, 'volumes', [{ name }]);
}
