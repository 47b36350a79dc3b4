/** The network and overrides steps of Run task, split out to keep runTask.ts readable. */
import { collectPages, describeServicesBatched } from '../aws/batch';
import type { AwsApis, AwsVpcConfiguration, ContainerOverride, TaskDefinition } from '../aws/types';
import { plural } from '../explorer/format';
import type { Ui } from './types';

/** Subnets and security groups: copied from a service of the cluster, or chosen from a VPC via EC2. */
export async function pickNetwork(ui: Ui, apis: AwsApis, clusterArn: string): Promise<AwsVpcConfiguration | undefined> {
  const listed = await collectPages((t) => apis.ecs.listServices(clusterArn, t), 100);
  const services = listed.items.length
    ? await describeServicesBatched(apis.ecs, clusterArn, listed.items.slice(0, 100))
    : [];
  type Choice = { kind: 'service'; config: AwsVpcConfiguration } | { kind: 'vpc' };
  const choices: { label: string; description?: string; value: Choice }[] = [
    ...services.flatMap((s) => {
      const c = s.networkConfiguration?.awsvpcConfiguration;
      return c?.subnets?.length
        ? [
            {
              label: `$(layers) Same network as service ${s.serviceName}`,
              description: `${plural(c.subnets.length, 'subnet')}, ${plural(c.securityGroups?.length ?? 0, 'security group')}, public IP ${c.assignPublicIp ?? 'DISABLED'}`,
              value: { kind: 'service' as const, config: c },
            },
          ]
        : [];
    }),
    { label: '$(globe) Choose subnets and security groups from a VPC…', value: { kind: 'vpc' } },
  ];
  const choice = choices.length === 1 ? choices[0].value : await ui.pick(choices, { title: 'Run task: network' });
  if (!choice) return undefined;
  let config: AwsVpcConfiguration;
  if (choice.kind === 'service') config = { ...choice.config };
  else {
    const vpcs = await apis.ec2.describeVpcs();
    const vpcId =
      vpcs.length === 1
        ? vpcs[0].VpcId
        : await ui.pick(
            vpcs.map((v) => ({
              label: v.Name ?? v.VpcId,
              description: `${v.VpcId} ${v.CidrBlock ?? ''}${v.IsDefault ? ' (default)' : ''}`,
              value: v.VpcId,
            })),
            { title: 'Run task: VPC' },
          );
    if (!vpcId) return undefined;
    const subnets = await apis.ec2.describeSubnets({ vpcId });
    const chosenSubnets = await ui.pickMany(
      subnets.map((s) => ({
        label: s.Name ?? s.SubnetId,
        description: `${s.SubnetId} ${s.AvailabilityZone ?? ''} ${s.CidrBlock ?? ''}`,
        value: s.SubnetId,
      })),
      { title: 'Run task: subnets' },
    );
    if (!chosenSubnets?.length) return undefined;
    const groups = await apis.ec2.describeSecurityGroups({ vpcId });
    const chosenGroups = await ui.pickMany(
      groups.map((g) => ({
        label: g.GroupName ?? g.GroupId,
        description: g.GroupId,
        detail: g.Description,
        picked: g.GroupName === 'default',
        value: g.GroupId,
      })),
      { title: 'Run task: security groups' },
    );
    if (!chosenGroups) return undefined;
    config = { subnets: chosenSubnets, securityGroups: chosenGroups, assignPublicIp: 'DISABLED' };
  }
  const publicIp = await ui.pick(
    [
      {
        label: 'No public IP',
        description: 'private subnets with a NAT gateway or VPC endpoints',
        picked: config.assignPublicIp !== 'ENABLED',
        value: 'DISABLED' as const,
      },
      {
        label: 'Assign a public IP',
        description: 'needed in public subnets to pull images without NAT',
        picked: config.assignPublicIp === 'ENABLED',
        value: 'ENABLED' as const,
      },
    ].sort((a, b) => Number(b.picked) - Number(a.picked)),
    { title: 'Run task: public IP' },
  );
  if (!publicIp) return undefined;
  return { ...config, assignPublicIp: publicIp };
}

/** Parses `KEY=VALUE` pairs separated by spaces or commas. */
export function parseEnvironment(text: string): Array<{ name: string; value: string }> | string {
  const out: Array<{ name: string; value: string }> = [];
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq < 1) return `"${pair}" is not KEY=VALUE`;
    out.push({ name: pair.slice(0, eq), value: pair.slice(eq + 1) });
  }
  return out;
}

/** Parses a command override: a JSON array of strings, or words separated by spaces. */
export function parseCommand(text: string): string[] | string {
  const t = text.trim();
  if (!t) return [];
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t) as unknown;
      return Array.isArray(v) && v.every((x) => typeof x === 'string')
        ? v
        : 'The command must be a JSON array of strings.';
    } catch {
      return 'The command is not valid JSON.';
    }
  }
  return t.split(/\s+/);
}

/** Optional container overrides; [] when the user wants none, undefined on cancel. */
export async function pickOverrides(ui: Ui, td: TaskDefinition): Promise<ContainerOverride[] | undefined> {
  const names = (td.containerDefinitions ?? []).map((c) => c.name).filter((n): n is string => !!n);
  const which = await ui.pick(
    [
      { label: 'No overrides', value: '' },
      ...names.map((n) => ({ label: `Override container ${n}…`, description: 'command and environment', value: n })),
    ],
    { title: 'Run task: container overrides' },
  );
  if (which === undefined) return undefined;
  if (which === '') return [];
  const command = await ui.input({
    title: `Command for ${which}`,
    prompt: 'JSON array or words; empty keeps the image/task definition command',
    validate: (v) => {
      const r = parseCommand(v);
      return typeof r === 'string' ? r : undefined;
    },
  });
  if (command === undefined) return undefined;
  const env = await ui.input({
    title: `Environment for ${which}`,
    prompt: 'KEY=VALUE pairs separated by spaces; empty for none',
    validate: (v) => {
      const r = parseEnvironment(v);
      return typeof r === 'string' ? r : undefined;
    },
  });
  if (env === undefined) return undefined;
  const override: ContainerOverride = { name: which };
  const cmd = parseCommand(command);
  const environment = parseEnvironment(env);
  if (Array.isArray(cmd) && cmd.length) override.command = cmd;
  if (Array.isArray(environment) && environment.length) override.environment = environment;
  return [override];
}
