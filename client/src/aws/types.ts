/**
 * Our own small view of the AWS APIs the explorer and commands use. Nothing here imports the SDK:
 * the shapes are the subsets we read, named like the API fields so the SDK implementation can pass
 * objects through unchanged (extra fields survive at runtime, which "Open as JSON" relies on).
 *
 * Contract: one interface method = one API call. Callers batch to the API limits (see batch.ts);
 * implementations throw if given more ids than the API accepts, so a fake can count calls exactly.
 * The services beyond ECS, EFS and EC2 are in serviceTypes.ts.
 */
import type { LogsApi } from './logsTypes';
import type { EcrApi, Elbv2Api, IamApi, KmsApi, SecretsManagerApi, SsmApi, StsApi } from './serviceTypes';

export * from './logsTypes';
export type * from './serviceTypes';

/** Where calls go: a named profile (undefined = the SDK's default chain) and one region. */
export interface Connection {
  readonly profile: string | undefined;
  readonly region: string;
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

export interface Failure {
  arn?: string;
  reason?: string;
  detail?: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status?: string;
  runningTasksCount?: number;
  pendingTasksCount?: number;
  activeServicesCount?: number;
  capacityProviders?: string[];
}

export interface AwsVpcConfiguration {
  subnets: string[];
  securityGroups?: string[];
  assignPublicIp?: 'ENABLED' | 'DISABLED';
}

export interface Deployment {
  id?: string;
  status?: string;
  rolloutState?: string;
  rolloutStateReason?: string;
  taskDefinition?: string;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  failedTasks?: number;
  createdAt?: Date;
  updatedAt?: Date;
  launchType?: string;
  platformVersion?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

export interface ServiceEvent {
  id?: string;
  createdAt?: Date;
  message?: string;
}

export interface DeploymentCircuitBreaker {
  enable: boolean;
  rollback: boolean;
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: DeploymentCircuitBreaker;
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  alarms?: { alarmNames?: string[]; enable?: boolean; rollback?: boolean };
  [member: string]: unknown;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn?: string;
  status?: string;
  desiredCount?: number;
  runningCount?: number;
  pendingCount?: number;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  taskDefinition?: string;
  enableExecuteCommand?: boolean;
  deployments?: Deployment[];
  networkConfiguration?: { awsvpcConfiguration?: AwsVpcConfiguration };
  /** Newest first, at most 100 (DescribeServices). */
  events?: ServiceEvent[];
  deploymentConfiguration?: DeploymentConfiguration;
  deploymentController?: { type?: string };
  schedulingStrategy?: string;
}

/** ListServiceDeployments item (the service's deployment history). */
export interface ServiceDeploymentBrief {
  serviceDeploymentArn?: string;
  status?: string;
  targetServiceRevisionArn?: string;
  startedAt?: Date;
  createdAt?: Date;
  finishedAt?: Date;
}

/** DescribeServiceRevisions item: what one deployment ran. */
export interface ServiceRevision {
  serviceRevisionArn?: string;
  taskDefinition?: string;
  createdAt?: Date;
}

/**
 * UpdateService input: only the members given are sent, so a service keeps every setting the caller
 * did not name (the API leaves omitted members unchanged).
 */
export interface UpdateServiceInput {
  cluster: string;
  service: string;
  taskDefinition?: string;
  desiredCount?: number;
  forceNewDeployment?: boolean;
  deploymentConfiguration?: DeploymentConfiguration;
}

export interface Container {
  name: string;
  containerArn?: string;
  image?: string;
  lastStatus?: string;
  healthStatus?: string;
  exitCode?: number;
  reason?: string;
  runtimeId?: string;
  cpu?: string;
  memory?: string;
}

export interface Task {
  taskArn: string;
  clusterArn?: string;
  taskDefinitionArn?: string;
  lastStatus?: string;
  desiredStatus?: string;
  launchType?: string;
  capacityProviderName?: string;
  platformVersion?: string;
  group?: string;
  startedBy?: string;
  stoppedReason?: string;
  stopCode?: string;
  healthStatus?: string;
  cpu?: string;
  memory?: string;
  enableExecuteCommand?: boolean;
  createdAt?: Date;
  startedAt?: Date;
  stoppingAt?: Date;
  stoppedAt?: Date;
  containers?: Container[];
}

export interface TaskDefinition {
  taskDefinitionArn?: string;
  family?: string;
  revision?: number;
  status?: string;
  cpu?: string;
  memory?: string;
  networkMode?: string;
  requiresCompatibilities?: string[];
  compatibilities?: string[];
  runtimePlatform?: { operatingSystemFamily?: string; cpuArchitecture?: string };
  containerDefinitions?: Array<Record<string, unknown> & { name?: string }>;
  volumes?: Array<Record<string, unknown>>;
  ephemeralStorage?: { sizeInGiB?: number };
  [field: string]: unknown;
}

export interface RunTaskInput {
  cluster: string;
  taskDefinition: string;
  count: number;
  clientToken: string;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: { awsvpcConfiguration: AwsVpcConfiguration };
  overrides?: { containerOverrides: ContainerOverride[] };
  enableExecuteCommand?: boolean;
  startedBy?: string;
}

export interface ContainerOverride {
  name: string;
  command?: string[];
  environment?: Array<{ name: string; value: string }>;
}

export interface FileSystem {
  FileSystemId: string;
  FileSystemArn?: string;
  Name?: string;
  LifeCycleState?: string;
  NumberOfMountTargets?: number;
  PerformanceMode?: string;
  ThroughputMode?: string;
  Encrypted?: boolean;
  SizeInBytes?: { Value?: number };
}

export interface AccessPoint {
  AccessPointId: string;
  AccessPointArn?: string;
  FileSystemId?: string;
  Name?: string;
  LifeCycleState?: string;
  RootDirectory?: { Path?: string };
  PosixUser?: { Uid?: number; Gid?: number };
}

export interface MountTarget {
  MountTargetId: string;
  FileSystemId?: string;
  SubnetId?: string;
  AvailabilityZoneName?: string;
  IpAddress?: string;
  LifeCycleState?: string;
}

export interface Vpc {
  VpcId: string;
  CidrBlock?: string;
  IsDefault?: boolean;
  Name?: string;
}
export interface Subnet {
  SubnetId: string;
  VpcId?: string;
  AvailabilityZone?: string;
  CidrBlock?: string;
  Name?: string;
  MapPublicIpOnLaunch?: boolean;
}
export interface SecurityGroup {
  GroupId: string;
  GroupName?: string;
  VpcId?: string;
  Description?: string;
}

export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE';

export interface EcsApi {
  listClusters(nextToken?: string): Promise<Page<string>>;
  /** At most 100 ARNs. */
  describeClusters(clusterArns: string[]): Promise<Cluster[]>;
  listServices(cluster: string, nextToken?: string): Promise<Page<string>>;
  /** At most 10 ARNs, all of one cluster. */
  describeServices(cluster: string, serviceArns: string[]): Promise<Service[]>;
  listTasks(
    cluster: string,
    opts: { desiredStatus?: 'RUNNING' | 'STOPPED'; serviceName?: string; nextToken?: string },
  ): Promise<Page<string>>;
  /** At most 100 ARNs, all of one cluster. */
  describeTasks(cluster: string, taskArns: string[]): Promise<Task[]>;
  listTaskDefinitionFamilies(status: TaskDefinitionStatus, nextToken?: string): Promise<Page<string>>;
  /** Revisions of one family, newest first. */
  listTaskDefinitions(family: string, status: TaskDefinitionStatus, nextToken?: string): Promise<Page<string>>;
  describeTaskDefinition(
    taskDefinition: string,
  ): Promise<{ taskDefinition: TaskDefinition; tags?: Array<{ key?: string; value?: string }> }>;
  registerTaskDefinition(input: Record<string, unknown>): Promise<TaskDefinition>;
  runTask(input: RunTaskInput): Promise<{ tasks: Task[]; failures: Failure[] }>;
  stopTask(cluster: string, task: string, reason: string): Promise<Task | undefined>;
  /** The service's deployment history, newest first (one page, at most 100). */
  listServiceDeployments(cluster: string, service: string): Promise<ServiceDeploymentBrief[]>;
  /** At most 20 ARNs. */
  describeServiceRevisions(arns: string[]): Promise<ServiceRevision[]>;
  /** UpdateService with exactly the members of `input`. */
  updateService(input: UpdateServiceInput): Promise<Service>;
  /** UpdateService with enableExecuteCommand and forceNewDeployment: true. */
  setServiceExec(cluster: string, service: string, enable: boolean): Promise<Service | undefined>;
}

export interface EfsApi {
  describeFileSystems(nextToken?: string): Promise<Page<FileSystem>>;
  describeAccessPoints(fileSystemId: string, nextToken?: string): Promise<Page<AccessPoint>>;
  describeMountTargets(fileSystemId: string, nextToken?: string): Promise<Page<MountTarget>>;
}

export interface Ec2Api {
  /** All pages (paginated inside). */
  describeVpcs(): Promise<Vpc[]>;
  /** `idFilter`: ids matched by a filter, so that ids which do not exist are left out instead of failing the call. */
  describeSubnets(filter: { vpcId?: string; subnetIds?: string[]; idFilter?: string[] }): Promise<Subnet[]>;
  describeSecurityGroups(filter: {
    vpcId?: string;
    groupIds?: string[];
    idFilter?: string[];
  }): Promise<SecurityGroup[]>;
}

/**
 * Every API of one connection. Each SDK client behind them is created on its first call, so a
 * feature pays only for the services it uses.
 */
export interface AwsApis {
  readonly connection: Connection;
  readonly ecs: EcsApi;
  readonly efs: EfsApi;
  readonly ec2: Ec2Api;
  readonly logs: LogsApi;
  readonly ecr: EcrApi;
  readonly secretsManager: SecretsManagerApi;
  readonly iam: IamApi;
  readonly elbv2: Elbv2Api;
  readonly ssm: SsmApi;
  readonly kms: KmsApi;
  readonly sts: StsApi;
}

/** Builds (and caches) the APIs for a connection; the SDK is loaded on the first call. */
export type ApiFactory = (connection: Connection) => Promise<AwsApis>;

export const API_LIMITS = {
  describeClusters: 100,
  describeServices: 10,
  describeTasks: 100,
  listPageSize: 100,
  runTaskCount: 10,
  describeServiceRevisions: 20,
} as const;
