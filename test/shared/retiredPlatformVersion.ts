/**
 * A Fargate task definition with an EFS volume, and a run-task input launching it with ECS Exec on the
 * retired platform version 1.3.0: three rules fire on that one token (pv/retired, pv/feature-requires-1.4.0,
 * exec/pv). Shared by the core and LSP tests of same-token folding.
 */
export const EFS_TASK = {
  family: 'app',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  taskRoleArn: 'arn:aws:iam::123456789012:role/task',
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx',
      essential: true,
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'app' },
      },
    },
  ],
  volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED' } }],
};
export const RETIRED_PV_RUN = {
  cluster: 'c',
  taskDefinition: 'app',
  launchType: 'FARGATE',
  platformVersion: '1.3.0',
  enableExecuteCommand: true,
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-12345678'] } },
};
