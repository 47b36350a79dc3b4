/** Iterating the port mappings of a task definition, with their container for messages. */
import { child, objects, type ObjectNode } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import type { DocumentModel } from '../../shapes/document';
import type { Finding } from '../../types';
import { checkEnum } from '../task/common';
import { containerLabel, perTaskDef } from '../util';

export interface Mapping {
  container: ObjectNode;
  /** "container 'web'" */
  label: string;
  mapping: ObjectNode;
  /** The portMappings array node. */
  array: NonNullable<ReturnType<typeof child>>;
  index: number;
}

/** Every port mapping object (shared by the port rules; read only). */
export const mappings: (td: TaskDefModel) => Mapping[] = perTaskDef((td) => {
  const out: Mapping[] = [];
  td.containers.forEach((c, i) => {
    const arr = child(c, 'portMappings');
    if (!arr) return;
    objects(arr).forEach((m, index) =>
      out.push({ container: c, label: containerLabel(c, i), mapping: m, array: arr, index }),
    );
  });
  return out;
});

/** `member` of every port mapping is one of `allowed` (checkEnum: case fixes, located findings). */
export function checkMappingEnum(
  ruleId: string,
  { td, doc }: { td: TaskDefModel; doc: DocumentModel },
  member: string,
  allowed: string[],
  why: string,
): Finding[] {
  const out: Finding[] = [];
  for (const m of mappings(td)) {
    out.push(
      ...checkEnum({ ruleId, doc, node: child(m.mapping, member), allowed, what: `${m.label}: ${member}`, why }),
    );
  }
  return out;
}
