/** Iterating the port mappings of a task definition, with their container for messages. */
import { child, objects, type ObjectNode } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import { containerLabel } from '../util';

export interface Mapping {
  container: ObjectNode;
  /** "container 'web'" */
  label: string;
  mapping: ObjectNode;
  /** The portMappings array node. */
  array: NonNullable<ReturnType<typeof child>>;
  index: number;
}

export function mappings(td: TaskDefModel): Mapping[] {
  const out: Mapping[] = [];
  td.containers.forEach((c, i) => {
    const arr = child(c, 'portMappings');
    if (!arr) return;
    objects(arr).forEach((m, index) => out.push({ container: c, label: containerLabel(c, i), mapping: m, array: arr, index }));
  });
  return out;
}
