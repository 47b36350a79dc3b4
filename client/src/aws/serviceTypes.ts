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

export interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

export interface ImageDetail {
  imageDigest?: string;
  imageTags: string[];
  imageManifestMediaType?: string;
}

/** Amazon ECR. */
export interface EcrApi {
  /** DescribeRepositories for the given names (at most 100); names that do not exist are left out. */
  describeRepositories(names: string[], registryId?: string): Promise<Repository[]>;
  /**
   * DescribeImages for one image id; undefined when the image is not in the repository. Throws
   * RepositoryNotFoundException (error name) when the repository does not exist.
   */
  describeImage(repositoryName: string, registryId: string | undefined, id: ImageId): Promise<ImageDetail | undefined>;
  /** The repository's tags (ListImages, tagged only), at most `max`. */
  listImageTags(repositoryName: string, registryId: string | undefined, max: number): Promise<string[]>;
  /** BatchGetImage for one image id, accepting the given manifest media types; the manifest text. */
  getImageManifest(
    repositoryName: string,
    registryId: string | undefined,
    id: ImageId,
    acceptedMediaTypes: string[],
  ): Promise<{ manifest: string; mediaType?: string } | undefined>;
}

/** Secret metadata only: the value is never read by these methods. */
export interface SecretMetadata {
  ARN?: string;
  Name?: string;
  KmsKeyId?: string;
  DeletedDate?: Date;
  /** Version id -> staging labels (AWSCURRENT, AWSPREVIOUS, custom). */
  VersionIdsToStages?: Record<string, string[]>;
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
    resourceArns?: string[],
  ): Promise<Array<{ action: string; decision: SimulationDecision }> | undefined>;
  /** GetRole; undefined when the role does not exist (NoSuchEntity). The trust policy is decoded JSON text. */
  getRole(roleName: string): Promise<{ Arn?: string; AssumeRolePolicyDocument?: string } | undefined>;
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

/** AWS Systems Manager (Session Manager calls used by ECS Exec; parameter metadata for verification). */
export interface SsmApi {
  /** ssm:StartSession: the session the data channel connects to. */
  startSession(input: {
    target: string;
    documentName: string;
    parameters: Record<string, string[]>;
  }): Promise<{ sessionId: string; streamUrl: string; tokenValue: string }>;
  /** DescribeParameters filtered by exact names (at most 50): the names that exist. Never reads a value. */
  existingParameters(names: string[]): Promise<string[]>;
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
