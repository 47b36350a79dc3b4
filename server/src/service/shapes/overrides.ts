/**
 * Run-task `overrides` (RunTask TaskOverride; Pipes `Overrides`) applied to the task definition they
 * launch: the view the task-definition rules check, so an overridden member gets the same checks as
 * the member it replaces. Overridden members keep their own nodes (spans in the launch input), so a
 * finding on them can be told apart and reported where the override is written.
 */
import { child, isObject, objects, prop, str, type AstNode, type ObjectNode, type Property } from '../documents/ast';
import { containerName, taskDefFromObject, type TaskDefModel } from './model';

const TASK_KEYS = ['cpu', 'memory', 'ephemeralStorage', 'executionRoleArn', 'taskRoleArn'];
const CONTAINER_KEYS = [
  'command',
  'environment',
  'environmentFiles',
  'cpu',
  'memory',
  'memoryReservation',
  'resourceRequirements',
];

/** The overrides object of a launch, when it overrides something the rules check. */
export function overridesOf(node: ObjectNode): ObjectNode | undefined {
  const o = child(node, 'overrides');
  if (!isObject(o)) return undefined;
  const some =
    TASK_KEYS.some((k) => given(o, k)) ||
    objects(child(o, 'containerOverrides')).some((c) => CONTAINER_KEYS.some((k) => given(c, k)));
  return some ? o : undefined;
}

function given(obj: ObjectNode, key: string): Property | undefined {
  const p = prop(obj, key);
  return p && p.value.type !== 'null' ? p : undefined;
}

/** `base` with `over`'s members (of `keys`) put in place of its own, or added. */
function overlay(base: ObjectNode, over: ObjectNode, keys: string[]): ObjectNode {
  const replaced = new Map<string, Property>();
  for (const k of keys) {
    const p = given(over, k);
    if (p) replaced.set(k, p);
  }
  if (replaced.size === 0) return base;
  const properties = base.properties.map((p) => replaced.get(p.key) ?? p);
  for (const [k, p] of replaced) if (!prop(base, k)) properties.push(p);
  return { ...base, properties };
}

/** The task definition as the overridden launch runs it, or undefined when nothing applies. */
export function overriddenView(td: TaskDefModel, overrides: ObjectNode, fargate: boolean): TaskDefModel | undefined {
  if (!td.root) return undefined;
  let root = overlay(td.root, overrides, TASK_KEYS);
  const byName = new Map<string, ObjectNode>();
  for (const co of objects(child(overrides, 'containerOverrides'))) {
    const n = str(child(co, 'name'));
    if (n !== undefined) byName.set(n, co);
  }
  const containersProp = prop(root, 'containerDefinitions');
  if (byName.size > 0 && containersProp && containersProp.value.type === 'array' && !containersProp.value.unknown) {
    const arr = containersProp.value;
    const items = arr.items.map((c) => {
      if (!isObject(c)) return c;
      const co = byName.get(containerName(c) ?? '');
      return co ? overlay(c, co, CONTAINER_KEYS) : c;
    });
    if (items.some((c, i) => c !== arr.items[i])) {
      const value: AstNode = { ...arr, items };
      root = { ...root, properties: root.properties.map((p) => (p === containersProp ? { ...p, value } : p)) };
    }
  }
  if (root === td.root) return undefined;
  const view = taskDefFromObject(root, td.shape, { label: td.label, logicalId: td.logicalId, span: td.span });
  return Object.assign(view, {
    fargate: td.fargate || fargate,
    fargateVia: td.fargateVia,
    windows: td.windows,
    networkMode: td.networkMode,
  });
}

/** The spans ("offset:length") of every node and key inside the overrides, to tell their findings apart. */
export function overrideSpans(overrides: ObjectNode): Set<string> {
  const out = new Set<string>();
  const visit = (n: AstNode): void => {
    out.add(`${n.offset}:${n.length}`);
    if (n.type === 'array') n.items.forEach(visit);
    if (n.type === 'object')
      for (const p of n.properties) {
        out.add(`${p.keySpan.offset}:${p.keySpan.length}`);
        visit(p.value);
      }
  };
  for (const p of overrides.properties) {
    out.add(`${p.keySpan.offset}:${p.keySpan.length}`);
    visit(p.value);
  }
  return out;
}
