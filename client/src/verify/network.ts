/**
 * Service / run-task network checks, per launch input: its subnets and security groups exist
 * (ec2:DescribeSubnets / DescribeSecurityGroups filtered by id, so an unknown id is left out rather
 * than failing the call) and are in one VPC, and its target groups exist
 * (elasticloadbalancing:DescribeTargetGroups, 20 per call) with target type ip for awsvpc tasks, in
 * that VPC.
 */
import type { LiveFinding } from '../../../server/src/protocol';
import type { NetworkRef } from '../../../server/src/service/verify/references';
import { chunk } from '../aws/batch';
import type { TargetGroup } from '../aws/serviceTypes';
import { errorName, finding, notChecked, where, type VerifyContext } from './context';

export async function checkNetwork(refs: readonly NetworkRef[], ctx: VerifyContext): Promise<LiveFinding[]> {
  const byLaunch = new Map<string, NetworkRef[]>();
  for (const r of refs) byLaunch.set(r.launch, [...(byLaunch.get(r.launch) ?? []), r]);
  const out: LiveFinding[] = [];
  for (const list of byLaunch.values()) out.push(...(await checkLaunch(list, ctx)));
  return out;
}

async function checkLaunch(refs: NetworkRef[], ctx: VerifyContext): Promise<LiveFinding[]> {
  const out: LiveFinding[] = [];
  const at = where(ctx.account, ctx.region);
  const subnets = refs.filter((r) => r.kind === 'subnet');
  const groups = refs.filter((r) => r.kind === 'securityGroup');
  const tgs = refs.filter((r) => r.kind === 'targetGroup');
  const vpcOf = new Map<string, string | undefined>();
  try {
    const apis = await ctx.apis(ctx.region);
    if (subnets.length) {
      const ids = [...new Set(subnets.map((s) => s.value))].sort();
      const found = await ctx.cache.get(`${ctx.account}|${ctx.region}|subnets|${ids.join(',')}`, () =>
        apis.ec2.describeSubnets({ idFilter: ids }),
      );
      for (const s of found) vpcOf.set(s.SubnetId, s.VpcId);
    }
    if (groups.length) {
      const ids = [...new Set(groups.map((s) => s.value))].sort();
      const found = await ctx.cache.get(`${ctx.account}|${ctx.region}|sgs|${ids.join(',')}`, () =>
        apis.ec2.describeSecurityGroups({ idFilter: ids }),
      );
      for (const g of found) vpcOf.set(g.GroupId, g.VpcId);
    }
  } catch (e) {
    return [...subnets, ...groups].map((r) =>
      notChecked(r, `${r.kind === 'subnet' ? 'subnet' : 'security group'} ${r.value} ${at}`, e),
    );
  }
  for (const r of [...subnets, ...groups])
    if (!vpcOf.has(r.value))
      out.push(
        finding(
          r,
          'live/network',
          `${r.kind === 'subnet' ? 'Subnet' : 'Security group'} ${r.value} does not exist ${at}.`,
        ),
      );
  // One VPC: the subnets' (the first subnet's when they differ).
  const subnetVpcs = [...new Set(subnets.map((s) => vpcOf.get(s.value)).filter((v): v is string => !!v))];
  const vpc = subnetVpcs[0];
  if (subnetVpcs.length > 1) {
    const first = subnets.find((s) => vpcOf.get(s.value) === vpc);
    for (const s of subnets)
      if (vpcOf.get(s.value) && vpcOf.get(s.value) !== vpc)
        out.push(
          finding(
            s,
            'live/network',
            `Subnet ${s.value} is in ${vpcOf.get(s.value)}, subnet ${first?.value} in ${vpc}: a task's subnets must be in one VPC.`,
          ),
        );
  }
  if (vpc)
    for (const g of groups)
      if (vpcOf.get(g.value) && vpcOf.get(g.value) !== vpc)
        out.push(
          finding(
            g,
            'live/network',
            `Security group ${g.value} is in ${vpcOf.get(g.value)}, the subnets in ${vpc}: security groups must be in the subnets' VPC.`,
          ),
        );
  if (tgs.length) out.push(...(await checkTargetGroups(tgs, vpc, ctx)));
  return out;
}

async function checkTargetGroups(
  refs: NetworkRef[],
  vpc: string | undefined,
  ctx: VerifyContext,
): Promise<LiveFinding[]> {
  const at = where(ctx.account, ctx.region);
  const found = new Map<string, TargetGroup>();
  try {
    const apis = await ctx.apis(ctx.region);
    const describe = (arns: string[]) =>
      ctx.cache.get(`${ctx.account}|${ctx.region}|tgs|${arns.join(',')}`, () => apis.elbv2.describeTargetGroups(arns));
    for (const batch of chunk([...new Set(refs.map((r) => r.value))], 20)) {
      let groups: TargetGroup[];
      try {
        groups = await describe(batch);
      } catch (e) {
        // One unknown ARN fails the whole call (TargetGroupNotFound): ask for each to know which.
        if (!/TargetGroupNotFound/.test(errorName(e)) || batch.length === 1) {
          if (/TargetGroupNotFound/.test(errorName(e))) continue;
          throw e;
        }
        groups = [];
        for (const arn of batch) {
          try {
            groups.push(...(await describe([arn])));
          } catch (x) {
            if (!/TargetGroupNotFound/.test(errorName(x))) throw x;
          }
        }
      }
      for (const g of groups) found.set(g.TargetGroupArn, g);
    }
  } catch (e) {
    return refs.map((r) => notChecked(r, `target group ${r.value} ${at}`, e));
  }
  const out: LiveFinding[] = [];
  for (const r of refs) {
    const g = found.get(r.value);
    if (!g) out.push(finding(r, 'live/network', `Target group ${r.value} does not exist ${at}.`));
    else if (r.awsvpc && g.TargetType && g.TargetType !== 'ip')
      out.push(
        finding(
          r,
          'live/network',
          `Target group ${g.TargetGroupName ?? r.value} has target type ${g.TargetType}; tasks with awsvpc networking (every Fargate task) register by IP, so it must be ip.`,
        ),
      );
    else if (vpc && g.VpcId && g.VpcId !== vpc)
      out.push(
        finding(
          r,
          'live/network',
          `Target group ${g.TargetGroupName ?? r.value} is in ${g.VpcId}, the task's subnets in ${vpc}.`,
        ),
      );
  }
  return out;
}
