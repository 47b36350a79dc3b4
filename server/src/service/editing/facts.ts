/**
 * Hand-kept Fargate facts the API model does not carry: the cpu/memory table, platform versions,
 * log drivers and capabilities, numeric ranges, and per-field Fargate notes. Each comes from the AWS
 * documentation the rules relying on it cite (docs/rules.md, under each rule's "Sources").
 */

import { FARGATE_UNSUPPORTED } from '../facts/fargateUnsupported';

/** Task cpu units -> allowed memory (MiB) ("Fargate task CPU and memory", AWS developer guide). */
export const FARGATE_CPU_MEMORY: Record<number, number[]> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Task cpu as units: "256", 256, "1 vCPU", ".25 vcpu". Linear regexes, as in rules/fargate/cpuMemory.ts. */
export function cpuUnits(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v);
  const m = text.length <= 64 ? /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:(vcpu)\s*)?$/i.exec(text) : null;
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** Task memory as MiB: "512", 512, "1GB", "1 GB". */
export function memoryMiB(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const text = String(v);
  const m = text.length <= 64 ? /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:(gb)\s*)?$/i.exec(text) : null;
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

export const FARGATE_LOG_DRIVERS = ['awslogs', 'awsfirelens', 'splunk'];

/** The capability names the API accepts (no CAP_ prefix); one list, kept with the rule that checks them. */
export { CAPABILITIES } from '../rules/linux/capValidNames';

export { PLATFORM_VERSIONS, type PlatformVersionFact } from '../facts/platformVersions';

/** Per-field notes keyed `Shape.member`: allowed range and Fargate facts (minimum PV, restrictions). */
export interface FieldFact {
  range?: string;
  fargate?: string;
  pv?: string;
}

