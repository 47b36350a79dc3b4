/** EcsApi over @aws-sdk/client-ecs: one method = one API call; list pages come from the SDK paginators. */
import {
  DescribeClustersCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitionFamilies,
  paginateListTaskDefinitions,
  paginateListTasks,
  type RegisterTaskDefinitionCommandInput,
  type RunTaskCommandInput,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import {
  API_LIMITS,
  type Cluster,
  type EcsApi,
  type Page,
  type Service,
  type Task,
  type ServiceDeploymentBrief,
  type TaskDefinition,
} from '../types';
import { assertBatch, firstPage } from './paging';

export function createEcsApi(client: ECSClient): EcsApi {
  const pageSize = API_LIMITS.listPageSize;
  return {
    async listClusters(nextToken) {
      const page = await firstPage(paginateListClusters({ client, pageSize, startingToken: nextToken }, {}));
      return toPage(page?.clusterArns, page?.nextToken);
    },
    async describeClusters(clusterArns) {
      assertBatch('DescribeClusters', clusterArns, API_LIMITS.describeClusters);
      const out = await client.send(new DescribeClustersCommand({ clusters: clusterArns }));
      return (out.clusters ?? []) as Cluster[];
    },
    async listServices(cluster, nextToken) {
      const page = await firstPage(paginateListServices({ client, pageSize, startingToken: nextToken }, { cluster }));
      return toPage(page?.serviceArns, page?.nextToken);
    },
    async describeServices(cluster, serviceArns) {
      assertBatch('DescribeServices', serviceArns, API_LIMITS.describeServices);
      const out = await client.send(new DescribeServicesCommand({ cluster, services: serviceArns }));
      return (out.services ?? []) as Service[];
    },
    async listTasks(cluster, opts) {
      const input = { cluster, desiredStatus: opts.desiredStatus, serviceName: opts.serviceName };
      const page = await firstPage(paginateListTasks({ client, pageSize, startingToken: opts.nextToken }, input));
      return toPage(page?.taskArns, page?.nextToken);
    },
    async describeTasks(cluster, taskArns) {
      assertBatch('DescribeTasks', taskArns, API_LIMITS.describeTasks);
      const out = await client.send(new DescribeTasksCommand({ cluster, tasks: taskArns }));
      return (out.tasks ?? []) as Task[];
    },
    async listTaskDefinitionFamilies(status, nextToken) {
      const page = await firstPage(
        paginateListTaskDefinitionFamilies({ client, pageSize, startingToken: nextToken }, { status }),
      );
      return toPage(page?.families, page?.nextToken);
    },
    async listTaskDefinitions(family, status, nextToken) {
      const input = { familyPrefix: family, status, sort: 'DESC' as const };
      const page = await firstPage(paginateListTaskDefinitions({ client, pageSize, startingToken: nextToken }, input));
      // familyPrefix matches by prefix: keep exactly this family.
      const revisionOf = (arn: string): number => Number(/:(\d+)$/.exec(arn)?.[1] ?? 0);
      const items = (page?.taskDefinitionArns ?? [])
        .filter((arn) => arn.split('/').pop()?.replace(/:\d+$/, '') === family)
        .sort((a, b) => revisionOf(b) - revisionOf(a)); // newest first even where sort=DESC is not honoured (emulators)
      return { items, nextToken: page?.nextToken };
    },
    async describeTaskDefinition(taskDefinition) {
      const out = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
      if (!out.taskDefinition) throw new Error(`Task definition ${taskDefinition} was not returned`);
      return { taskDefinition: out.taskDefinition as TaskDefinition, tags: out.tags };
    },
    async registerTaskDefinition(input) {
      const out = await client.send(
        new RegisterTaskDefinitionCommand(input as unknown as RegisterTaskDefinitionCommandInput),
      );
      return (out.taskDefinition ?? {}) as TaskDefinition;
    },
    async runTask(input) {
      if (input.count < 1 || input.count > API_LIMITS.runTaskCount)
        throw new RangeError(`RunTask count must be 1-${API_LIMITS.runTaskCount}`);
      const out = await client.send(new RunTaskCommand(input as RunTaskCommandInput));
      return { tasks: (out.tasks ?? []) as Task[], failures: out.failures ?? [] };
    },
    async stopTask(cluster, task, reason) {
      const out = await client.send(new StopTaskCommand({ cluster, task, reason }));
      return out.task as Task | undefined;
    },
    async listServiceDeployments(cluster, service) {
      const out = await client.send(new ListServiceDeploymentsCommand({ cluster, service, maxResults: 100 }));
      const items = (out.serviceDeployments ?? []) as ServiceDeploymentBrief[];
      const at = (d: ServiceDeploymentBrief): number => (d.createdAt ?? d.startedAt)?.getTime() ?? 0;
      return [...items].sort((a, b) => at(b) - at(a));
    },
    async describeServiceRevisions(arns) {
      assertBatch('DescribeServiceRevisions', arns, API_LIMITS.describeServiceRevisions);
      const out = await client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: arns }));
      return out.serviceRevisions ?? [];
    },
    async updateService(input) {
      const out = await client.send(new UpdateServiceCommand(input as UpdateServiceCommandInput));
      if (!out.service) throw new Error(`UpdateService returned no service for ${input.service}`);
      return out.service as Service;
    },
    async setServiceExec(cluster, service, enable) {
      const out = await client.send(
        new UpdateServiceCommand({ cluster, service, enableExecuteCommand: enable, forceNewDeployment: true }),
      );
      return out.service as Service | undefined;
    },
  };
}

function toPage(items: string[] | undefined, nextToken: string | undefined): Page<string> {
  return { items: items ?? [], nextToken: nextToken || undefined };
}
