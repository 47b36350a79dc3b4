import { child, prop, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { secretRefs, type SecretRef } from './refs';

/** Each secret has a name and a valueFrom, and names are unique per container. */
export const secretNameUnique: TaskDefRule = {
  id: 'secret/name-unique',
  scope: 'taskdef',
  severity: 'error',
  title: 'Secret without name/valueFrom, or duplicate secret name',
  docs: {
    what: 'Each `secrets[]` (and `secretOptions[]`) entry has both `name` and `valueFrom`, and a container does not declare the same secret name twice.',
    why: 'Both members are required by the API (RegisterTaskDefinition rejects a missing one); two secrets with one name set the same environment variable and one silently wins.',
    fix: 'Add the missing member; rename or remove the duplicate.',
  },
  check({ td }) {
    const out: Finding[] = [];
    const seen = new Map<string, SecretRef>();
    for (const r of secretRefs(td)) {
      if (r.item.properties.some((p) => p.value.unknown && (p.key === 'name' || p.key === 'valueFrom'))) continue;
      const nameProp = prop(r.item, 'name');
      const vfProp = prop(r.item, 'valueFrom');
      if (!nameProp || !vfProp) {
        const missing = !nameProp && !vfProp ? 'name and valueFrom' : !nameProp ? 'name' : 'valueFrom';
        out.push(
          finding(
            this.id,
            nameProp ?? vfProp ?? r.item,
            `${containerLabel(r.container, r.containerIndex)} ${r.where}: an entry without ${missing}; both name (the environment variable) and valueFrom (the secret or parameter) are required.`,
          ),
        );
        continue;
      }
      const name = str(child(r.item, 'name'));
      if (name === undefined) continue;
      const key = `${r.containerIndex}\u0000${r.where}\u0000${name}`;
      if (seen.has(key)) {
        out.push(
          finding(
            this.id,
            nameProp.value,
            `${containerLabel(r.container, r.containerIndex)} ${r.where}: secret '${name}' is declared twice; the second silently overrides the first. Remove or rename one.`,
          ),
        );
      } else seen.set(key, r);
    }
    return out;
  },
};
