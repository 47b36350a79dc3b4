/**
 * The parts of a task definition the editing features read, from our tree: the task-level object
 * (unwrapping describe output), its containers and volumes with their name nodes, and the JSON path
 * prefix of the task-level object.
 */
import {
  child,
  isArray,
  isObject,
  objects,
  str,
  type AstNode,
  type LiteralNode,
  type ObjectNode,
} from '../documents/ast';
import type { JsonPath } from '../schema/navigate';

export interface Named {
  name: string;
  /** The name's string literal node (quotes included in its span). */
  nameNode: LiteralNode;
  object: ObjectNode;
  index: number;
}

export interface TaskDefView {
  /** The task-level object (undefined for a bare container array). */
  task?: ObjectNode;
  /** Path of the task-level object from the document root ([] or ['taskDefinition']). */
  prefix: JsonPath;
  containersNode?: AstNode;
  containers: Named[];
  volumes: Named[];
}

function named(list: ObjectNode[]): Named[] {
  const out: Named[] = [];
  list.forEach((object, index) => {
    const n = child(object, 'name');
    if (n && n.type === 'string' && !n.unknown) out.push({ name: String(n.value), nameNode: n, object, index });
  });
  return out;
}

export function taskDefView(root: AstNode | undefined): TaskDefView | undefined {
  if (isArray(root)) return { prefix: [], containersNode: root, containers: named(objects(root)), volumes: [] };
  if (!isObject(root)) return undefined;
  const wrapped = child(root, 'taskDefinition');
  const task = isObject(wrapped) ? wrapped : root;
  const containersNode = child(task, 'containerDefinitions');
  return {
    task,
    prefix: task === root ? [] : ['taskDefinition'],
    containersNode,
    containers: named(objects(containersNode)),
    volumes: named(objects(child(task, 'volumes'))),
  };
}

/** Whether the task definition targets Fargate (`requiresCompatibilities` contains FARGATE). */
export function isFargateTask(view: TaskDefView | undefined): boolean {
  const compat = child(view?.task, 'requiresCompatibilities');
  return isArray(compat) && compat.items.some((i) => str(i) === 'FARGATE');
}

/** A literal's value as string or number (templates excluded). */
export function scalar(node: AstNode | undefined): string | number | undefined {
  if (!node || node.unknown) return undefined;
  return node.type === 'string' || node.type === 'number' ? (node.value as string | number) : undefined;
}
