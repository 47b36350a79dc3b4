/**
 * Shared helpers for the ECS Exec readiness rules. They run on launch inputs that enable ECS Exec
 * (`enableExecuteCommand: true`), report at that flag, and point with related information at the
 * task-definition token that matters (often in another file).
 */
import { alternatives, type AstNode } from '../../documents/ast';
import type { LaunchModel } from '../../shapes/model';
import type { LinkedTaskDef } from '../types';
import type { RelatedLocation } from '../../types';

/** The `enableExecuteCommand` node when it is (or, through a parameter, can be) true. */
export function execFlag(launch: LaunchModel): AstNode | undefined {
  const node = launch.enableExecuteCommand;
  if (!node) return undefined;
  return alternatives(node).some((a) => a.value.value === true || a.value.value === 'true') ? node : undefined;
}

export function related(t: LinkedTaskDef, node: { offset: number; length: number }, message: string): RelatedLocation {
  return { uri: t.uri, span: { offset: node.offset, length: node.length }, message };
}
