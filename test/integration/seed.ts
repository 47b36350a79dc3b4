/**
 * Seeds a moto server with a demo account: clusters (one empty), Fargate services whose tasks we start
 * ourselves (moto services start none), standalone tasks, task-definition families with revisions and an
 * INACTIVE one, an EFS file system with access points and a mount target. Reused by the sandbox.
 */
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
  type NetworkConfiguration,
} from '@aws-sdk/client-ecs';
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  EFSClient,
  type CreateAccessPointCommandOutput,
} from '@aws-sdk/client-efs';
import { freezeTaskTransitions } from './moto';
import { seedDemoLogs, type DemoLogs } from './seedLogs';
import { seedDemoImages, type DemoImages } from './seedImages';

export interface DemoAccount {
  region: string;
  clusters: { prod: string; staging: string };
  services: { web: string; api: string };
  taskDefinitions: { web: string[]; worker: string; inactive: string };
  tasks: { web: string[]; api: string[]; standalone: string[] };
  /**
   * A task of the web service stopped as an OOM kill. moto keeps the reason it is given and sets no stop
   * code or exit codes; the e2e/sandbox exec stub adds what ECS returns for it (e2e/lib/exec-stub-child.mjs).
   */
  stopped: { oom: string };
  fileSystemId: string;
  accessPointIds: string[];
  mountTargetId: string;
  subnets: string[];
  securityGroup: string;
  /** CloudWatch Logs seeded for the running tasks, named as the awslogs driver names them. */
  logs: DemoLogs;
  /** The ECR repository and tags pre-deploy verification finds (seedImages.ts). */
  images: DemoImages;
}

