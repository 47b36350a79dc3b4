/**
 * Role and log-group checks: the execution and task roles exist and trust ecs-tasks.amazonaws.com
 * (iam:GetRole, its AssumeRolePolicyDocument), and an awslogs group exists in its region
 * (logs:DescribeLogGroups) unless awslogs-create-group is "true".
 */
import type { LiveFinding } from '../../../server/src/protocol';
import type { LogGroupRef, RoleRef } from '../../../server/src/service/verify/references';
import { finding, notChecked, where, type VerifyContext } from './context';
import { parseRole, trustsEcsTasks } from './parse';

const ROLE_NAMES = { executionRoleArn: 'execution role', taskRoleArn: 'task role' } as const;

export async function checkRole(ref: RoleRef, ctx: VerifyContext): Promise<LiveFinding[]> {
  const what = ROLE_NAMES[ref.role];
  const role = parseRole(ref.value);
  if (!role) return [notChecked(ref, `${what} ${ref.value}`, 'not a role ARN or name')];
  if (role.account && role.account !== ctx.account)
    return [
      notChecked(
        ref,
        `${what} ${role.name}`,
        `it is in account ${role.account}, not the connected account ${ctx.account}`,
      ),
    ];
  let got;
  try {
    const apis = await ctx.apis(ctx.region);
    got = await ctx.cache.get(`${ctx.account}|iam|role|${role.name}`, () => apis.iam.getRole(role.name));
  } catch (e) {
    return [notChecked(ref, `${what} ${role.name} in account ${ctx.account}`, e)];
  }
  if (!got)
    return [finding(ref, 'live/role-not-found', `The ${what} ${role.name} does not exist in account ${ctx.account}.`)];
  if (got.AssumeRolePolicyDocument !== undefined && !trustsEcsTasks(got.AssumeRolePolicyDocument))
    return [
      finding(
        ref,
        'live/role-trust',
        `The ${what} ${role.name} (account ${ctx.account}) does not trust ecs-tasks.amazonaws.com: its trust policy has no Allow of sts:AssumeRole for that service, so ECS cannot assume it.`,
      ),
    ];
  return [];
}

export async function checkLogGroup(ref: LogGroupRef, ctx: VerifyContext): Promise<LiveFinding[]> {
  if (ref.createGroup) return [];
  const region = ref.region ?? ctx.region;
  let group;
  try {
    const apis = await ctx.apis(region);
    group = await ctx.cache.get(`${ctx.account}|${region}|loggroup|${ref.value}`, () =>
      apis.logs.describeLogGroup(ref.value),
    );
  } catch (e) {
    return [notChecked(ref, `log group ${ref.value} ${where(ctx.account, region)}`, e)];
  }
  if (group) return [];
  return [
    finding(
      ref,
      'live/log-group-missing',
      `Log group ${ref.value} does not exist ${where(ctx.account, region)} and awslogs-create-group is not "true": container ${ref.container} fails to start ("The specified log group does not exist").`,
      {
        fixes: [
          { title: 'Add "awslogs-create-group": "true"', addSibling: { key: 'awslogs-create-group', value: 'true' } },
        ],
      },
    ),
  ];
}
