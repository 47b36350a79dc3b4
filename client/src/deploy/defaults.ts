/**
 * The values ECS fills in (or treats as equal to an omitted member) when a task definition is
 * registered, with the source of each. The normaliser removes a member holding its default on BOTH
 * sides of a comparison, so "omitted in the file" and "filled in by DescribeTaskDefinition" compare
 * equal. Only documented defaults are listed: a value we are not sure of stays visible in the diff.
 *
 * Sources: the ECS API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/), the
 * same text as the member documentation in the ECS Smithy model (models/aws/ecs-2014-11-13.smithy.json).
 */

export interface DefaultRule {
  /** Which object the member belongs to (an object kind of the task-definition tree). */
  readonly on: ObjectKind;
  readonly member: string;
  /** The value that means the same as omitting the member. */
  readonly value: unknown;
  /** Where AWS says so (API reference shape and member). */
  readonly source: string;
}

export type ObjectKind =
  | 'task'
  | 'container'
  | 'portMapping'
  | 'mountPoint'
  | 'volumeFrom'
  | 'healthCheck'
  | 'efsVolume'
  | 'efsAuth'
  | 'dockerVolume'
  | 'ulimit'
  | 'linuxParameters'
  | 'restartPolicy';

const API = 'ECS API reference';

export const DEFAULTS: readonly DefaultRule[] = [
  {
    on: 'task',
    member: 'networkMode',
    value: 'bridge',
    source: `${API}, TaskDefinition.networkMode: "If no network mode is specified, the default is bridge."`,
  },
  {
    on: 'task',
    member: 'enableFaultInjection',
    value: false,
    source: `${API}, TaskDefinition.enableFaultInjection: "The default value is false."`,
  },
  {
    on: 'container',
    member: 'essential',
    value: true,
    source: `${API}, ContainerDefinition.essential: "If this parameter is omitted, a container is assumed to be essential."`,
  },
  {
    on: 'container',
    member: 'cpu',
    value: 0,
    source:
      `${API}, ContainerDefinition.cpu: DescribeTaskDefinition returns cpu 0 for a container registered without ` +
      `cpu; 0 CPU units reserve nothing (the container shares unallocated units), the same as omitting it.`,
  },
  {
    on: 'container',
    member: 'versionConsistency',
    value: 'enabled',
    source: `${API}, ContainerDefinition.versionConsistency: "By default, the value is enabled."`,
  },
  {
    on: 'portMapping',
    member: 'protocol',
    value: 'tcp',
    source: `${API}, PortMapping.protocol: "Valid values are tcp and udp. The default is tcp."`,
  },
  {
    on: 'mountPoint',
    member: 'readOnly',
    value: false,
    source: `${API}, MountPoint.readOnly: "The default value is false."`,
  },
  {
    on: 'volumeFrom',
    member: 'readOnly',
    value: false,
    source: `${API}, VolumeFrom.readOnly: "The default value is false."`,
  },
  {
    on: 'healthCheck',
    member: 'interval',
    value: 30,
    source: `${API}, HealthCheck.interval: "The default value is 30 seconds."`,
  },
  {
    on: 'healthCheck',
    member: 'timeout',
    value: 5,
    source: `${API}, HealthCheck.timeout: "The default value is 5."`,
  },
  {
    on: 'healthCheck',
    member: 'retries',
    value: 3,
    source: `${API}, HealthCheck.retries: "The default value is 3."`,
  },
  {
    on: 'healthCheck',
    member: 'startPeriod',
    value: 0,
    source: `${API}, HealthCheck.startPeriod: "By default, the startPeriod is off." (0 seconds of grace)`,
  },
  {
    on: 'efsVolume',
    member: 'rootDirectory',
    value: '/',
    source: `${API}, EFSVolumeConfiguration.rootDirectory: "Specifying / will have the same effect as omitting this parameter."`,
  },
  {
    on: 'efsVolume',
    member: 'transitEncryption',
    value: 'DISABLED',
    source: `${API}, EFSVolumeConfiguration.transitEncryption: "If this parameter is omitted, the default value of DISABLED is used."`,
  },
  {
    on: 'efsAuth',
    member: 'iam',
    value: 'DISABLED',
    source: `${API}, EFSAuthorizationConfig.iam: "If this parameter is omitted, the default value of DISABLED is used."`,
  },
  {
    on: 'dockerVolume',
    member: 'scope',
    value: 'task',
    source: `${API}, DockerVolumeConfiguration.scope: task-scoped volumes are the default ("Docker volumes that are scoped to a task are automatically provisioned")`,
  },
  {
    on: 'linuxParameters',
    member: 'initProcessEnabled',
    value: false,
    source: `${API}, LinuxParameters.initProcessEnabled: no init process unless enabled (docker run --init is off by default)`,
  },
  {
    on: 'linuxParameters',
    member: 'swappiness',
    value: 60,
    source: `${API}, LinuxParameters.swappiness: "If the swappiness parameter is not specified, a default value of 60 is used."`,
  },
  {
    on: 'restartPolicy',
    member: 'restartAttemptPeriod',
    value: 300,
    source: `${API}, ContainerRestartPolicy.restartAttemptPeriod: "By default, a container must run for 300 seconds before it can be restarted."`,
  },
];

/**
 * Rules that depend on another member, documented here and applied in normalise.ts:
 * - PortMapping.hostPort under awsvpc or host network mode equals containerPort (API reference,
 *   PortMapping.hostPort: "For containers in a task with the awsvpc network mode, the hostPort is set
 *   to the same value as the containerPort"; host mode: "host ports must either be undefined or they
 *   must match the container port"). Under bridge, 0 and omitted both mean a dynamic host port.
 * - DockerVolumeConfiguration.autoprovision false is the default and only used with scope shared.
 * - Task cpu / memory given as "1 vCPU" / "1 GB" are stored as units / MiB (RegisterTaskDefinition
 *   cpu/memory: "String values are converted to an integer indicating the CPU units [MiB] when the
 *   task definition is registered"); the API returns both as strings of digits.
 * - Empty arrays, empty objects and nulls are the same as omitted members (DescribeTaskDefinition
 *   returns `environment: []`, `mountPoints: []`, `volumesFrom: []`, `volumes: []`,
 *   `placementConstraints: []`, `systemControls: []`, `host: {}` for members never given).
 * - Tags whose key starts with `aws:` are reserved and set by AWS (API reference, Tag: "Do not use
 *   aws:, AWS:, or any upper or lowercase combination of such as a prefix").
 */
export function defaultsFor(kind: ObjectKind): ReadonlyMap<string, unknown> {
  let m = byKind.get(kind);
  if (!m) {
    m = new Map(DEFAULTS.filter((d) => d.on === kind).map((d) => [d.member, d.value]));
    byKind.set(kind, m);
  }
  return m;
}
const byKind = new Map<ObjectKind, Map<string, unknown>>();
