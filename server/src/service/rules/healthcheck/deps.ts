/** Shared view for the dependsOn rules: every dependency edge with its nodes and the target container. */
import { child, objects, str, type AstNode, type ObjectNode } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import { perTaskDef } from '../util';

export interface DepEdge {
  from: ObjectNode;
  fromIndex: number;
  fromName?: string;
  item: ObjectNode;
  targetNode?: AstNode;
  target?: string;
  conditionNode?: AstNode;
  condition?: string;
  /** The container the edge points at, when it exists. */
  to?: ObjectNode;
  toIndex: number;
}

export const dependencyEdges: (td: TaskDefModel) => DepEdge[] = perTaskDef((td) => {
  const byName = new Map<string, number>();
  td.containers.forEach((c, i) => {
    const n = str(child(c, 'name'));
    if (n !== undefined && !byName.has(n)) byName.set(n, i);
  });
  const out: DepEdge[] = [];
  td.containers.forEach((from, fromIndex) => {
    for (const item of objects(child(from, 'dependsOn'))) {
      const targetNode = child(item, 'containerName');
      const target = str(targetNode);
      const conditionNode = child(item, 'condition');
      const toIndex = target !== undefined ? (byName.get(target) ?? -1) : -1;
      out.push({
        from,
        fromIndex,
        fromName: str(child(from, 'name')),
        item,
        targetNode,
        target,
        conditionNode,
        condition: str(conditionNode),
        to: toIndex >= 0 ? td.containers[toIndex] : undefined,
        toIndex,
      });
    }
  });
  return out;
});

/** Whether every container name is a known literal (else a target may exist under a computed name). */
export const allNamesKnown: (td: TaskDefModel) => boolean = perTaskDef((td) => {
  const n = td.containersNode;
  if (!n || n.unknown || n.type !== 'array' || n.items.some((i) => i.unknown)) return false;
  return td.containers.every((c) => str(child(c, 'name')) !== undefined);
});
