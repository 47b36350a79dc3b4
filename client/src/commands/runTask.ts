/**
 * Run task: cluster → family → revision → launch type / capacity provider → platform version → network →
 * count → overrides → ECS Exec → confirm → RunTask with a clientToken (a retried call never starts tasks
 * twice) → reveal the new tasks.
 */
import { collectPages, describeClustersBatched } from '../aws/batch';
import { formatAwsError } from '../aws/errors';
import { API_LIMITS, type AwsApis, type CapacityProviderStrategyItem, type RunTaskInput } from '../aws/types';
import { isNode, nameFromArn, parseTaskDefinitionArn, type ExplorerNode } from '../explorer/nodes';
import { offeredPlatformVersions, refusePlatformVersion } from './platformVersions';
import { pickNetwork, pickOverrides } from './runTaskSteps';
import { pickConnection, type CommandDeps } from './types';

type Placement = { launchType: string } | { capacityProviderStrategy: CapacityProviderStrategyItem[] };

function clusterFromNode(node: ExplorerNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'cluster') return node.cluster.clusterArn;
  if (node.kind === 'services' || node.kind === 'service' || node.kind === 'standaloneTasks' || node.kind === 'task')
    return node.clusterArn;
  return undefined;
}

async function pickCluster(deps: CommandDeps, apis: AwsApis): Promise<string | undefined> {
  const listed = await collectPages((t) => apis.ecs.listClusters(t), 1000);
  if (listed.items.length === 0) {
    deps.ui.error(`There is no ECS cluster in ${apis.connection.region}. Create one first.`);
    return undefined;
  }
  return deps.ui.pick(
    listed.items.map((arn) => ({ label: nameFromArn(arn), description: arn, value: arn })),
    { title: 'Run task: cluster' },
  );
}

async function pickTaskDefinition(deps: CommandDeps, apis: AwsApis): Promise<string | undefined> {
  const families = await collectPages((t) => apis.ecs.listTaskDefinitionFamilies('ACTIVE', t), 1000);
  const family = await deps.ui.pick(
    families.items.map((f) => ({ label: f, value: f })),
    { title: 'Run task: task definition family' },
  );
  if (!family) return undefined;
  const revisions = await apis.ecs.listTaskDefinitions(family, 'ACTIVE');
  return deps.ui.pick(
    revisions.items.map((arn, i) => ({
      label: `${family}:${parseTaskDefinitionArn(arn).revision}`,
      description: i === 0 ? 'latest' : undefined,
      value: arn,
    })),
    { title: 'Run task: revision (latest first)' },
  );
}

