/**
 * In-memory fake of our AWS interfaces for unit tests: an account per region, real next tokens with a
 * configurable page size, API-limit enforcement, per-operation call counts, and injected faults
 * (errors per region or operation, throttling that succeeds after N attempts). What the account holds,
 * and the builders that seed it, are in fakeAccount.ts.
 */
import {
  API_LIMITS,
  type ApiFactory,
  type AwsApis,
  type Connection,
  type Ec2Api,
  type EcsApi,
  type EfsApi,
  type Page,
  type RunTaskInput,
  type Service,
  type ServiceDeploymentBrief,
  type ServiceRevision,
  type Task,
  type TaskDefinition,
} from '../../../client/src/aws/types';
import { FakeLogs } from '../../fakes/fakeLogs';
import { emptyRegion, type FakeRegion } from './fakeAccount';

export class FakeAws {
  readonly regions = new Map<string, FakeRegion>();
  readonly calls: Array<{ region: string; op: string; size?: number }> = [];
  pageSize = 100;
  /** op name or '*' → error to throw, per region. */
  readonly faults = new Map<string, Map<string, unknown>>();
  /** Throttle the next N calls of any op in a region. */
  throttle = new Map<string, number>();
  readonly runTaskTokens = new Map<string, Task[]>();
  /** ListServiceDeployments history per service ARN, newest first; DescribeServiceRevisions by ARN. */
  readonly serviceHistory = new Map<string, ServiceDeploymentBrief[]>();
  readonly serviceRevisions = new Map<string, ServiceRevision>();
  private seq = 0;

  region(name: string): FakeRegion {
    let r = this.regions.get(name);
    if (!r) this.regions.set(name, (r = emptyRegion()));
    return r;
  }

  count(op: string, region?: string): number {
    return this.calls.filter((c) => c.op === op && (!region || c.region === region)).length;
  }

  fail(region: string, op: string, err: unknown): void {
    if (!this.faults.has(region)) this.faults.set(region, new Map());
    this.faults.get(region)!.set(op, err);
  }

  readonly factory: ApiFactory = async (conn: Connection) => this.apis(conn);

  apis(conn: Connection): AwsApis {
    return {
      connection: conn,
      ecs: this.ecs(conn.region),
      efs: this.efs(conn.region),
      ec2: this.ec2(conn.region),
      logs: this.logs(conn.region),
      ...unfakedServices(),
    };
  }

  private readonly logsByRegion = new Map<string, FakeLogs>();

  /** CloudWatch Logs of a region (test/fakes/fakeLogs.ts). */
  logs(region: string): FakeLogs {
    let l = this.logsByRegion.get(region);
    if (!l) this.logsByRegion.set(region, (l = new FakeLogs(undefined, region)));
    return l;
  }

