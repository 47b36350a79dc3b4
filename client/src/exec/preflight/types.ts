/**
 * Plain data the ECS Exec pre-flight checks run over: a subset of DescribeTasks, DescribeTaskDefinition,
 * DescribeClusters and IAM SimulatePrincipalPolicy results, in our own shapes (no SDK types), plus
 * the findings and fix actions the checks produce.
 */
export interface ManagedAgentInfo {
  name?: string;
  lastStatus?: string;
  reason?: string;
}

export interface ContainerInfo {
  name: string;
  runtimeId?: string;
  lastStatus?: string;
  managedAgents?: ManagedAgentInfo[];
}

export interface TaskInfo {
  taskArn: string;
  clusterArn: string;
  lastStatus?: string;
  desiredStatus?: string;
  launchType?: string;
  platformVersion?: string;
  platformFamily?: string;
  enableExecuteCommand?: boolean;
  taskDefinitionArn?: string;
  /** `service:<name>` for service tasks. */
  group?: string;
  taskRoleOverride?: string;
  containers: ContainerInfo[];
}

export interface ContainerDefinitionInfo {
  name: string;
  readonlyRootFilesystem?: boolean;
  initProcessEnabled?: boolean;
  environmentNames?: string[];
}

export interface TaskDefinitionInfo {
  taskDefinitionArn?: string;
  taskRoleArn?: string;
  pidMode?: string;
  operatingSystemFamily?: string;
  containerDefinitions: ContainerDefinitionInfo[];
}

export interface ExecConfigInfo {
  kmsKeyId?: string;
  logging?: string;
  cloudWatchLogGroupName?: string;
  cloudWatchEncryptionEnabled?: boolean;
  s3BucketName?: string;
  s3KeyPrefix?: string;
  s3EncryptionEnabled?: boolean;
}

export interface ClusterInfo {
  clusterArn: string;
  clusterName?: string;
  executeCommandConfiguration?: ExecConfigInfo;
}

export type IamDecisionValue = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface IamDecision {
  action: string;
  decision: IamDecisionValue;
}

export interface PreflightInput {
  task: TaskInfo;
  containerName: string;
  taskDefinition?: TaskDefinitionInfo;
  cluster?: ClusterInfo;
  /** Whether the task's service has ECS Exec on (DescribeServices), for tasks started by a service. */
  serviceExecEnabled?: boolean;
  /** SimulatePrincipalPolicy of the task role for `requiredTaskRoleActions(cluster)`, when we may call it. */
  taskRoleSimulation?: IamDecision[];
  /** SimulatePrincipalPolicy of the caller for `requiredCallerActions(cluster)`. */
  callerSimulation?: IamDecision[];
  /** What the caller must be allowed (default: ECS Exec's); a port session needs ssm:StartSession instead. */
  callerActions?: string[];
}

export type FixAction =
  | { action: 'enableExecOnService'; clusterArn: string; service: string }
  | { action: 'redeployService'; clusterArn: string; service: string }
  | { action: 'stopTask'; clusterArn: string; taskArn: string; service: string }
  | { action: 'runNewTaskWithExec'; clusterArn: string; taskDefinitionArn?: string }
  | { action: 'showTaskDefinition'; taskDefinitionArn: string }
  | { action: 'showIamPolicy'; principal: string; actions: string[] }
  | { action: 'retry' }
  | { action: 'openDocs'; url: string };

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable id in the `exec/...` style of the rule ids (docs/rules.md). */
  id: string;
  severity: Severity;
  message: string;
  fix?: { title: string } & FixAction;
  /** Another way to the same end, offered next to `fix` (e.g. stop the task instead of redeploying). */
  alternative?: { title: string } & FixAction;
}

export const EXEC_DOCS_URL = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html';
