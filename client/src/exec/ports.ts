/**
 * The small interfaces the exec feature depends on. `ExecApi` is implemented over the AWS SDK in
 * client/src/aws/execApi.ts (the only exec file importing @aws-sdk/*) and by stubs in tests;
 * `ExecUi` is implemented over VS Code in commands.ts and by recorders in tests.
 */
import type { Cancellation, PickItem, PickOptions } from '../ui/port';
import type { DataKey } from './session/handshake';
import type { ClusterInfo, Finding, IamDecision, TaskDefinitionInfo, TaskInfo } from './preflight';
import type { ExecPty } from './terminal';

export interface ExecSessionInfo {
  sessionId: string;
  streamUrl: string;
  tokenValue: string;
}

export interface ExecuteCommandRequest {
  clusterArn: string;
  taskArn: string;
  containerName: string;
  command: string;
}

/** ssm:StartSession with an SSM document (port forwarding: AWS-StartPortForwardingSession…). */
export interface StartSessionRequest {
  target: string;
  documentName: string;
  /** SSM document parameters: every value is a list of strings. */
  parameters: Record<string, string[]>;
}

export interface ExecApi {
  readonly region: string;
  /** Profile name passed to session-manager-plugin, if any. */
  readonly profile?: string;
  /** The SSM endpoint URL session-manager-plugin is given (modern argument list). */
  readonly ssmEndpointUrl: string;
  listClusters(): Promise<string[]>;
  listRunningTasks(clusterArn: string): Promise<string[]>;
  describeTask(clusterArn: string, taskArn: string): Promise<TaskInfo | undefined>;
  /** One DescribeTasks call: at most 100 ARNs of one cluster (for readable task pickers). */
  describeTasks(clusterArn: string, taskArns: string[]): Promise<TaskInfo[]>;
  describeTaskDefinition(taskDefinitionArn: string): Promise<{ info: TaskDefinitionInfo; raw: unknown } | undefined>;
  describeCluster(clusterArn: string): Promise<ClusterInfo | undefined>;
  /** ECS ExecuteCommand, always interactive (the only mode ECS supports). */
  executeCommand(req: ExecuteCommandRequest): Promise<ExecSessionInfo>;
  generateDataKey(keyId: string, encryptionContext: Record<string, string>, numberOfBytes: number): Promise<DataKey>;
  terminateSession(sessionId: string): Promise<void>;
  startSession(req: StartSessionRequest): Promise<ExecSessionInfo>;
  /**
   * ssm:ResumeSession after the session's connection dropped: the new token for the same stream URL,
   * or undefined when the service returned none (the session has timed out or ended).
   */
  resumeSession(sessionId: string): Promise<string | undefined>;
  /** iam:SimulatePrincipalPolicy; undefined when the caller may not simulate. */
  simulatePrincipalPolicy(principalArn: string, actions: string[]): Promise<IamDecision[] | undefined>;
  /** The caller's ARN from sts:GetCallerIdentity. */
  callerArn(): Promise<string>;
  /** UpdateService enableExecuteCommand + forceNewDeployment. */
  enableExecOnService(clusterArn: string, service: string): Promise<void>;
  /** DescribeServices: whether the service has ECS Exec on; undefined when not found. */
  describeServiceExec(clusterArn: string, service: string): Promise<boolean | undefined>;
  /** UpdateService forceNewDeployment: new tasks pick up the service's ECS Exec setting. */
  redeployService(clusterArn: string, service: string): Promise<void>;
  /** ECS StopTask; a service task is then replaced by one with the service's current settings. */
  stopTask(clusterArn: string, taskArn: string, reason: string): Promise<void>;
}

export interface ApiTarget {
  region: string;
  profile?: string;
}

export type ExecApiFactory = (target: ApiTarget) => ExecApi;

export type FindingChoice = 'continue' | NonNullable<Finding['fix']> | undefined;

export interface ExecUi {
  /** Shows all findings as ONE message with the fix (and, when not blocking, "Continue") as buttons. */
  presentFindings(findings: Finding[], blocking: boolean): Promise<FindingChoice>;
  createTerminal(name: string, pty: ExecPty): void;
  /** Spawns session-manager-plugin in a terminal, from an argument array. */
  createProcessTerminal(name: string, command: { command: string; args: string[] }): void;
  /** The ECS Exec log (pre-flight findings, session events). */
  output(text: string): void;
  showOutput(): void;
  /** What a command run in a container prints, apart from the log ("Fargate Lens: Command Output"). */
  commandOutput(text: string): void;
  showCommandOutput(): void;
  /** Progress while a command runs; Cancel ends it (see runCommandInContainer). */
  withProgress<T>(title: string, task: (cancellation: Cancellation) => Promise<T>): Promise<T>;
  showError(message: string): void;
  showInfo(message: string): void;
  showText(content: string, language: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  /** A titled picker (the one UI port's). */
  pick<T>(items: PickItem<T>[], opts: PickOptions): Promise<T | undefined>;
}
