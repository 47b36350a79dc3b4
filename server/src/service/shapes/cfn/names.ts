/**
 * CloudFormation property names <-> ECS API names. The general rule is PascalCase <-> camelCase; the
 * exceptions depend on where the key sits (its context): CloudFormation's own spellings
 * (`EFSVolumeConfiguration`, `S3FilesVolumeConfiguration`, `FilesystemId`, `AuthorizationConfig.IAM`,
 * `ProxyConfiguration.ProxyConfigurationProperties`, `FSxWindowsFileServerVolumeConfiguration`), the
 * two spellings of `AwsvpcConfiguration` / `AwsVpcConfiguration`, and map-shaped properties
 * (`Options`, `DockerLabels`, `DriverOpts`, `Labels`) whose keys are data and are never renamed.
 */
import { emptyRecord, own } from '../../own';

/** Where an object sits, which decides how its keys are spelled. */
export type NameCtx = 'plain' | 'map' | 'efs' | 'efs-auth' | 'proxy' | 'vpc-upper' | 'vpc-lower' | 'launch-vpc-upper';

/** CloudFormation key -> API key, per context (only the exceptions to lowerFirst). */
const TO_API: Record<NameCtx, Record<string, string>> = {
  plain: {
    EFSVolumeConfiguration: 'efsVolumeConfiguration',
    FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
    S3FilesVolumeConfiguration: 's3filesVolumeConfiguration',
    AwsvpcConfiguration: 'awsvpcConfiguration',
    AwsVpcConfiguration: 'awsvpcConfiguration',
  },
  map: {},
  efs: { FilesystemId: 'fileSystemId' },
  'efs-auth': { IAM: 'iam' },
  proxy: { ProxyConfigurationProperties: 'properties' },
  'vpc-upper': { AwsVpcConfiguration: 'awsvpcConfiguration', AwsvpcConfiguration: 'awsvpcConfiguration' },
  'vpc-lower': { AwsvpcConfiguration: 'awsvpcConfiguration', AwsVpcConfiguration: 'awsvpcConfiguration' },
  'launch-vpc-upper': {},
};

/** API key -> CloudFormation key, per context (only the exceptions to upperFirst). */
const TO_CFN: Record<NameCtx, Record<string, string>> = {
  plain: {
    efsVolumeConfiguration: 'EFSVolumeConfiguration',
    fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
    s3filesVolumeConfiguration: 'S3FilesVolumeConfiguration',
  },
  map: {},
  efs: { fileSystemId: 'FilesystemId' },
  'efs-auth': { iam: 'IAM' },
  proxy: { properties: 'ProxyConfigurationProperties' },
  'vpc-upper': { awsvpcConfiguration: 'AwsVpcConfiguration' },
  'vpc-lower': { awsvpcConfiguration: 'AwsvpcConfiguration' },
  'launch-vpc-upper': {},
};

/** Map-shaped properties (by API name): their keys are data (`awslogs-group`, label names). */
export const MAP_KEYS = new Set(['options', 'dockerLabels', 'driverOpts', 'labels']);

export function toApiKey(ctx: NameCtx, cfnKey: string): string {
  if (ctx === 'map') return cfnKey;
  return own(TO_API[ctx], cfnKey) ?? lowerFirst(cfnKey);
}

/** The CloudFormation spelling; a key already written the CloudFormation way is respelled correctly. */
export function toCfnKey(ctx: NameCtx, apiKey: string): string {
  if (ctx === 'map') return apiKey;
  const api = /^[A-Z]/.test(apiKey) ? toApiKey(ctx, apiKey) : apiKey;
  return own(TO_CFN[ctx], api) ?? upperFirst(api);
}

/**
 * The context of the value under `apiKey` in an object of context `ctx`. `launch-vpc-upper` marks a
 * launch object (TaskSet, Events target) whose NetworkConfiguration spells `AwsVpcConfiguration`.
 */
export function childCtx(ctx: NameCtx, apiKey: string): NameCtx {
  if (ctx === 'map') return 'plain';
  if (MAP_KEYS.has(apiKey)) return 'map';
  if (apiKey === 'efsVolumeConfiguration') return 'efs';
  if (apiKey === 'authorizationConfig' && ctx === 'efs') return 'efs-auth';
  if (apiKey === 'proxyConfiguration') return 'proxy';
  if (apiKey === 'networkConfiguration') return ctx === 'launch-vpc-upper' ? 'vpc-upper' : 'vpc-lower';
  return 'plain';
}

/** Converts a value written with API keys (a quick fix's new value) to CloudFormation keys. */
export function toCfnValue(value: unknown, ctx: NameCtx): unknown {
  if (Array.isArray(value)) return value.map((v) => toCfnValue(v, ctx));
  if (value === null || typeof value !== 'object') return value;
  const out = emptyRecord<unknown>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    out[toCfnKey(ctx, k)] = toCfnValue(v, childCtx(ctx, k));
  return out;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
