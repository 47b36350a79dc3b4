/**
 * The engine's side of RuleNeeds (rules/types.ts): which members a task definition has, so rules
 * about members it does not have are not run at all. The container keys are collected once per task
 * definition; task and volume members are looked up directly (one object, a few volumes).
 */
import { prop } from '../documents/ast';
import type { TaskDefModel } from '../shapes/model';
import type { RuleNeeds } from './types';

/** Every key present on some container of the task definition (normalised API names). */
export function containerKeys(td: TaskDefModel): Set<string> {
  const keys = new Set<string>();
  const cs = td.containers;
  for (let i = 0; i < cs.length; i++) {
    const ps = cs[i].properties;
    for (let j = 0; j < ps.length; j++) keys.add(ps[j].key);
  }
  return keys;
}

/** True when one of the members the rule needs is present, so the rule may find something. */
export function needsMet(needs: RuleNeeds, td: TaskDefModel, keys: Set<string>): boolean {
  if (needs.container) for (const k of needs.container) if (keys.has(k)) return true;
  if (needs.task && td.root) for (const k of needs.task) if (prop(td.root, k)) return true;
  if (needs.volume) for (const v of td.volumes) for (const k of needs.volume) if (prop(v, k)) return true;
  return false;
}