export async function seedDemoAccount(endpoint: string, region = 'us-east-1'): Promise<DemoAccount> {
  const config = { endpoint, region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ecs = new ECSClient(config);
  const efs = new EFSClient(config);
  const ec2 = new EC2Client(config);
  try {
    await freezeTaskTransitions(endpoint);
    const subnets =
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] })))
        .Subnets ?? [];
    const sg = (
      await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }))
    ).SecurityGroups?.[0];
    const subnetIds = subnets.map((s) => s.SubnetId!).slice(0, 2);
    const securityGroup = sg!.GroupId!;

    const fs = await efs.send(
      new CreateFileSystemCommand({
        CreationToken: 'demo-fs',
        Encrypted: true,
        Tags: [{ Key: 'Name', Value: 'shared-data' }],
      }),
    );
    const fileSystemId = fs.FileSystemId!;
    const aps: CreateAccessPointCommandOutput[] = [];
    for (const [name, p] of [
      ['app-data', '/app'],
      ['uploads', '/uploads'],
    ] as const) {
      aps.push(
        await efs.send(
          new CreateAccessPointCommand({
            ClientToken: `demo-${name}`,
            FileSystemId: fileSystemId,
            RootDirectory: { Path: p },
            Tags: [{ Key: 'Name', Value: name }],
          }),
        ),
      );
    }
    const mt = await efs.send(
      new CreateMountTargetCommand({
        FileSystemId: fileSystemId,
        SubnetId: subnetIds[0],
        SecurityGroups: [securityGroup],
      }),
    );

    const prod = (
      await ecs.send(new CreateClusterCommand({ clusterName: 'prod', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }))
    ).cluster!.clusterArn!;
    const staging = (await ecs.send(new CreateClusterCommand({ clusterName: 'staging' }))).cluster!.clusterArn!;

    // moto's RunTask needs container-level memory (real Fargate accepts task-level only).
    const app = (image: string, extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
      name: 'app',
      image,
      essential: true,
      memory: 512,
      ...extra,
    });
    const register = async (family: string, containers: ContainerDefinition[], efsVolume = false): Promise<string> =>
      (
        await ecs.send(
          new RegisterTaskDefinitionCommand({
            family,
            requiresCompatibilities: ['FARGATE'],
            networkMode: 'awsvpc',
            cpu: '256',
            memory: '512',
            // awslogs as the console's default sets it: group /ecs/<family>, prefix "ecs".
            containerDefinitions: containers.map((c) => ({
              logConfiguration: {
                logDriver: 'awslogs',
                options: {
                  'awslogs-group': `/ecs/${family}`,
                  'awslogs-region': region,
                  'awslogs-stream-prefix': 'ecs',
                },
              },
              ...c,
            })),
            ...(efsVolume
              ? {
                  volumes: [
                    {
                      name: 'data',
                      efsVolumeConfiguration: {
                        fileSystemId,
                        transitEncryption: 'ENABLED',
                        authorizationConfig: { accessPointId: aps[0].AccessPointId, iam: 'ENABLED' },
                      },
                    },
                  ],
                }
              : {}),
          }),
        )
      ).taskDefinition!.taskDefinitionArn!;
    const web1 = await register('web', [app('nginx:1.25')]);
    const web2 = await register(
      'web',
      [app('nginx:1.27', { mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] })],
      true,
    );
    const worker = await register('worker', [app('busybox:latest', { command: ['sleep', '3600'] })]);
    const inactive = await register('legacy', [app('httpd:2')]);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: inactive }));

    const net: NetworkConfiguration = {
      awsvpcConfiguration: { subnets: subnetIds, securityGroups: [securityGroup], assignPublicIp: 'DISABLED' },
    };
    const service = async (
      serviceName: string,
      taskDefinition: string,
      desiredCount: number,
    ): Promise<{ arn: string; tasks: string[] }> => {
      const arn = (
        await ecs.send(
          new CreateServiceCommand({
            cluster: 'prod',
            serviceName,
            taskDefinition,
            desiredCount,
            launchType: 'FARGATE',
            platformVersion: '1.4.0',
            networkConfiguration: net,
          }),
        )
      ).service!.serviceArn!;
      const run = await ecs.send(
        new RunTaskCommand({
          cluster: 'prod',
          taskDefinition,
          count: desiredCount,
          launchType: 'FARGATE',
          platformVersion: '1.4.0',
          networkConfiguration: net,
          group: `service:${serviceName}`,
          startedBy: `ecs-svc/${serviceName}`,
        }),
      );
      return { arn, tasks: (run.tasks ?? []).map((t) => t.taskArn!) };
    };
    const web = await service('web', web2, 2);
    // One more web task, killed for its memory, as ECS reports an OOM kill (the stub fills in the rest).
    const oomRun = await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: web2,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: net,
        group: 'service:web',
        startedBy: 'ecs-svc/web',
      }),
    );
    const oom = oomRun.tasks![0].taskArn!;
    await ecs.send(
      new StopTaskCommand({
        cluster: 'prod',
        task: oom,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
      }),
    );
    const api = await service('api', web1, 1);
    await ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'web', enableExecuteCommand: true })); // CreateService ignores it in moto
    const standalone = await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: worker,
        count: 1,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: net,
        startedBy: 'demo',
      }),
    );

    const standaloneTasks = (standalone.tasks ?? []).map((t) => t.taskArn!);
    const logs = await seedDemoLogs(endpoint, region, [
      { group: '/ecs/web', container: 'app', tasks: [...web.tasks, ...api.tasks] },
      { group: '/ecs/worker', container: 'app', tasks: standaloneTasks },
    ]);
    const images = await seedDemoImages(endpoint, region);
    return {
      region,
      logs,
      images,
      clusters: { prod, staging },
      services: { web: web.arn, api: api.arn },
      taskDefinitions: { web: [web1, web2], worker, inactive },
      tasks: { web: web.tasks, api: api.tasks, standalone: standaloneTasks },
      stopped: { oom },
      fileSystemId,
      accessPointIds: aps.map((a) => a.AccessPointId!),
      mountTargetId: mt.MountTargetId!,
      subnets: subnetIds,
      securityGroup,
    };
  } finally {
    ecs.destroy();
    efs.destroy();
    ec2.destroy();
  }
}
