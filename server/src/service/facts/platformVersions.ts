/**
 * THE Fargate platform-version facts, shared by the language server (rules, completion, hover) and the
 * extension's Run Task wizard, so the two cannot disagree. Pure data; no imports.
 *
 * Sources: AWS Fargate Linux platform versions and Windows platform versions (Amazon ECS Developer
 * Guide, "Fargate Linux platform versions" / "Fargate Windows platform versions", deprecation
 * schedule): LATEST is 1.4.0 on Linux and 1.0.0 on Windows; Linux 1.0.0-1.2.0 were retired on
 * 2020-12-14 and 1.3.0 on 2026-03-16 (remaining tasks stopped on 2026-03-31).
 */

export type PlatformOs = 'linux' | 'windows';

export interface PlatformVersionFact {
  value: string;
  /** One line for completion items and pickers. */
  detail: string;
  /** Retired on Linux: tasks can no longer be launched with it. */
  retired?: boolean;
  /** The operating systems it can run on today. */
  runsOn: readonly PlatformOs[];
}

export const PLATFORM_VERSIONS: readonly PlatformVersionFact[] = [
  { value: 'LATEST', detail: 'Linux 1.4.0, Windows 1.0.0 (default)', runsOn: ['linux', 'windows'] },
  { value: '1.4.0', detail: 'Linux; the only Linux platform version still available', runsOn: ['linux'] },
  { value: '1.0.0', detail: 'Windows platform version. On Linux 1.0.0 is retired', runsOn: ['windows'] },
  { value: '1.3.0', detail: 'Linux, retired (March 2026): tasks no longer start', retired: true, runsOn: [] },
  { value: '1.2.0', detail: 'Linux, retired (deprecated 2020-12-14)', retired: true, runsOn: [] },
  { value: '1.1.0', detail: 'Linux, retired (deprecated 2020-12-14)', retired: true, runsOn: [] },
];

/** Linux platform versions that are retired (1.0.0 is still Windows' current version). */
export const RETIRED_LINUX: readonly string[] = ['1.0.0', '1.1.0', '1.2.0', '1.3.0'];

/** When each retired Linux version stopped launching tasks. */
export const RETIRED_SINCE: Readonly<Record<string, string>> = {
  '1.0.0': '2020-12-14',
  '1.1.0': '2020-12-14',
  '1.2.0': '2020-12-14',
  '1.3.0': '2026-03-16',
};

/** Every platform version value that exists (current or retired). */
export const KNOWN_PLATFORM_VERSIONS: readonly string[] = PLATFORM_VERSIONS.map((p) => p.value).concat(
  RETIRED_LINUX.filter((v) => !PLATFORM_VERSIONS.some((p) => p.value === v)),
);

/** The versions a task on `os` can be launched with today, in the order to offer them. */
export function launchablePlatformVersions(os: PlatformOs): PlatformVersionFact[] {
  return PLATFORM_VERSIONS.filter((p) => p.runsOn.includes(os));
}

/** The minimum Linux platform version for the features pv/feature-requires-1.4.0 checks (EFS, ephemeral storage, ...; docs/rules.md). */
export const LINUX_FEATURES_MIN = '1.4.0';