const NOTES: Record<string, FieldFact> = {
  'RegisterTaskDefinitionRequest.cpu': {
    fargate:
      'Required on Fargate. Valid: 256, 512, 1024, 2048, 4096, 8192, 16384 (8192 and 16384 Linux only, PV 1.4.0); Windows needs at least 1024.',
  },
  'RegisterTaskDefinitionRequest.memory': {
    fargate:
      'Required on Fargate; must match the cpu value (256: 512-2048; 512: 1024-4096; 1024: 2048-8192; 2048: 4096-16384; 4096: 8192-30720; 8192: 16384-61440 step 4096; 16384: 32768-122880 step 8192).',
  },
  'RegisterTaskDefinitionRequest.networkMode': { fargate: 'Fargate supports only `awsvpc` (omitted means `bridge`).' },
  'RegisterTaskDefinitionRequest.pidMode': {
    fargate: 'Only `task` on Fargate, Linux platform version 1.4.0; not on Windows.',
    pv: '1.4.0',
  },
  'RegisterTaskDefinitionRequest.ephemeralStorage': { range: '`sizeInGiB` 21-200 (20 is the default)', pv: '1.4.0' },
  'EphemeralStorage.sizeInGiB': { range: '21-200 GiB', pv: '1.4.0' },
  'RegisterTaskDefinitionRequest.proxyConfiguration': {
    fargate: 'App Mesh reached end of support on 2026-09-30. Not on Windows.',
    pv: '1.3.0',
  },
  'RegisterTaskDefinitionRequest.inferenceAccelerators': { fargate: 'Deprecated since 2023-04-15.' },
  'ContainerDefinition.dependsOn': { pv: '1.3.0' },
  'ContainerDefinition.startTimeout': { range: '2-120 seconds on Fargate', pv: '1.3.0' },
  'ContainerDefinition.stopTimeout': { range: '2-120 seconds on Fargate (default 30)', pv: '1.3.0' },
  'ContainerDefinition.secrets': { pv: '1.3.0 (JSON keys and versions in `valueFrom`: 1.4.0)' },
  'ContainerDefinition.repositoryCredentials': { pv: '1.2.0' },
  'ContainerDefinition.healthCheck': { pv: '1.1.0' },
  'ContainerDefinition.environmentFiles': {
    range: 'at most 10 files, S3 object ARNs ending in `.env`',
    fargate: 'Not supported on Windows.',
    pv: '1.4.0',
  },
  'ContainerDefinition.firelensConfiguration': {
    fargate: '`config-file-type` must be `file` on Fargate; not supported on Windows.',
    pv: '1.3.0',
  },
  'ContainerDefinition.systemControls': {
    fargate: 'Supported on Fargate Linux PV 1.4.0; not on Windows.',
    pv: '1.4.0',
  },
  'ContainerDefinition.ulimits': { fargate: '`nofile` hard limit up to 1048576 (default 65535); not on Windows.' },
  'LinuxParameters.capabilities': {
    fargate: 'Only `SYS_PTRACE` can be added on Fargate (PV 1.4.0); any capability can be dropped.',
  },
  'KernelCapabilities.add': { fargate: 'Only `SYS_PTRACE` on Fargate.', pv: '1.4.0' },
  'LinuxParameters.swappiness': { range: '0-100' },
  'HealthCheck.interval': { range: '5-300 seconds (default 30)' },
  'HealthCheck.timeout': { range: '2-60 seconds (default 5)' },
  'HealthCheck.retries': { range: '1-10 (default 3)' },
  'HealthCheck.startPeriod': { range: '0-300 seconds' },
  'PortMapping.containerPort': { range: '1-65535' },
  'PortMapping.hostPort': { fargate: 'With `awsvpc` omit it or set it equal to `containerPort`.' },
  'LogConfiguration.logDriver': {
    fargate: 'Fargate supports `awslogs`, `splunk` (PV 1.3.0) and `awsfirelens` (PV 1.3.0).',
  },
  'Volume.efsVolumeConfiguration': { fargate: 'Linux only (not on Windows).', pv: '1.4.0' },
  'Volume.host': { fargate: '`sourcePath` is not supported on Fargate; an empty `host` bind mount is fine.' },
  'Volume.configuredAtLaunch': { pv: '1.4.0' },
  'EFSVolumeConfiguration.transitEncryptionPort': { range: '1-65535' },
  'EFSAuthorizationConfig.accessPointId': { fargate: 'Needs `transitEncryption: ENABLED`.' },
  'RuntimePlatform.cpuArchitecture': { fargate: '`ARM64` needs Linux PV 1.4.0; Windows is X86_64 only.' },
  'CreateServiceRequest.platformVersion': {
    fargate: 'LATEST (Linux 1.4.0, Windows 1.0.0) or 1.4.0; Linux 1.0.0-1.3.0 are retired.',
  },
  'UpdateServiceRequest.platformVersion': {
    fargate: 'LATEST (Linux 1.4.0, Windows 1.0.0) or 1.4.0; Linux 1.0.0-1.3.0 are retired.',
  },
  'RunTaskRequest.platformVersion': {
    fargate: 'LATEST (Linux 1.4.0, Windows 1.0.0) or 1.4.0; Linux 1.0.0-1.3.0 are retired.',
  },
  'RunTaskRequest.enableExecuteCommand': { fargate: 'ECS Exec needs Linux PV 1.4.0 (Windows 1.0.0) and a task role.' },
  'CreateServiceRequest.enableExecuteCommand': {
    fargate: 'ECS Exec needs Linux PV 1.4.0 (Windows 1.0.0) and a task role.',
  },
};

/** The notes, with "Not supported on Fargate" for the members in the one unsupported list the rules use. */
export const FIELD_FACTS: Record<string, FieldFact> = { ...NOTES };
for (const [key, m] of Object.entries(FARGATE_UNSUPPORTED))
  FIELD_FACTS[key] = { ...FIELD_FACTS[key], fargate: `Not supported on Fargate: ${m.why}.` };
