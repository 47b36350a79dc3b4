import { alternatives, child, objects, str } from '../../documents/ast';
import { FARGATE_PROVIDERS, type LaunchModel } from '../../shapes/model';
import type { LaunchRule } from '../types';
import type { Finding } from '../../types';
import { finding, fix } from '../util';
import { viaNote } from '../task/common';

const AWS_MSG = 'Assign public IP is not supported for this launch type.';

/** assignPublicIp ENABLED works for Fargate tasks only. */
export const publicIpLaunchType: LaunchRule = {
  id: 'service/public-ip-launch-type',
  scope: 'launch',
  severity: 'error',
  title: 'Public IP on a non-Fargate launch',
  docs: {
    what: '`networkConfiguration.awsvpcConfiguration.assignPublicIp: ENABLED` on a launch whose `launchType` is EC2 or EXTERNAL, or whose capacity provider strategy names only EC2 (Auto Scaling group) capacity providers.',
    why: `Only Fargate tasks can get a public IP on their network interface; awsvpc tasks on EC2 instances cannot. CreateService / RunTask (and CloudFormation) answer "InvalidParameterException: ${AWS_MSG}" Evidence: aws/containers-roadmap#450 (the feature request for EC2, open), aws/aws-cdk#13348 (EC2 capacity provider strategy), hashicorp/waypoint#643 and pulumi/pulumi-cloud#452 (EC2 launch type); Terraform's aws_ecs_service documents assign_public_ip as "Valid only for FARGATE". The API reference's AwsVpcConfiguration page does not state the restriction, but the API enforces it.`,
    fix: 'Remove `assignPublicIp` (or set DISABLED) for EC2 tasks and give them outbound access through a NAT gateway or VPC endpoints; or launch on Fargate.',
  },
  check({ launch, doc }) {
    const lt = onWhat(launch);
    if (!lt) return [];
    const vpc = launch.networkConfiguration;
    const ip = vpc && !vpc.unknown ? child(vpc, 'assignPublicIp') : undefined;
    const out: Finding[] = [];
    for (const alt of alternatives(ip)) {
      if (alt.value.value !== 'ENABLED') continue;
      out.push(
        finding(
          this.id,
          alt.node,
          `${launch.label} runs on ${lt} but asks for a public IP${viaNote(alt.via)}: "${AWS_MSG}" Only Fargate tasks get a public IP; use DISABLED and a NAT gateway or VPC endpoints.`,
          {
            related: [{ uri: doc.uri, span: (launch.launchType ?? launch.capacityProviderStrategy)!, message: lt }],
            fixes:
              alt.node === alt.value
                ? [fix('Set assignPublicIp to DISABLED', [doc.edits.replaceValue(alt.node, 'DISABLED')], true)]
                : [],
          },
        ),
      );
      break;
    }
    return out;
  },
};

/** "EC2" / "EXTERNAL" / "EC2 capacity providers" when the launch is known not to run on Fargate. */
function onWhat(launch: LaunchModel): string | undefined {
  const lt = str(launch.launchType);
  if (lt === 'EC2' || lt === 'EXTERNAL') return lt;
  if (launch.launchType) return undefined;
  const entries = objects(launch.capacityProviderStrategy);
  if (entries.length === 0) return undefined;
  const names = entries.map((e) => str(child(e, 'capacityProvider')));
  if (names.some((n) => n === undefined || FARGATE_PROVIDERS.includes(n))) return undefined;
  return 'EC2 capacity providers';
}
