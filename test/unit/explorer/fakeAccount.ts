/**
 * The contents of the in-memory account behind FakeAws (fakeAws.ts), one FakeRegion per region, and the
 * builders that seed it: clusters with services and RUNNING tasks, task definition families.
 */
import type {
  AccessPoint,
  Cluster,
  FileSystem,
  MountTarget,
  Service,
  Task,
  TaskDefinition,
} from '../../../client/src/aws/types';

export interface FakeRegion {
  clusters: Cluster[];
  services: Map<string, Service[]>; // by cluster ARN
  tasks: Map<string, Task[]>; // by cluster ARN
  taskDefinitions: TaskDefinition[];
  fileSystems: FileSystem[];
  accessPoints: AccessPoint[];
  mountTargets: MountTarget[];
}

export const emptyRegion = (): FakeRegion => ({
  clusters: [],
  services: new Map(),
  tasks: new Map(),
  taskDefinitions: [],
  fileSystems: [],
  accessPoints: [],
  mountTargets: [],
});

const ACCOUNT = '123456789012';

/** Adds a cluster with `services` services of `tasksPerService` RUNNING tasks each, plus `standalone` standalone tasks. */
export function addCluster(
  r: FakeRegion,
  region: string,
  name: string,
  opts: { services?: number; tasksPerService?: number; standalone?: number; status?: string } = {},
): Cluster {
  const clusterArn = `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${name}`;
  const cluster: Cluster = {
    clusterArn,
    clusterName: name,
    status: opts.status ?? 'ACTIVE',
    activeServicesCount: opts.services ?? 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
  };
  r.clusters.push(cluster);
  const services: Service[] = [];
  const tasks: Task[] = [];
  let n = 0;
  const task = (group: string, startedBy?: string): Task => ({
    taskArn: `arn:aws:ecs:${region}:${ACCOUNT}:task/${name}/${(++n).toString(16).padStart(32, '0')}`,
    clusterArn,
    group,
    startedBy,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    cpu: '256',
    memory: '512',
    taskDefinitionArn: `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/web:3`,
    containers: [{ name: 'app', lastStatus: 'RUNNING', healthStatus: 'HEALTHY', image: 'nginx' }],
  });
  for (let s = 0; s < (opts.services ?? 0); s++) {
    const serviceName = `svc-${s}`;
    services.push({
      serviceArn: `arn:aws:ecs:${region}:${ACCOUNT}:service/${name}/${serviceName}`,
      serviceName,
      clusterArn,
      status: 'ACTIVE',
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      desiredCount: opts.tasksPerService ?? 0,
      runningCount: opts.tasksPerService ?? 0,
      pendingCount: 0,
      taskDefinition: `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/web:3`,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
      },
    });
    for (let i = 0; i < (opts.tasksPerService ?? 0); i++) tasks.push(task(`service:${serviceName}`, 'ecs-svc/1'));
  }
  for (let i = 0; i < (opts.standalone ?? 0); i++) tasks.push(task('family:web'));
  r.services.set(clusterArn, services);
  r.tasks.set(clusterArn, tasks);
  return cluster;
}

export function addTaskDefinition(
  r: FakeRegion,
  region: string,
  family: string,
  revisions: number,
  inactive: number[] = [],
): void {
  for (let rev = 1; rev <= revisions; rev++) {
    r.taskDefinitions.push({
      family,
      revision: rev,
      status: inactive.includes(rev) ? 'INACTIVE' : 'ACTIVE',
      taskDefinitionArn: `arn:aws:ecs:${region}:${ACCOUNT}:task-definition/${family}:${rev}`,
      requiresCompatibilities: ['FARGATE'],
      compatibilities: ['EC2', 'FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      registeredAt: new Date(0),
      registeredBy: 'arn:aws:iam::1:user/x',
      containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
    });
  }
}
