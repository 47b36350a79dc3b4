import { child, objects, str } from '../../documents/ast';
import { containerName } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { closest, finding, fix } from '../util';
import { someNameUnknown } from '../task/common';

/** Each run-task container override names a container of the task definition. */
export const overrideContainer: LaunchRule = {
  id: 'service/override-container',
  scope: 'launch',
  severity: 'error',
  title: 'Container override for a container the task definition does not have',
  docs: {
    what: '`overrides.containerOverrides[].name` of a run-task input (or a Pipes ECS target) names no container of the task definition it launches.',
    why: 'RunTask matches container overrides to containers by name (ContainerOverride.name: "The name of the container that receives the override. This parameter is required if any override is specified."); a name the task definition lacks matches nothing and RunTask rejects the call with InvalidParameterException, so no task starts.',
    fix: "Use the container's name as written in the task definition's `containerDefinitions`.",
  },
  check({ launch, targets, doc }) {
    if (targets.length !== 1 || someNameUnknown(targets[0].td)) return [];
    const td = targets[0].td;
    const names = td.containers.map((c) => containerName(c)!);
    const out: Finding[] = [];
    for (const co of objects(child(child(launch.node, 'overrides'), 'containerOverrides'))) {
      const node = child(co, 'name');
      const name = str(node);
      if (!node || name === undefined || names.includes(name)) continue;
      const near = closest(name, names);
      out.push(
        finding(
          this.id,
          node,
          `${launch.label} overrides container '${name}', which task definition '${td.label}' does not have (containers: ${names.map((n) => `'${n}'`).join(', ')}); RunTask rejects the override.${near ? ` Did you mean '${near}'?` : ''}`,
          {
            related: [{ uri: targets[0].uri, span: td.span, message: `task definition '${td.label}'` }],
            fixes: near ? [fix(`Change to '${near}'`, [doc.edits.replaceValue(node, near)], true)] : [],
          },
        ),
      );
    }
    return out;
  },
};
