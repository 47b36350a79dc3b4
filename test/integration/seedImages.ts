/**
 * Seeds what pre-deploy verification looks up for examples/task-definitions/api.json: the ECR
 * repository `api` with two pushed tags (2.4.0 and 2.4.2, single-platform Docker manifests, as `docker
 * push` of a linux/amd64 image writes them; the file refers to 2.4.1, never pushed), the execution role
 * `ecsTaskExecutionRole` trusting ecs-tasks.amazonaws.com and the log group /ecs/api.
 */
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';

export interface DemoImages {
  /** The repository URI (`<account>.dkr.ecr.<region>.amazonaws.com/api`). */
  repository: string;
  tags: string[];
}

const manifest = (n: number) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: 1469,
      digest: `sha256:${String(n).repeat(64).slice(0, 64)}`,
    },
    layers: [],
  });

export async function seedDemoImages(endpoint: string, region: string): Promise<DemoImages> {
  const config = { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ecr = new ECRClient(config);
  const iam = new IAMClient(config);
  const logs = new CloudWatchLogsClient(config);
  try {
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'ecsTaskExecutionRole',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/ecs/api' }));
    const repo = (await ecr.send(new CreateRepositoryCommand({ repositoryName: 'api' }))).repository!;
    const tags = ['2.4.0', '2.4.2'];
    for (const [i, tag] of tags.entries())
      await ecr.send(new PutImageCommand({ repositoryName: 'api', imageTag: tag, imageManifest: manifest(i + 1) }));
    return { repository: repo.repositoryUri!, tags };
  } finally {
    ecr.destroy();
    iam.destroy();
    logs.destroy();
  }
}
