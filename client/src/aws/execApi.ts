/**
 * ExecApi over the AWS SDK: the ECS Exec view of one connection's clients. Built by the client
 * factory (./sdk/index.ts) over the connection's shared, lazily created clients; tests may build one
 * from a plain config (an emulator endpoint, per-service endpoints). Maps SDK shapes to the plain
 * data of client/src/exec/preflight.
 */
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ExecuteCommandCommand,
  ListClustersCommand,
  ListTasksCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Task,
  type ECSClientConfig,
} from '@aws-sdk/client-ecs';
import type { ExecApi, ExecSessionInfo, ExecuteCommandRequest, StartSessionRequest } from '../exec/ports';
import type { AwsClientConfig } from './clientConfig';
import type { ClusterInfo, IamDecision, TaskDefinitionInfo, TaskInfo } from '../exec/preflight';
import type { DataKey } from '../exec/session/handshake';
import { SdkClients, type SdkService } from './sdk/clients';
import { createIamApi, createKmsApi, createSsmApi, createStsApi } from './sdk/services';
import type { IamApi, KmsApi, SsmApi, StsApi } from './serviceTypes';

type Service = 'ecs' | 'kms' | 'ssm' | 'iam' | 'sts';

export interface ExecApiConfig {
  region: string;
  profile?: string;
  /** The connection's shared clients (the factory's); without them, clients are made from the fields below. */
  clients?: SdkClients;
  /** The SSM endpoint session-manager-plugin is given; default: the endpoint, else the region's. */
  ssmEndpointUrl?: string;
  credentials?: ECSClientConfig['credentials'];
  /** One endpoint for every service (an emulator), or per service. */
  endpoint?: string;
  endpoints?: Partial<Record<Service, string>>;
  /** Shared client settings (retry mode, attempts, request timeouts) from createAwsClientConfig. */
  base?: Partial<Pick<AwsClientConfig, 'retryMode' | 'maxAttempts' | 'requestHandler'>>;
}

export class SdkExecApi implements ExecApi {
  readonly region: string;
  readonly profile?: string;
  readonly ssmEndpointUrl: string;
  private readonly clients: SdkClients;
  private readonly kmsApi: KmsApi;
  private readonly ssmApi: SsmApi;
  private readonly iamApi: IamApi;
  private readonly stsApi: StsApi;

  constructor(config: ExecApiConfig) {
    this.region = config.region;
    this.profile = config.profile;
    this.clients =
      config.clients ??
      new SdkClients((s: SdkService) => ({
        ...config.base,
        region: config.region,
        credentials: config.credentials as AwsClientConfig['credentials'],
        endpoint: config.endpoints?.[s as Service] ?? config.endpoint,
      }));
    this.kmsApi = createKmsApi(() => this.clients.get('kms'));
    this.ssmApi = createSsmApi(() => this.clients.get('ssm'));
    this.iamApi = createIamApi(() => this.clients.get('iam'));
    this.stsApi = createStsApi(() => this.clients.get('sts'));
    this.ssmEndpointUrl =
      config.endpoints?.ssm ?? config.ssmEndpointUrl ?? config.endpoint ?? `https://ssm.${config.region}.amazonaws.com`;
  }

  private get ecs(): ECSClient {
    return this.clients.get('ecs');
  }

  async listClusters(): Promise<string[]> {
    const out: string[] = [];
    let nextToken: string | undefined;
    do {
      const r = await this.ecs.send(new ListClustersCommand({ nextToken }));
      out.push(...(r.clusterArns ?? []));
      nextToken = r.nextToken;
    } while (nextToken);
    return out;
  }

  async listRunningTasks(clusterArn: string): Promise<string[]> {
    const out: string[] = [];
    let nextToken: string | undefined;
    do {
      const r = await this.ecs.send(new ListTasksCommand({ cluster: clusterArn, desiredStatus: 'RUNNING', nextToken }));
      out.push(...(r.taskArns ?? []));
      nextToken = r.nextToken;
    } while (nextToken);
    return out;
  }

  async describeTask(clusterArn: string, taskArn: string): Promise<TaskInfo | undefined> {
    return (await this.describeTasks(clusterArn, [taskArn]))[0];
  }

  async describeTasks(clusterArn: string, taskArns: string[]): Promise<TaskInfo[]> {
    if (taskArns.length === 0) return [];
    if (taskArns.length > 100) throw new RangeError(`DescribeTasks accepts at most 100 ids, got ${taskArns.length}`);
    const r = await this.ecs.send(new DescribeTasksCommand({ cluster: clusterArn, tasks: taskArns }));
    return (r.tasks ?? []).flatMap((t) => (t.taskArn ? [toTaskInfo(t, clusterArn)] : []));
  }

