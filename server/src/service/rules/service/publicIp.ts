import { alternatives, child, str } from '../../documents/ast';
import { launchIsFargate } from '../../shapes/model';
import type { LaunchRule } from '../types';
import { finding } from '../util';
import { viaNote } from '../task/common';

/** A Fargate launch that gives its tasks a public IP (on EC2 the API rejects it: service/public-ip-launch-type). */
export const publicIp: LaunchRule = {
  id: 'service/public-ip',
  scope: 'launch',
  severity: 'info',
  title: 'Tasks get a public IP',
  docs: {
    what: '`assignPublicIp: ENABLED` on a service, task set, run-task input or scheduled target that does not run on EC2.',
    why: 'Each task gets an internet-reachable address, guarded only by its security groups. Compliance checks flag it: Control Tower CT.ECS.PR.9, Checkov CKV_AWS_333. A public IP instead of a NAT gateway is a common and valid cost choice, so this is information.',
    fix: 'Run the tasks in private subnets with `assignPublicIp: DISABLED` and reach the internet through a NAT gateway or VPC endpoints; put a load balancer in front for inbound traffic.',
  },
  check({ launch }) {
    if (launchIsFargate(launch) === false || ['EC2', 'EXTERNAL'].includes(str(launch.launchType) ?? '')) return [];
    const vpc = launch.networkConfiguration;
    const ip = vpc && !vpc.unknown ? child(vpc, 'assignPublicIp') : undefined;
    for (const alt of alternatives(ip))
      if (alt.value.value === 'ENABLED')
        return [
          finding(
            this.id,
            alt.node,
            `${launch.label} gives each task a public IP${viaNote(alt.via)} (Control Tower CT.ECS.PR.9): fine for tasks that only call out, if the security groups admit nothing else; private subnets with a NAT gateway keep them unreachable.`,
          ),
        ];
    return [];
  },
};
