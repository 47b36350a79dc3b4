import { child, isArray, isObject, prop } from '../../documents/ast';
import type { LaunchRule } from '../types';
import type { RelatedLocation } from '../../types';
import { finding, fix } from '../util';

const AWS_MSG = "Network Configuration must be provided when networkMode 'awsvpc' is specified.";

/** A task definition in awsvpc mode can only be launched with subnets (cfn-lint E3052). */
export const networkConfigRequired: LaunchRule = {
  id: 'fargate/network-config-required',
  scope: 'launch',
  severity: 'error',
  title: 'awsvpc task needs a network configuration',
  docs: {
    what: 'A service, task set, run-task input or scheduled target that launches an `awsvpc` task definition must carry `networkConfiguration.awsvpcConfiguration.subnets`.',
    why: `Every awsvpc task gets its own network interface, placed in the subnets you give at launch. CreateService / RunTask fail with "${AWS_MSG}"`,
    fix: 'Add `networkConfiguration.awsvpcConfiguration` with `subnets` (and `securityGroups`, `assignPublicIp`).',
  },
  check({ launch, targets, doc }) {
    // UpdateService keeps the service's current network configuration when none is given.
    if (launch.kind === 'update-service') return [];
    const awsvpc = targets.find((t) => t.td.networkMode === 'awsvpc');
    if (!awsvpc) return [];
    // Several files may declare the family (different revisions); if they disagree, say so and only warn.
    const mixed = targets.some((t) => t.td.networkMode !== 'awsvpc');
    const sev = mixed ? { severity: 'warning' as const } : {};
    const note = mixed
      ? ` (Only some of the ${targets.length} task definitions found for this family use awsvpc; which revision runs is not known here, so this is a warning.)`
      : '';
    const nmProp = awsvpc.td.root ? prop(awsvpc.td.root, 'networkMode') : undefined;
    const span = nmProp ? { offset: nmProp.value.offset, length: nmProp.value.length } : awsvpc.td.span;
    const related: RelatedLocation[] = [
      { uri: awsvpc.uri, span, message: `networkMode 'awsvpc' of task definition '${awsvpc.td.label}'` },
    ];

    const vpc = launch.networkConfiguration;
    if (!vpc) {
      const nc = prop(launch.node, 'networkConfiguration');
      if (nc && !isObject(nc.value)) return []; // computed or null-ish: not judged
      if (nc && isObject(nc.value) && nc.value.properties.some((p) => p.value.unknown)) return [];
      const at = nc ?? launch.anchor;
      const skeleton = {
        awsvpcConfiguration: {
          subnets: ['subnet-REPLACE_ME'],
          securityGroups: ['sg-REPLACE_ME'],
          assignPublicIp: 'DISABLED',
        },
      };
      const fixes =
        !nc && doc.dialect === 'api'
          ? [
              fix('Add a networkConfiguration skeleton', [
                doc.edits.addProperty(launch.node, 'networkConfiguration', skeleton),
              ]),
            ]
          : [];
      return [
        finding(
          this.id,
          at,
          `${launch.label} launches awsvpc task definition '${awsvpc.td.label}' without networkConfiguration.awsvpcConfiguration: "${AWS_MSG}" Add the subnets (and security groups) the tasks' network interfaces go into.${note}`,
          { related, fixes, ...sev },
        ),
      ];
    }
    if (vpc.unknown || !isObject(vpc)) return [];
    const subnets = child(vpc, 'subnets');
    if (subnets && (subnets.unknown || (!isArray(subnets) && subnets.type !== 'null'))) return [];
    if (isArray(subnets) && subnets.items.length > 0) return [];
    const keyProp = prop(launch.node, 'networkConfiguration');
    const at = subnets ?? keyProp ?? launch.anchor;
    return [
      finding(
        this.id,
        at,
        `${launch.label}: awsvpcConfiguration has no subnets, but task definition '${awsvpc.td.label}' uses networkMode 'awsvpc': "${AWS_MSG}" List at least one subnet.${note}`,
        { related, ...sev },
      ),
    ];
  },
};
