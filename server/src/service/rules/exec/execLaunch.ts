/**
 * Shared helpers for the ECS Exec readiness rules. They run on launch inputs that enable ECS Exec
 * (`enableExecuteCommand: true`), report at that flag, and point with related information at the
 * task-definition token that matters (often in another file).
 */
import { alternatives, type AstNode } from '../../documents/ast';
import type { LaunchModel } from '../../shapes/model';
import type { LinkedTaskDef } from '../types';
import type { Finding, RelatedLocation } from '../../types';
import { containerLabel, finding } from '../util';

/** The `enableExecuteCommand` node when it is (or, through a parameter, can be) true. */
export function execFlag(launch: LaunchModel): AstNode | undefined {
  const node = launch.enableExecuteCommand;
  if (!node) return undefined;
  return alternatives(node).some((a) => a.value.value === true || a.value.value === 'true') ? node : undefined;
}

export function related(t: LinkedTaskDef, node: { offset: number; length: number }, message: string): RelatedLocation {
  return { uri: t.uri, span: { offset: node.offset, length: node.length }, message };
}

type Container = LinkedTaskDef['td']['containers'][number];

/**
 * When the launch enables ECS Exec: one finding at the exec flag that names every container `pick`
 * selects, with a related location at the token it returns for each; no finding when it selects none.
 */
export function containersFinding(
  id: string,
  { launch, targets }: { launch: LaunchModel; targets: readonly LinkedTaskDef[] },
  pick: (t: LinkedTaskDef, c: Container, label: string) => { node: AstNode; note: string } | undefined,
  message: (names: readonly string[]) => string,
): Finding[] {
  const flag = execFlag(launch);
  if (!flag) return [];
  const rel: RelatedLocation[] = [];
  const names: string[] = [];
  for (const t of targets) {
    t.td.containers.forEach((c, i) => {
      const label = containerLabel(c, i);
      const hit = pick(t, c, label);
      if (!hit) return;
      rel.push(related(t, hit.node, hit.note));
      names.push(label);
    });
  }
  return rel.length === 0 ? [] : [finding(id, flag, message(names), { related: rel })];
}
