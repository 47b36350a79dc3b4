/**
 * Synthetic inputs for the benchmarks: Fargate task definitions of a chosen size (valid, the shape
 * engineers write by hand: register-task-definition input with logging, health checks, secrets and
 * volumes) and a synthetic workspace of task definitions plus create-service inputs that link to them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

function container(i: number, envVars: number, dependsOnPrev: boolean, rich: boolean): Record<string, unknown> {
  const name = i === 0 ? 'app' : `sidecar-${i}`;
  const c: Record<string, unknown> = {
    name,
    image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}:1.${i}.0`,
    cpu: 128,
    memory: 256,
    memoryReservation: 128,
    essential: i === 0,
    portMappings: [
      { containerPort: 8080 + i, hostPort: 8080 + i, protocol: 'tcp', name: `${name}-http`, appProtocol: 'http' },
      { containerPort: 9090 + i, hostPort: 9090 + i, protocol: 'tcp', name: `${name}-metrics` },
    ],
    environment: Array.from({ length: envVars }, (_, k) => ({ name: `SETTING_${i}_${k}`, value: `value-${k}` })),
    secrets: [
      {
        name: 'DB_PASSWORD',
        valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-${i}-AbCdEf:password::`,
      },
      { name: 'API_TOKEN', valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/${name}/token` },
    ],
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': `/ecs/bench/${name}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': name },
    },
    healthCheck: {
      command: ['CMD-SHELL', `curl -f http://localhost:${8080 + i}/health || exit 1`],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 10,
    },
    mountPoints: [{ sourceVolume: 'shared', containerPath: `/data/${name}`, readOnly: i !== 0 }],
    ...(dependsOnPrev ? { dependsOn: [{ containerName: 'app', condition: 'START' }] } : {}),
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
    linuxParameters: { initProcessEnabled: true },
    readonlyRootFilesystem: i !== 0,
    stopTimeout: 30,
  };
  if (!rich) {
    delete c.ulimits;
    delete c.linuxParameters;
    delete c.memoryReservation;
    (c.portMappings as unknown[]).pop();
    (c.secrets as unknown[]).pop();
  }
  return c;
}

/** A Fargate register-task-definition input with `containers` containers and roughly `lines` lines. */
export function taskDefinition(family: string, containers: number, lines: number): Record<string, unknown> {
  const build = (env: number) => ({
    family,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${family}-task`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/${family}-execution`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(Math.max(1024, 256 * containers)).replace(/^2560$/, '4096'),
    memory: String(Math.max(2048, 512 * containers)).replace(/^5120$/, '8192'),
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    containerDefinitions: Array.from({ length: containers }, (_, i) =>
      container(i, env, i > 0, lines / containers >= 100),
    ),
    volumes: [
      {
        name: 'shared',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-0123456789abcdef0',
          transitEncryption: 'ENABLED',
          authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0', iam: 'ENABLED' },
        },
      },
    ],
    ephemeralStorage: { sizeInGiB: 30 },
    tags: [{ key: 'team', value: 'bench' }],
  });
  // Each environment variable is 4 pretty-printed lines per container: solve for the target size.
  const base = JSON.stringify(build(0), null, 2).split('\n').length;
  const env = Math.max(0, Math.round((lines - base) / (4 * containers)));
  return build(env);
}

export const text = (obj: unknown): string => JSON.stringify(obj, null, 2) + '\n';

/** ~150 lines, 2 containers: what a typical hand-written task definition looks like. */
export const typicalTaskDef = (): string => text(taskDefinition('bench-typical', 2, 150));
/** ~1,500 lines, 10 containers. */
export const largeTaskDef = (): string => text(taskDefinition('bench-large', 10, 1500));

/** A create-service input (`--cli-input-json`) running `family` on Fargate. */
export function serviceInput(name: string, family: string): Record<string, unknown> {
  return {
    cluster: 'bench',
    serviceName: name,
    taskDefinition: `${family}:1`,
    desiredCount: 2,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0123456789abcdef0'],
        securityGroups: ['sg-0123456789abcdef0'],
        assignPublicIp: 'DISABLED',
      },
    },
    enableExecuteCommand: true,
  };
}

/**
 * Writes `taskDefs` task definitions (families fam-0 ...) and `services` create-service inputs (service
 * i runs fam-i) under `dir`, 100 files per folder. Returns the paths of the first pair.
 */
export function writeWorkspace(dir: string, taskDefs: number, services: number): { taskDef: string; service: string } {
  const tdText = (i: number) => text(taskDefinition(`fam-${i}`, 2, 150));
  for (let i = 0; i < taskDefs; i++) {
    const sub = join(dir, 'taskdefs', `g${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `fam-${i}.json`), tdText(i));
  }
  for (let i = 0; i < services; i++) {
    const sub = join(dir, 'services', `g${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `svc-${i}.json`), text(serviceInput(`svc-${i}`, `fam-${i % Math.max(1, taskDefs)}`)));
  }
  return { taskDef: join(dir, 'taskdefs', 'g0', 'fam-0.json'), service: join(dir, 'services', 'g0', 'svc-0.json') };
}
