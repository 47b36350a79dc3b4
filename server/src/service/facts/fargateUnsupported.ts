/**
 * THE list of task-definition members Fargate does not support, keyed `Shape.member` (API shape
 * names), each with the rule that flags it and why. The rules (rules/fargate, rules/volume,
 * rules/container) take their member lists from here and completion marks the same members
 * "not on Fargate", so the two cannot disagree. Pure data; no imports.
 *
 * Sources are in each rule's docs (docs/rules.md): the Amazon ECS Developer Guide, "Task definition
 * parameters for Amazon ECS" (Fargate notes per parameter) and the RegisterTaskDefinition errors.
 */

export interface UnsupportedMember {
  /** The rule id that flags the member in a Fargate task definition. */
  rule: string;
  /** Why, as a clause: "Fargate does not run privileged containers". */
  why: string;
}

export const FARGATE_UNSUPPORTED: Readonly<Record<string, UnsupportedMember>> = {
  'RegisterTaskDefinitionRequest.ipcMode': {
    rule: 'fargate/ipc-mode',
    why: 'Fargate tasks cannot share an IPC namespace',
  },
  'RegisterTaskDefinitionRequest.placementConstraints': {
    rule: 'fargate/placement-constraints',
    why: 'placement constraints choose EC2 container instances, which Fargate does not have',
  },
  'ContainerDefinition.privileged': {
    rule: 'fargate/unsupported-fields',
    why: 'Fargate does not run privileged containers',
  },
  'ContainerDefinition.disableNetworking': {
    rule: 'fargate/unsupported-fields',
    why: 'networking cannot be disabled on Fargate',
  },
  'ContainerDefinition.dnsServers': {
    rule: 'fargate/unsupported-fields',
    why: 'Fargate uses the VPC resolver; DNS servers cannot be set per container',
  },
  'ContainerDefinition.dnsSearchDomains': {
    rule: 'fargate/unsupported-fields',
    why: 'DNS search domains cannot be set per container on Fargate',
  },
  'ContainerDefinition.dockerSecurityOptions': {
    rule: 'fargate/unsupported-fields',
    why: 'Docker security options (SELinux/AppArmor labels, credentialspec) are not supported on Fargate',
  },
  'ContainerDefinition.extraHosts': {
    rule: 'fargate/unsupported-fields',
    why: 'extra /etc/hosts entries are not supported with awsvpc on Fargate',
  },
  'ContainerDefinition.links': {
    rule: 'fargate/unsupported-fields',
    why: 'links need the bridge network mode, which Fargate does not have',
  },
  'ContainerDefinition.hostname': {
    rule: 'awsvpc/hostname',
    why: 'hostname is not supported with awsvpc, the only network mode on Fargate',
  },
  'LinuxParameters.devices': { rule: 'fargate/linux-params-unsupported', why: 'Fargate does not expose host devices' },
  'LinuxParameters.sharedMemorySize': {
    rule: 'fargate/linux-params-unsupported',
    why: 'the /dev/shm size cannot be changed on Fargate',
  },
  'LinuxParameters.tmpfs': {
    rule: 'fargate/linux-params-unsupported',
    why: 'tmpfs mounts are not supported on Fargate',
  },
  'LinuxParameters.maxSwap': { rule: 'fargate/linux-params-unsupported', why: 'Fargate tasks have no swap' },
  'LinuxParameters.swappiness': { rule: 'fargate/linux-params-unsupported', why: 'Fargate tasks have no swap' },
  'Volume.dockerVolumeConfiguration': {
    rule: 'fargate/docker-volume',
    why: 'Fargate has no Docker volume drivers; use a bind mount or EFS',
  },
  'Volume.fsxWindowsFileServerVolumeConfiguration': {
    rule: 'fargate/fsx-windows',
    why: 'FSx for Windows File Server volumes need EC2 Windows container instances',
  },
};

/** Why `shape.member` is not supported on Fargate, or undefined when it is. */
export function fargateUnsupported(shape: string | undefined, member: string): UnsupportedMember | undefined {
  if (!shape) return undefined;
  const key = `${shape}.${member}`;
  return Object.prototype.hasOwnProperty.call(FARGATE_UNSUPPORTED, key) ? FARGATE_UNSUPPORTED[key] : undefined;
}

/** The members of `shape` one rule flags, with why: `{ privileged: 'Fargate does not run ...' }`. */
export function unsupportedMembers(shape: string, rule: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, m] of Object.entries(FARGATE_UNSUPPORTED)) {
    const [s, member] = key.split('.');
    if (s === shape && m.rule === rule) out[member] = m.why;
  }
  return out;
}
