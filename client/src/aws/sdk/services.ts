/**
 * EcrApi, SecretsManagerApi, IamApi, Elbv2Api, SsmApi, KmsApi and StsApi over the SDK. Each
 * takes a getter, so its SDK client is constructed on the first call, not when the APIs are built.
 */
import {
  BatchGetImageCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ListImagesCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import {
  DescribeTargetGroupsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetRoleCommand, SimulatePrincipalPolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { DescribeSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  DescribeParametersCommand,
  ResumeSessionCommand,
  StartSessionCommand,
  TerminateSessionCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import type { EcrApi, Elbv2Api, IamApi, KmsApi, SecretsManagerApi, SsmApi, StsApi, TargetGroup } from '../serviceTypes';
import { assertBatch } from './paging';

const errorName = (e: unknown): string => String((e as { name?: string }).name ?? '');

/** IAM returns policy documents URL-encoded (RFC 3986; GetRole API reference); a decoded one is kept as is. */
function decodePolicy(doc: string): string {
  if (doc.trimStart().startsWith('{')) return doc;
  try {
    return decodeURIComponent(doc);
  } catch {
    return doc;
  }
}

export function createEcrApi(client: () => ECRClient): EcrApi {
  return {
    async describeRepositories(names, registryId) {
      assertBatch('DescribeRepositories', names, 100);
      try {
        const r = await client().send(new DescribeRepositoriesCommand({ repositoryNames: names, registryId }));
        return (r.repositories ?? []).flatMap((x) =>
          x.repositoryName
            ? [
                {
                  repositoryName: x.repositoryName,
                  repositoryArn: x.repositoryArn,
                  repositoryUri: x.repositoryUri,
                  registryId: x.registryId,
                },
              ]
            : [],
        );
      } catch (e) {
        if (errorName(e) === 'RepositoryNotFoundException') return [];
        throw e;
      }
    },
    async describeImage(repositoryName, registryId, id) {
      try {
        const r = await client().send(new DescribeImagesCommand({ repositoryName, registryId, imageIds: [id] }));
        const d = r.imageDetails?.[0];
        return d
          ? {
              imageDigest: d.imageDigest,
              imageTags: d.imageTags ?? [],
              imageManifestMediaType: d.imageManifestMediaType,
            }
          : undefined;
      } catch (e) {
        if (errorName(e) === 'ImageNotFoundException') return undefined;
        throw e;
      }
    },
    async listImageTags(repositoryName, registryId, max) {
      const tags: string[] = [];
      let nextToken: string | undefined;
      do {
        const r = await client().send(
          new ListImagesCommand({
            repositoryName,
            registryId,
            nextToken,
            filter: { tagStatus: 'TAGGED' },
            maxResults: 1000,
          }),
        );
        for (const i of r.imageIds ?? []) if (i.imageTag) tags.push(i.imageTag);
        nextToken = r.nextToken;
      } while (nextToken && tags.length < max);
      return tags.slice(0, max);
    },
    async getImageManifest(repositoryName, registryId, id, acceptedMediaTypes) {
      const r = await client().send(
        new BatchGetImageCommand({ repositoryName, registryId, imageIds: [id], acceptedMediaTypes }),
      );
      const image = r.images?.[0];
      return image?.imageManifest
        ? { manifest: image.imageManifest, mediaType: image.imageManifestMediaType }
        : undefined;
    },
  };
}

export function createSecretsManagerApi(client: () => SecretsManagerClient): SecretsManagerApi {
  return {
    async describeSecret(secretId) {
      try {
        const r = await client().send(new DescribeSecretCommand({ SecretId: secretId }));
        return {
          ARN: r.ARN,
          Name: r.Name,
          KmsKeyId: r.KmsKeyId,
          DeletedDate: r.DeletedDate,
          VersionIdsToStages: r.VersionIdsToStages,
        };
      } catch (e) {
        if (errorName(e) === 'ResourceNotFoundException') return undefined;
        throw e;
      }
    },
  };
}

export function createIamApi(client: () => IAMClient): IamApi {
  return {
    async simulatePrincipalPolicy(principalArn, actions, resourceArns) {
      try {
        const r = await client().send(
          new SimulatePrincipalPolicyCommand({
            PolicySourceArn: principalArn,
            ActionNames: actions,
            ResourceArns: resourceArns,
          }),
        );
        return (r.EvaluationResults ?? []).map((e) => ({
          action: e.EvalActionName ?? '',
          decision: e.EvalDecision ?? 'implicitDeny',
        }));
      } catch (e) {
        if (errorName(e) === 'AccessDenied' || errorName(e) === 'AccessDeniedException') return undefined;
        throw e;
      }
    },
    async getRole(roleName) {
      try {
        const r = await client().send(new GetRoleCommand({ RoleName: roleName }));
        const doc = r.Role?.AssumeRolePolicyDocument;
        // IAM returns the policy URL-encoded (RFC 3986), per the GetRole API reference.
        return { Arn: r.Role?.Arn, AssumeRolePolicyDocument: doc ? decodePolicy(doc) : undefined };
      } catch (e) {
        if (errorName(e) === 'NoSuchEntity' || errorName(e) === 'NoSuchEntityException') return undefined;
        throw e;
      }
    },
  };
}

export function createElbv2Api(client: () => ElasticLoadBalancingV2Client): Elbv2Api {
  return {
    async describeTargetGroups(arns) {
      assertBatch('DescribeTargetGroups', arns, 20);
      const r = await client().send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }));
      return (r.TargetGroups ?? []).flatMap((g): TargetGroup[] =>
        g.TargetGroupArn
          ? [
              {
                TargetGroupArn: g.TargetGroupArn,
                TargetGroupName: g.TargetGroupName,
                Protocol: g.Protocol,
                Port: g.Port,
                TargetType: g.TargetType,
                VpcId: g.VpcId,
                HealthCheckPath: g.HealthCheckPath,
              },
            ]
          : [],
      );
    },
  };
}

