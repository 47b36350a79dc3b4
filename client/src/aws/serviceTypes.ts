/**
 * Our own small views of the AWS services beyond ECS, EFS, EC2 (types.ts) and CloudWatch Logs
 * (logsTypes.ts), one interface per service, each implemented in ./sdk/<service>.ts over one lazily created SDK client. Same contract
 * as types.ts: one method = one API call, shapes are the subsets we read, named like the API fields.
 * Features add the methods they need here and in the SDK file; nothing outside client/src/aws sees
 * the SDK.
 */
export interface Repository {
  repositoryName: string;
  repositoryArn?: string;
  repositoryUri?: string;
  registryId?: string;
}

/** Amazon ECR. */
export interface EcrApi {
  /** DescribeRepositories for the given names (at most 100); names that do not exist are left out. */
  describeRepositories(names: string[], registryId?: string): Promise<Repository[]>;
}

/** Secret metadata only: the value is never read by these methods. */
export interface SecretMetadata {
  ARN?: string;
  Name?: string;
  KmsKeyId?: string;
  DeletedDate?: Date;
}

/** AWS Secrets Manager. */
export interface SecretsManagerApi {
  /** DescribeSecret (name or ARN); undefined when it does not exist. */
  describeSecret(secretId: string): Promise<SecretMetadata | undefined>;
}

export type SimulationDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** AWS IAM. */
export interface IamApi {
  /** iam:SimulatePrincipalPolicy; undefined when the caller may not simulate. */
  simulatePrincipalPolicy(
    principalArn: string,
    actions: string[],
  ): Promise<Array<{ action: string; decision: SimulationDecision }> | undefined>;
}

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName?: string;
  Protocol?: string;
  Port?: number;
  TargetType?: string;
  VpcId?: string;
  HealthCheckPath?: string;
}

/** Elastic Load Balancing v2. */
export interface Elbv2Api {
  /** DescribeTargetGroups by ARN (at most 20 per call). */
  describeTargetGroups(arns: string[]): Promise<TargetGroup[]>;
}

/** AWS Systems Manager (Session Manager calls used by ECS Exec). */
export interface SsmApi {
  /** ssm:StartSession: the session the data channel connects to. */
  startSession(input: {
    target: string;
    documentName: string;
    parameters: Record<string, string[]>;
  }): Promise<{ sessionId: string; streamUrl: string; tokenValue: string }>;
  terminateSession(sessionId: string): Promise<void>;
  /** The new token, or undefined when the service returned none (the session has ended). */
  resumeSession(sessionId: string): Promise<string | undefined>;
}

/** AWS KMS. */
export interface KmsApi {
  generateDataKey(
    keyId: string,
    encryptionContext: Record<string, string>,
    numberOfBytes: number,
  ): Promise<{ plaintext: Uint8Array; ciphertextBlob: Uint8Array }>;
}

/** AWS STS. */
export interface StsApi {
  getCallerIdentity(): Promise<{ account?: string; arn: string; userId?: string }>;
}
