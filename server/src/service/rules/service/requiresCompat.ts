import { child, isArray, objects, prop, str, type AstNode } from '../../documents/ast';
import { FARGATE_PROVIDERS } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';

const AWS_MSG = 'Task definition does not support launch_type FARGATE.';

/** Launching on Fargate needs a task definition compatible with FARGATE (cfn-lint E3054). */
export const requiresCompat: LaunchRule = {
  id: 'service/requires-compat',
  scope: 'launch',
  severity: 'error',
  title: 'Fargate launch of a task definition not compatible with FARGATE',
  docs: {
    what: 'A launch with `launchType: FARGATE` (or a FARGATE / FARGATE_SPOT capacity provider) runs a task definition whose `requiresCompatibilities` does not list FARGATE.',
    why: `ECS only places a task on Fargate when the task definition is compatible with it; CreateService / RunTask fail with "${AWS_MSG}" Without requiresCompatibilities, ECS derives compatibility from the definition, which needs networkMode awsvpc among others.`,
    fix: "Add `FARGATE` to the task definition's `requiresCompatibilities` (and meet the Fargate requirements: awsvpc, task cpu/memory), or launch on EC2.",
  },
  check({ launch, targets, doc }) {
    const trigger = fargateTrigger(launch.launchType, launch.capacityProviderStrategy);
    if (!trigger) return [];
    const out: Finding[] = [];
    for (const t of targets) {
      const root = t.td.root;
      if (!root) continue;
      const compatProp = prop(root, 'requiresCompatibilities');
      if (compatProp && (compatProp.value.unknown || (!isArray(compatProp.value) && compatProp.value.type !== 'null')))
        continue;
      if (isArray(compatProp?.value) && compatProp.value.items.some((i) => i.unknown)) continue;
      const listed = t.td.compatibilities;
      if (listed?.includes('FARGATE')) continue;
      const nm = t.td.networkMode;
      if (nm === undefined) continue;
      const explicit = !!listed && listed.length > 0;
      // Without requiresCompatibilities ECS derives FARGATE compatibility from an awsvpc definition.
      if (!explicit && nm === 'awsvpc') continue;
      const related = [
        {
          uri: t.uri,
          span: compatProp ? { offset: compatProp.keySpan.offset, length: compatProp.keySpan.length } : t.td.span,
          message: compatProp ? `requiresCompatibilities of '${t.td.label}'` : `task definition '${t.td.label}'`,
        },
      ];
      const fixes =
        t.uri === doc.uri && compatProp && isArray(compatProp.value)
          ? [fix('Add FARGATE to requiresCompatibilities', [doc.edits.appendItem(compatProp.value, 'FARGATE')], true)]
          : [];
      const what = explicit
        ? `requiresCompatibilities [${listed.join(', ')}] does not include FARGATE`
        : `it has no requiresCompatibilities and networkMode '${nm}', so ECS does not consider it Fargate-compatible`;
      const soft = explicit && nm === 'awsvpc';
      const tail = soft
        ? ' (Sources disagree on whether ECS accepts an awsvpc definition registered for EC2 only on Fargate; reported as a warning.)'
        : '';
      out.push(
        finding(
          this.id,
          trigger,
          `${launch.label} runs on Fargate, but task definition '${t.td.label}' is not compatible with it: ${what}. ECS answers "${AWS_MSG}" Add FARGATE to requiresCompatibilities.${tail}`,
          { related, fixes, ...(soft ? { severity: 'warning' as const } : {}) },
        ),
      );
    }
    return out;
  },
};

/** The token that makes the launch a Fargate launch: launchType FARGATE or a Fargate capacity provider. */
function fargateTrigger(launchType: AstNode | undefined, strategy: AstNode | undefined): AstNode | undefined {
  if (launchType) return str(launchType) === 'FARGATE' ? launchType : undefined;
  for (const item of objects(strategy)) {
    const cp = child(item, 'capacityProvider');
    const v = str(cp);
    if (cp && v && FARGATE_PROVIDERS.includes(v)) return cp;
  }
  return undefined;
}