  private enter(region: string, op: string, size?: number): FakeRegion {
    this.calls.push({ region, op, size });
    const fault = this.faults.get(region)?.get(op) ?? this.faults.get(region)?.get('*');
    if (fault) throw fault as Error; // faults are AWS-shaped errors (Error subclasses)
    const t = this.throttle.get(region) ?? 0;
    if (t > 0) {
      this.throttle.set(region, t - 1);
      throw Object.assign(new Error('Rate exceeded'), {
        name: 'ThrottlingException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    return this.region(region);
  }

  private page<T>(items: T[], token?: string): Page<T> {
    const start = token ? Number(token) : 0;
    const end = start + this.pageSize;
    return { items: items.slice(start, end), nextToken: end < items.length ? String(end) : undefined };
  }

  private limit(op: string, ids: string[], max: number): void {
    if (ids.length === 0 || ids.length > max) throw new RangeError(`${op}: ${ids.length} ids (limit ${max})`);
  }

  ecs(region: string): EcsApi {
    return {
      listClusters: async (t) =>
        this.page(
          this.enter(region, 'ListClusters').clusters.map((c) => c.clusterArn),
          t,
        ),
      describeClusters: async (arns) => {
        const r = this.enter(region, 'DescribeClusters', arns.length);
        this.limit('DescribeClusters', arns, API_LIMITS.describeClusters);
        return r.clusters.filter((c) => arns.includes(c.clusterArn));
      },
      listServices: async (cluster, t) =>
        this.page(
          (this.enter(region, 'ListServices').services.get(cluster) ?? []).map((s) => s.serviceArn),
          t,
        ),
      describeServices: async (cluster, arns) => {
        const r = this.enter(region, 'DescribeServices', arns.length);
        this.limit('DescribeServices', arns, API_LIMITS.describeServices);
        return structuredClone((r.services.get(cluster) ?? []).filter((s) => arns.includes(s.serviceArn)));
      },
      listTasks: async (cluster, o) =>
        this.page(
          (this.enter(region, 'ListTasks').tasks.get(cluster) ?? [])
            .filter(
              (t) =>
                (o.desiredStatus ?? 'RUNNING') === (t.desiredStatus ?? 'RUNNING') &&
                (!o.serviceName || t.group === `service:${o.serviceName}`),
            )
            .map((t) => t.taskArn),
          o.nextToken,
        ),
      describeTasks: async (cluster, arns) => {
        const r = this.enter(region, 'DescribeTasks', arns.length);
        this.limit('DescribeTasks', arns, API_LIMITS.describeTasks);
        return (r.tasks.get(cluster) ?? []).filter((t) => arns.includes(t.taskArn));
      },
      listTaskDefinitionFamilies: async (status, t) =>
        this.page(
          [
            ...new Set(
              this.enter(region, 'ListTaskDefinitionFamilies')
                .taskDefinitions.filter((d) => (d.status ?? 'ACTIVE') === status)
                .map((d) => d.family!),
            ),
          ],
          t,
        ),
      listTaskDefinitions: async (family, status, t) =>
        this.page(
          this.enter(region, 'ListTaskDefinitions')
            .taskDefinitions.filter((d) => d.family === family && (d.status ?? 'ACTIVE') === status)
            .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
            .map((d) => d.taskDefinitionArn!),
          t,
        ),
      describeTaskDefinition: async (td) => {
        const r = this.enter(region, 'DescribeTaskDefinition');
        const found =
          r.taskDefinitions.find((d) => d.taskDefinitionArn === td || `${d.family}:${d.revision}` === td) ??
          r.taskDefinitions
            .filter((d) => d.family === td && d.status !== 'INACTIVE')
            .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))[0];
        if (!found) throw Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' });
        return { taskDefinition: structuredClone(found), tags: [] };
      },
      registerTaskDefinition: async (input) => {
        const r = this.enter(region, 'RegisterTaskDefinition');
        const family = String(input.family);
        const revision =
          Math.max(0, ...r.taskDefinitions.filter((d) => d.family === family).map((d) => d.revision ?? 0)) + 1;
        const td: TaskDefinition = {
          ...(input as TaskDefinition),
          family,
          revision,
          status: 'ACTIVE',
          taskDefinitionArn: `arn:aws:ecs:${region}:123456789012:task-definition/${family}:${revision}`,
        };
        r.taskDefinitions.push(td);
        return td;
      },
      runTask: async (input: RunTaskInput) => {
        const r = this.enter(region, 'RunTask', input.count);
        const prior = this.runTaskTokens.get(input.clientToken);
        if (prior) return { tasks: prior, failures: [] };
        const tasks: Task[] = Array.from({ length: input.count }, () => ({
          taskArn: `arn:aws:ecs:${region}:123456789012:task/${input.cluster.split('/').pop()}/${(++this.seq).toString(16).padStart(32, '0')}`,
          clusterArn: input.cluster,
          taskDefinitionArn: input.taskDefinition,
          lastStatus: 'PROVISIONING',
          desiredStatus: 'RUNNING',
          launchType: input.launchType,
          platformVersion: input.platformVersion,
          group: `family:${input.taskDefinition}`,
          containers: [{ name: 'app', lastStatus: 'PENDING' }],
        }));
        r.tasks.set(input.cluster, [...(r.tasks.get(input.cluster) ?? []), ...tasks]);
        this.runTaskTokens.set(input.clientToken, tasks);
        return { tasks, failures: [] };
      },
      stopTask: async (cluster, task, reason) => {
        const r = this.enter(region, 'StopTask');
        const t = (r.tasks.get(cluster) ?? []).find((x) => x.taskArn === task);
        if (t) Object.assign(t, { desiredStatus: 'STOPPED', stoppedReason: reason });
        return t;
      },
      listServiceDeployments: async (cluster, service) => {
        const r = this.enter(region, 'ListServiceDeployments');
        const s = (r.services.get(cluster) ?? []).find((x) => x.serviceArn === service || x.serviceName === service);
        if (!s) throw Object.assign(new Error('Service not found.'), { name: 'ServiceNotFoundException' });
        return structuredClone(this.serviceHistory.get(s.serviceArn) ?? []);
      },
      describeServiceRevisions: async (arns) => {
        this.enter(region, 'DescribeServiceRevisions', arns.length);
        this.limit('DescribeServiceRevisions', arns, API_LIMITS.describeServiceRevisions);
        return arns.flatMap((a) =>
          this.serviceRevisions.has(a) ? [structuredClone(this.serviceRevisions.get(a)!)] : [],
        );
      },
      // UpdateService as the API reference describes it: omitted members keep their values; a new
      // task definition or forceNewDeployment starts a deployment (a new PRIMARY, the old one ACTIVE
      // until drained: Deployment.status); desiredCount alone changes the PRIMARY's desired count.
      updateService: async (input) => {
        const r = this.enter(region, 'UpdateService');
        const s = (r.services.get(input.cluster) ?? []).find(
          (x) => x.serviceArn === input.service || x.serviceName === input.service,
        );
        if (!s) throw Object.assign(new Error('Service not found.'), { name: 'ServiceNotFoundException' });
        if (input.desiredCount !== undefined) s.desiredCount = input.desiredCount;
        if (input.deploymentConfiguration) s.deploymentConfiguration = structuredClone(input.deploymentConfiguration);
        if (input.taskDefinition) {
          const { taskDefinition } = await this.ecs(region).describeTaskDefinition(input.taskDefinition);
          this.calls.pop(); // the lookup above is part of this call, not a call of its own
          s.taskDefinition = taskDefinition.taskDefinitionArn;
        }
        if (input.taskDefinition || input.forceNewDeployment) {
          const now = new Date(Date.UTC(2026, 0, 1, 0, 0, ++this.seq));
          for (const d of s.deployments ?? []) if (d.status === 'PRIMARY') d.status = 'ACTIVE';
          s.deployments = [
            {
              id: `ecs-svc/${(++this.seq).toString().padStart(19, '0')}`,
              status: 'PRIMARY',
              rolloutState: 'IN_PROGRESS',
              rolloutStateReason: 'ECS deployment in progress.',
              taskDefinition: s.taskDefinition,
              desiredCount: s.desiredCount,
              runningCount: 0,
              pendingCount: 0,
              failedTasks: 0,
              createdAt: now,
              updatedAt: now,
            },
            ...(s.deployments ?? []),
          ];
          this.recordDeployment(s, 'IN_PROGRESS');
        } else {
          const primary = s.deployments?.find((d) => d.status === 'PRIMARY');
          if (primary && input.desiredCount !== undefined) primary.desiredCount = input.desiredCount;
        }
        return structuredClone(s);
      },
      setServiceExec: async (cluster, service, enable) => {
        const r = this.enter(region, 'UpdateService');
        const s = (r.services.get(cluster) ?? []).find((x) => x.serviceArn === service || x.serviceName === service);
        if (s) s.enableExecuteCommand = enable;
        return s;
      },
    };
  }

  /** Adds a ListServiceDeployments entry (newest first) whose target revision runs the service's task definition. */
  recordDeployment(s: Service, status: string): ServiceDeploymentBrief {
    const n = ++this.seq;
    const revisionArn = `${s.serviceArn.replace(':service/', ':service-revision/')}/${n}`;
    this.serviceRevisions.set(revisionArn, { serviceRevisionArn: revisionArn, taskDefinition: s.taskDefinition });
    const entry: ServiceDeploymentBrief = {
      serviceDeploymentArn: `${s.serviceArn.replace(':service/', ':service-deployment/')}/${n}`,
      status,
      targetServiceRevisionArn: revisionArn,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    };
    this.serviceHistory.set(s.serviceArn, [entry, ...(this.serviceHistory.get(s.serviceArn) ?? [])]);
    return entry;
  }

  efs(region: string): EfsApi {
    return {
      describeFileSystems: async (t) => this.page(this.enter(region, 'DescribeFileSystems').fileSystems, t),
      describeAccessPoints: async (id, t) =>
        this.page(
          this.enter(region, 'DescribeAccessPoints').accessPoints.filter((a) => a.FileSystemId === id),
          t,
        ),
      describeMountTargets: async (id, t) =>
        this.page(
          this.enter(region, 'DescribeMountTargets').mountTargets.filter((m) => m.FileSystemId === id),
          t,
        ),
    };
  }

  ec2(region: string): Ec2Api {
    return {
      describeVpcs: async () => {
        this.enter(region, 'DescribeVpcs');
        return [{ VpcId: 'vpc-1', IsDefault: true, CidrBlock: '10.0.0.0/16' }];
      },
      describeSubnets: async ({ subnetIds }) => {
        this.enter(region, 'DescribeSubnets');
        return ['subnet-a', 'subnet-b']
          .filter((s) => !subnetIds || subnetIds.includes(s))
          .map((SubnetId) => ({ SubnetId, VpcId: 'vpc-1' }));
      },
      describeSecurityGroups: async () => {
        this.enter(region, 'DescribeSecurityGroups');
        return [{ GroupId: 'sg-1', GroupName: 'default', VpcId: 'vpc-1' }];
      },
    };
  }
}

type Unfaked = Omit<AwsApis, 'connection' | 'ecs' | 'efs' | 'ec2' | 'logs'>;

/** The services this fake does not model: any call rejects, naming the method, so a test that needs one fails clearly. */
export function unfakedServices(): Unfaked {
  const service = (name: string): never =>
    new Proxy(
      {},
      { get: (_t, method) => () => Promise.reject(new Error(`${name}.${String(method)} is not faked in this test`)) },
    ) as never;
  return {
    ecr: service('ecr'),
    secretsManager: service('secretsManager'),
    iam: service('iam'),
    elbv2: service('elbv2'),
    ssm: service('ssm'),
    kms: service('kms'),
    sts: service('sts'),
  };
}
