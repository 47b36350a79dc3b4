/**
 * One running Fargate task in cluster "prod" of a fresh moto account, for the session tests (ECS Exec,
 * port forwarding): the default VPC's first subnet and default security group, task definition family
 * "web" with the caller's containers, started with RunTask on platform version 1.4.0.
 */
import {
  CreateClusterCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ContainerDefinition,
} from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';

export interface FargateTaskOptions {
  containerDefinitions: ContainerDefinition[];
  taskRoleArn?: string;
  /** RunTask's group, e.g. `service:web` for a task that looks started by a service. */
  group?: string;
}

export async function runFargateTask(
  endpoint: string,
  opts: FargateTaskOptions,
): Promise<{ clusterArn: string; taskArn: string }> {
  const cfg = {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  const ecs = new ECSClient(cfg);
  const ec2 = new EC2Client(cfg);
  try {
    const subnets = (
      await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }))
    ).Subnets!;
    const sg = (
      await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }))
    ).SecurityGroups![0];
    const clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))).cluster!.clusterArn!;
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        taskRoleArn: opts.taskRoleArn,
        containerDefinitions: opts.containerDefinitions,
      }),
    );
    const run = await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'web',
        count: 1,
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        group: opts.group,
        networkConfiguration: {
          awsvpcConfiguration: { subnets: [subnets[0].SubnetId!], securityGroups: [sg.GroupId!] },
        },
      }),
    );
    return { clusterArn, taskArn: run.tasks![0].taskArn! };
  } finally {
    ecs.destroy();
    ec2.destroy();
  }
}
