import { child, objects, str } from '../../documents/ast';
import type { TaskDefRule } from '../types';
import type { Finding } from '../../types';
import { containerLabel, finding } from '../util';
import { fargateExtra, removeFix, used } from '../task/common';
import { unsupportedMembers } from '../../facts/fargateUnsupported';

/** The container members this rule flags, from the one list completion uses too. */
const FIELDS = unsupportedMembers('ContainerDefinition', 'fargate/unsupported-fields');

const FIELD_ENTRIES = Object.entries(FIELDS);

/** Container fields Fargate refuses. */
export const unsupportedFields: TaskDefRule = {
  id: 'fargate/unsupported-fields',
  scope: 'taskdef',
  severity: 'error',
  title: 'Container field not supported on Fargate',
  docs: {
    what: `On Fargate, containers do not set ${Object.keys(FIELDS)
      .map((k) => `\`${k}\``)
      .join(', ')} or a GPU resource requirement (empty lists and \`false\` are fine).`,
    why: 'Fargate rejects these at registration or launch (e.g. extraHosts fails RegisterTaskDefinition); Fargate has no GPUs.',
    fix: 'Remove the field, or run the task on EC2. For DNS entries use Route 53 / Cloud Map; for links use localhost (containers of an awsvpc task share the network namespace).',
  },
  needs: { container: [...Object.keys(FIELDS), 'resourceRequirements'] },
  check({ td, doc }) {
    if (!td.fargate) return [];
    const out: Finding[] = [];
    td.containers.forEach((c, i) => {
      for (const [key, why] of FIELD_ENTRIES) {
        // links outside bridge mode are awsvpc/links' finding.
        if (key === 'links' && td.networkMode !== 'bridge') continue;
        const p = used(c, key);
        if (!p) continue;
        out.push(
          finding(this.id, p, `${containerLabel(c, i)}: ${key} is not supported on Fargate: ${why}. Remove it.`, {
            ...fargateExtra(td),
            fixes: [removeFix(doc, c, p)],
          }),
        );
      }
      for (const r of objects(child(c, 'resourceRequirements'))) {
        const type = child(r, 'type');
        if (type && str(type)?.toUpperCase() === 'GPU')
          out.push(
            finding(
              this.id,
              type,
              `${containerLabel(c, i)}: GPU resource requirements are not supported on Fargate (Fargate has no GPUs). Run GPU workloads on EC2 GPU instances.`,
              fargateExtra(td),
            ),
          );
      }
    });
    return out;
  },
};