  async describeTaskDefinition(
    taskDefinitionArn: string,
  ): Promise<{ info: TaskDefinitionInfo; raw: unknown } | undefined> {
    const d = (await this.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn })))
      .taskDefinition;
    if (!d) return undefined;
    const info: TaskDefinitionInfo = {
      taskDefinitionArn: d.taskDefinitionArn,
      taskRoleArn: d.taskRoleArn,
      pidMode: d.pidMode,
      operatingSystemFamily: d.runtimePlatform?.operatingSystemFamily,
      containerDefinitions: (d.containerDefinitions ?? []).map((c) => ({
        name: c.name ?? '',
        readonlyRootFilesystem: c.readonlyRootFilesystem,
        initProcessEnabled: c.linuxParameters?.initProcessEnabled,
        environmentNames: (c.environment ?? []).map((e) => e.name ?? ''),
      })),
    };
    return { info, raw: d };
  }

  async describeCluster(clusterArn: string): Promise<ClusterInfo | undefined> {
    const c = (
      await this.ecs.send(new DescribeClustersCommand({ clusters: [clusterArn], include: ['CONFIGURATIONS'] }))
    ).clusters?.[0];
    if (!c?.clusterArn) return undefined;
    const x = c.configuration?.executeCommandConfiguration;
    return {
      clusterArn: c.clusterArn,
      clusterName: c.clusterName,
      executeCommandConfiguration: x && {
        kmsKeyId: x.kmsKeyId,
        logging: x.logging,
        cloudWatchLogGroupName: x.logConfiguration?.cloudWatchLogGroupName,
        cloudWatchEncryptionEnabled: x.logConfiguration?.cloudWatchEncryptionEnabled,
        s3BucketName: x.logConfiguration?.s3BucketName,
        s3KeyPrefix: x.logConfiguration?.s3KeyPrefix,
        s3EncryptionEnabled: x.logConfiguration?.s3EncryptionEnabled,
      },
    };
  }

  async executeCommand(req: ExecuteCommandRequest): Promise<ExecSessionInfo> {
    const r = await this.ecs.send(
      new ExecuteCommandCommand({
        cluster: req.clusterArn,
        task: req.taskArn,
        container: req.containerName,
        command: req.command,
        interactive: true,
      }),
    );
    const s = r.session;
    if (!s?.sessionId || !s.streamUrl || !s.tokenValue) throw new Error('ExecuteCommand returned no session');
    return { sessionId: s.sessionId, streamUrl: s.streamUrl, tokenValue: s.tokenValue };
  }

  generateDataKey(keyId: string, encryptionContext: Record<string, string>, numberOfBytes: number): Promise<DataKey> {
    return this.kmsApi.generateDataKey(keyId, encryptionContext, numberOfBytes);
  }

  startSession(req: StartSessionRequest): Promise<ExecSessionInfo> {
    return this.ssmApi.startSession(req);
  }

  terminateSession(sessionId: string): Promise<void> {
    return this.ssmApi.terminateSession(sessionId);
  }

  resumeSession(sessionId: string): Promise<string | undefined> {
    return this.ssmApi.resumeSession(sessionId);
  }

  simulatePrincipalPolicy(principalArn: string, actions: string[]): Promise<IamDecision[] | undefined> {
    return this.iamApi.simulatePrincipalPolicy(principalArn, actions);
  }

  async callerArn(): Promise<string> {
    return (await this.stsApi.getCallerIdentity()).arn;
  }

  async describeServiceExec(clusterArn: string, service: string): Promise<boolean | undefined> {
    const s = (await this.ecs.send(new DescribeServicesCommand({ cluster: clusterArn, services: [service] })))
      .services?.[0];
    return s ? s.enableExecuteCommand === true : undefined;
  }

  async redeployService(clusterArn: string, service: string): Promise<void> {
    await this.ecs.send(new UpdateServiceCommand({ cluster: clusterArn, service, forceNewDeployment: true }));
  }

  async stopTask(clusterArn: string, taskArn: string, reason: string): Promise<void> {
    await this.ecs.send(new StopTaskCommand({ cluster: clusterArn, task: taskArn, reason }));
  }

  async enableExecOnService(clusterArn: string, service: string): Promise<void> {
    await this.ecs.send(
      new UpdateServiceCommand({ cluster: clusterArn, service, enableExecuteCommand: true, forceNewDeployment: true }),
    );
  }
}

function toTaskInfo(t: Task, clusterArn: string): TaskInfo {
  return {
    taskArn: t.taskArn ?? '',
    clusterArn: t.clusterArn ?? clusterArn,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    launchType: t.launchType,
    platformVersion: t.platformVersion,
    platformFamily: t.platformFamily,
    enableExecuteCommand: t.enableExecuteCommand,
    taskDefinitionArn: t.taskDefinitionArn,
    group: t.group,
    taskRoleOverride: t.overrides?.taskRoleArn,
    containers: (t.containers ?? []).map((c) => ({
      name: c.name ?? '',
      runtimeId: c.runtimeId,
      lastStatus: c.lastStatus,
      managedAgents: c.managedAgents?.map((a) => ({ name: a.name, lastStatus: a.lastStatus, reason: a.reason })),
    })),
  };
}
