/**
 * Fargate platform version rules for Run task: which versions to offer and why one is refused. The
 * facts (which versions exist, which are retired) are the language server's
 * (server/src/service/facts/platformVersions.ts), so the wizard never offers what the editor flags.
 * EFS volumes, ephemeral storage, environment files, secrets by version key/JSON key and SYS_PTRACE
 * need Linux 1.4.0.
 */
import {
  launchablePlatformVersions,
  RETIRED_LINUX,
  RETIRED_SINCE,
  type PlatformOs,
  type PlatformVersionFact,
} from '../../../server/src/service/facts/platformVersions';
import type { TaskDefinition } from '../aws/types';

export function osOf(td: TaskDefinition): PlatformOs {
  return td.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ? 'windows' : 'linux';
}

/** The versions to offer for this task definition: launchable on its OS, LATEST first. */
export function offeredPlatformVersions(td: TaskDefinition): PlatformVersionFact[] {
  return launchablePlatformVersions(osOf(td));
}

function compare(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Features of a task definition that need platform version 1.4.0 (empty if none). */
export function featuresNeeding140(td: TaskDefinition): string[] {
  const needs: string[] = [];
  if ((td.volumes ?? []).some((v) => v.efsVolumeConfiguration)) needs.push('EFS volumes');
  if (td.ephemeralStorage?.sizeInGiB) needs.push('ephemeral storage above 20 GiB');
  for (const c of td.containerDefinitions ?? []) {
    if (Array.isArray(c.environmentFiles) && c.environmentFiles.length)
      needs.push(`environment files (container ${c.name})`);
    const caps = (c.linuxParameters as { capabilities?: { add?: string[] } } | undefined)?.capabilities?.add ?? [];
    if (caps.includes('SYS_PTRACE')) needs.push(`SYS_PTRACE (container ${c.name})`);
    const secrets = (c.secrets as Array<{ valueFrom?: string }> | undefined) ?? [];
    if (secrets.some((s) => /^arn:aws[\w-]*:secretsmanager:.*:secret:[^:]+(:[^:]*){3,}$/.test(s.valueFrom ?? '')))
      needs.push(`Secrets Manager JSON keys or versions (container ${c.name})`);
  }
  return needs;
}

/** Why a platform version cannot run this task definition, or undefined when it can. */
export function refusePlatformVersion(version: string, td: TaskDefinition): string | undefined {
  if (version === 'LATEST') return undefined;
  if (!/^\d+\.\d+\.\d+$/.test(version)) return `"${version}" is not a platform version (use LATEST or x.y.z).`;
  if (osOf(td) === 'windows') {
    return version === '1.0.0' ? undefined : `Windows tasks run on platform version 1.0.0 or LATEST, not ${version}.`;
  }
  if (RETIRED_LINUX.includes(version))
    return `Platform version ${version} is retired (since ${RETIRED_SINCE[version]}); Fargate no longer starts tasks on it. Use LATEST or 1.4.0.`;
  const needs = featuresNeeding140(td);
  if (needs.length && compare(version, '1.4.0') < 0)
    return `This task definition needs platform version 1.4.0 or later for ${needs.join(', ')}; ${version} would fail.`;
  return undefined;
}
