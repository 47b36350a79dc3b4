// Minimal demo account for the sandbox and the e2e tier, used until test/integration/moto.ts exports
// seedDemoAccount(endpoint). Seeds moto at `endpoint`: two clusters, FARGATE services with running tasks,
// a standalone task, a task definition family with revisions, an EFS file system with an access point.
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  CreateMountTargetCommand,
  EFSClient,
} from '@aws-sdk/client-efs';

export async function seedDemoAccount(endpoint) {
  const cfg = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ecs = new ECSClient(cfg);
  const ec2 = new EC2Client(cfg);
  const efs = new EFSClient(cfg);
  // moto moves tasks through their states on each describe unless told to hold them.
  const hold = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times: 1_000_000 } }),
  });
  if (!hold.ok) throw new Error(`moto set-transition answered ${hold.status}`);

  const subnets =
    (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }))).Subnets ??
    [];
  const sg = (
    await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }))
  ).SecurityGroups?.[0];
  if (!subnets.length || !sg?.GroupId) throw new Error('moto has no default VPC subnets/security group');
  const net = {
    awsvpcConfiguration: {
      subnets: subnets.slice(0, 2).map((s) => String(s.SubnetId)),
      securityGroups: [sg.GroupId],
      assignPublicIp: /** @type {const} */ ('DISABLED'),
    },
  };

  const fs = await efs.send(
    new CreateFileSystemCommand({
      CreationToken: 'demo-shared-data',
      Encrypted: true,
      Tags: [{ Key: 'Name', Value: 'shared-data' }],
    }),
  );
  const ap = await efs.send(
    new CreateAccessPointCommand({
      ClientToken: 'demo-app-ap',
      FileSystemId: fs.FileSystemId,
      PosixUser: { Uid: 1000, Gid: 1000 },
      RootDirectory: { Path: '/app' },
      Tags: [{ Key: 'Name', Value: 'app' }],
    }),
  );
  await efs.send(
    new CreateMountTargetCommand({
      FileSystemId: fs.FileSystemId,
      SubnetId: subnets[0].SubnetId,
      SecurityGroups: [sg.GroupId],
    }),
  );

  const clusters = ['prod', 'staging'];
  for (const clusterName of clusters) {
    await ecs.send(
      new CreateClusterCommand({
        clusterName,
        capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        settings: [{ name: 'containerInsights', value: 'enabled' }],
      }),
    );
  }

  const container = (name, image, extra = {}) => ({
    name,
    image,
    essential: true,
    memory: 512, // moto's RunTask needs container memory
    portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
    ...extra,
  });
  const register = (family, cpu, memory, containers, volumes) =>
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu,
        memory,
        containerDefinitions: containers,
        volumes,
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        taskRoleArn: 'arn:aws:iam::123456789012:role/demo-task',
      }),
    );
  // Three revisions of web (the last one with EFS), two of worker.
  await register('web', '256', '512', [container('app', 'public.ecr.aws/nginx/nginx:1.25')]);
  await register('web', '256', '512', [container('app', 'public.ecr.aws/nginx/nginx:1.26')]);
  const web = (
    await register(
      'web',
      '512',
      '1024',
      [
        container('app', 'public.ecr.aws/nginx/nginx:1.27', {
          mountPoints: [{ sourceVolume: 'shared', containerPath: '/data' }],
        }),
      ],
      [
        {
          name: 'shared',
          efsVolumeConfiguration: {
            fileSystemId: fs.FileSystemId,
            transitEncryption: 'ENABLED',
            authorizationConfig: { accessPointId: ap.AccessPointId, iam: 'ENABLED' },
          },
        },
      ],
    )
  ).taskDefinition;
  await register('worker', '256', '512', [container('worker', 'public.ecr.aws/docker/library/python:3.12-slim')]);
  const worker = (
    await register('worker', '256', '1024', [container('worker', 'public.ecr.aws/docker/library/python:3.13-slim')])
  ).taskDefinition;
  if (!web || !worker) throw new Error('moto registered no task definition');

  const services = [];
  const startService = async (cluster, serviceName, td, desiredCount) => {
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName,
        taskDefinition: td.taskDefinitionArn,
        desiredCount,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: net,
      }),
    );
    await ecs.send(new UpdateServiceCommand({ cluster, service: serviceName, enableExecuteCommand: true }));
    // moto's services start no tasks: run them with the group a service's tasks carry.
    const run = await ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: td.taskDefinitionArn,
        count: desiredCount,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: net,
        group: `service:${serviceName}`,
        startedBy: `ecs-svc/${serviceName}`,
        enableExecuteCommand: true,
      }),
    );
    services.push({ cluster, serviceName, tasks: (run.tasks ?? []).map((t) => t.taskArn) });
  };
  await startService('prod', 'web', web, 2);
  await startService('prod', 'worker', worker, 1);
  await startService('staging', 'web', web, 1);
  const standalone = await ecs.send(
    new RunTaskCommand({
      cluster: 'prod',
      taskDefinition: worker.taskDefinitionArn,
      count: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      networkConfiguration: net,
      startedBy: 'nightly-report',
    }),
  );

  return {
    clusters,
    services,
    standaloneTasks: (standalone.tasks ?? []).map((t) => t.taskArn),
    fileSystemId: fs.FileSystemId,
    accessPointId: ap.AccessPointId,
  };
}