export function createSsmApi(client: () => SSMClient): SsmApi {
  return {
    async startSession(input) {
      const r = await client().send(
        new StartSessionCommand({
          Target: input.target,
          DocumentName: input.documentName,
          Parameters: input.parameters,
        }),
      );
      if (!r.SessionId || !r.StreamUrl || !r.TokenValue) throw new Error('StartSession returned no session');
      return { sessionId: r.SessionId, streamUrl: r.StreamUrl, tokenValue: r.TokenValue };
    },
    async existingParameters(names) {
      assertBatch('DescribeParameters', names, 50);
      const found: string[] = [];
      let NextToken: string | undefined;
      do {
        const r = await client().send(
          new DescribeParametersCommand({
            ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: names }],
            MaxResults: 50,
            NextToken,
          }),
        );
        for (const p of r.Parameters ?? []) if (p.Name) found.push(p.Name);
        NextToken = r.NextToken;
      } while (NextToken);
      return found;
    },
    async terminateSession(sessionId) {
      await client().send(new TerminateSessionCommand({ SessionId: sessionId }));
    },
    async resumeSession(sessionId) {
      // The returned StreamUrl is not used: like session-manager-plugin, we reconnect to the session's URL.
      const r = await client().send(new ResumeSessionCommand({ SessionId: sessionId }));
      return r.TokenValue || undefined;
    },
  };
}

export function createKmsApi(client: () => KMSClient): KmsApi {
  return {
    async generateDataKey(keyId, encryptionContext, numberOfBytes) {
      const r = await client().send(
        new GenerateDataKeyCommand({
          KeyId: keyId,
          EncryptionContext: encryptionContext,
          NumberOfBytes: numberOfBytes,
        }),
      );
      if (!r.Plaintext || !r.CiphertextBlob) throw new Error('GenerateDataKey returned no key');
      return { plaintext: r.Plaintext, ciphertextBlob: r.CiphertextBlob };
    },
  };
}

export function createStsApi(client: () => STSClient): StsApi {
  return {
    async getCallerIdentity() {
      const r = await client().send(new GetCallerIdentityCommand({}));
      if (!r.Arn) throw new Error('GetCallerIdentity returned no ARN');
      return { account: r.Account, arn: r.Arn, userId: r.UserId };
    },
  };
}
