/**
 * ExecApi over the AWS SDK: the only exec file importing @aws-sdk/*. Maps SDK shapes to the plain data
 * of client/src/exec/preflight. Until the shared ClientFactory exists it takes an SDK client config.
 */
import {
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ExecuteCommandCommand,
  ListClustersCommand,
  ListTasksCommand,
  UpdateServiceCommand,
  type ECSClientConfig,
} from '@aws-sdk/client-ecs';
import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { ResumeSessionCommand, SSMClient, TerminateSessionCommand } from '@aws-sdk/client-ssm';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ExecApi, ExecSessionInfo, ExecuteCommandRequest } from '../exec/ports';
import type { AwsClientConfig } from './clientConfig';
import type { ClusterInfo, IamDecision, IamDecisionValue, TaskDefinitionInfo, TaskInfo } from '../exec/preflight';
import type { DataKey } from '../exec/session/handshake';

type Service = 'ecs' | 'kms' | 'ssm' | 'iam' | 'sts';

export interface ExecApiConfig {
  region: string;
  credentials?: ECSClientConfig['credentials'];
  profile?: string;
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
  private readonly ecs: ECSClient;
  private readonly kms: KMSClient;
  private readonly ssm: SSMClient;
  private readonly iam: IAMClient;
  private readonly sts: STSClient;

  constructor(config: ExecApiConfig) {
    this.region = config.region;
    this.profile = config.profile;
    const cfg = (s: Service) => ({
      ...config.base,
      region: config.region,
      credentials: config.credentials,
      endpoint: config.endpoints?.[s] ?? config.endpoint,
    });
    this.ecs = new ECSClient(cfg('ecs'));
    this.kms = new KMSClient(cfg('kms'));
    this.ssm = new SSMClient(cfg('ssm'));
    this.iam = new IAMClient(cfg('iam'));
    this.sts = new STSClient(cfg('sts'));
    this.ssmEndpointUrl = config.endpoints?.ssm ?? config.endpoint ?? `https://ssm.${config.region}.amazonaws.com`;
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
    const t = (await this.ecs.send(new DescribeTasksCommand({ cluster: clusterArn, tasks: [taskArn] }))).tasks?.[0];
    if (!t?.taskArn) return undefined;
    return {
      taskArn: t.taskArn,
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

  async generateDataKey(
    keyId: string,
    encryptionContext: Record<string, string>,
    numberOfBytes: number,
  ): Promise<DataKey> {
    const r = await this.kms.send(
      new GenerateDataKeyCommand({ KeyId: keyId, EncryptionContext: encryptionContext, NumberOfBytes: numberOfBytes }),
    );
    if (!r.Plaintext || !r.CiphertextBlob) throw new Error('GenerateDataKey returned no key');
    return { plaintext: r.Plaintext, ciphertextBlob: r.CiphertextBlob };
  }

  async terminateSession(sessionId: string): Promise<void> {
    await this.ssm.send(new TerminateSessionCommand({ SessionId: sessionId }));
  }

  async resumeSession(sessionId: string): Promise<string | undefined> {
    // The returned StreamUrl is not used: like session-manager-plugin, we reconnect to the session's URL.
    const r = await this.ssm.send(new ResumeSessionCommand({ SessionId: sessionId }));
    return r.TokenValue || undefined;
  }

  async simulatePrincipalPolicy(principalArn: string, actions: string[]): Promise<IamDecision[] | undefined> {
    try {
      const r = await this.iam.send(
        new SimulatePrincipalPolicyCommand({ PolicySourceArn: principalArn, ActionNames: actions }),
      );
      return (r.EvaluationResults ?? []).map((e) => ({
        action: e.EvalActionName ?? '',
        decision: (e.EvalDecision ?? 'implicitDeny') as IamDecisionValue,
      }));
    } catch (e) {
      if ((e as { name?: string }).name === 'AccessDenied' || (e as { name?: string }).name === 'AccessDeniedException')
        return undefined;
      throw e;
    }
  }

  async callerArn(): Promise<string> {
    const r = await this.sts.send(new GetCallerIdentityCommand({}));
    if (!r.Arn) throw new Error('GetCallerIdentity returned no ARN');
    return r.Arn;
  }

  async enableExecOnService(clusterArn: string, service: string): Promise<void> {
    await this.ecs.send(
      new UpdateServiceCommand({ cluster: clusterArn, service, enableExecuteCommand: true, forceNewDeployment: true }),
    );
  }
}