export async function runTask(deps: CommandDeps, arg?: unknown): Promise<void> {
  const node = isNode(arg) ? arg : undefined;
  const conn = await pickConnection(deps, node);
  if (!conn) return;
  const apis = await deps.apis(conn);
  const ui = deps.ui;
  const clusterArn = clusterFromNode(node) ?? (await pickCluster(deps, apis));
  if (!clusterArn) return;
  const taskDefinition = node?.kind === 'revision' ? node.taskDefinitionArn : await pickTaskDefinition(deps, apis);
  if (!taskDefinition) return;
  const { taskDefinition: td } = await apis.ecs.describeTaskDefinition(taskDefinition);

  const [cluster] = await describeClustersBatched(apis.ecs, [clusterArn]);
  const providers = (cluster?.capacityProviders ?? []).filter((p) => p.startsWith('FARGATE'));
  const compat = td.requiresCompatibilities ?? td.compatibilities ?? ['FARGATE'];
  const placements: Array<{ label: string; description?: string; value: Placement }> = [
    ...(compat.includes('FARGATE')
      ? [{ label: 'FARGATE', description: 'launch type', value: { launchType: 'FARGATE' } }]
      : []),
    ...providers.map((p) => ({
      label: p,
      description: 'capacity provider',
      value: { capacityProviderStrategy: [{ capacityProvider: p, weight: 1 }] },
    })),
    ...(compat.includes('EC2')
      ? [{ label: 'EC2', description: 'launch type (needs container instances)', value: { launchType: 'EC2' } }]
      : []),
  ];
  const placement =
    placements.length === 1
      ? placements[0].value
      : await ui.pick(placements, { title: 'Run task: launch type or capacity provider' });
  if (!placement) return;
  const fargate = 'capacityProviderStrategy' in placement || placement.launchType === 'FARGATE';

  let platformVersion: string | undefined;
  if (fargate) {
    const picked = await ui.pick(
      [
        ...offeredPlatformVersions(td).map((v) => ({
          label: v.value,
          description: refusePlatformVersion(v.value, td) ? 'not usable for this task definition' : v.detail,
          value: v.value,
        })),
        { label: 'Other…', value: 'other' },
      ],
      { title: 'Run task: platform version' },
    );
    if (!picked) return;
    platformVersion = picked === 'other' ? await ui.input({ title: 'Platform version', placeholder: '1.4.0' }) : picked;
    if (!platformVersion) return;
    const refused = refusePlatformVersion(platformVersion, td);
    if (refused) {
      ui.error(refused);
      return;
    }
  }

  const network = td.networkMode === 'awsvpc' || fargate ? await pickNetwork(ui, apis, clusterArn) : undefined;
  if ((td.networkMode === 'awsvpc' || fargate) && !network) return;
  const countText = await ui.input({
    title: 'Run task: number of tasks',
    value: '1',
    validate: (v) =>
      /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= API_LIMITS.runTaskCount
        ? undefined
        : `A whole number from 1 to ${API_LIMITS.runTaskCount}`,
  });
  if (!countText) return;
  const overrides = await pickOverrides(ui, td);
  if (!overrides) return;
  const exec = await ui.pick(
    [
      { label: 'ECS Exec off', value: false },
      { label: 'Enable ECS Exec', description: 'the task role needs ssmmessages permissions', value: true },
    ],
    { title: 'Run task: ECS Exec' },
  );
  if (exec === undefined) return;

  const count = Number(countText);
  const tdLabel = `${td.family}:${td.revision}`;
  const where =
    'launchType' in placement ? placement.launchType : placement.capacityProviderStrategy[0].capacityProvider;
  const ok = await ui.confirm(
    `Run ${count} task${count > 1 ? 's' : ''} of ${tdLabel} in cluster ${nameFromArn(clusterArn)}?`,
    `${where}${platformVersion ? ` platform ${platformVersion}` : ''}, ${conn.region} (profile ${conn.profile ?? 'default'}). Running tasks are billed until they stop.`,
    'Run',
  );
  if (!ok) return;

  const input: RunTaskInput = {
    cluster: clusterArn,
    taskDefinition: td.taskDefinitionArn ?? taskDefinition,
    count,
    clientToken: deps.newToken(),
    ...placement,
    ...(platformVersion ? { platformVersion } : {}),
    ...(network ? { networkConfiguration: { awsvpcConfiguration: network } } : {}),
    ...(overrides.length ? { overrides: { containerOverrides: overrides } } : {}),
    enableExecuteCommand: exec,
    startedBy: 'fargate-lens',
  };
  let result;
  try {
    result = await ui.withProgress(`Running ${tdLabel}…`, () => apis.ecs.runTask(input));
  } catch (err) {
    ui.error(`Run task failed: ${formatAwsError(err, conn.profile)}`);
    return;
  }
  for (const f of result.failures) ui.error(`Run task: ${f.arn ?? ''} ${f.reason ?? ''} ${f.detail ?? ''}`.trim());
  if (result.tasks.length === 0) return;
  ui.info(`Started ${result.tasks.length} task${result.tasks.length > 1 ? 's' : ''} of ${tdLabel}.`);
  const first = await deps.model.findTask(conn, clusterArn, result.tasks[0].taskArn);
  if (first) await ui.reveal(first);
}
