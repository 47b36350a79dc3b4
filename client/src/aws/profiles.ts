/**
 * Profiles and regions as the AWS CLI sees them: shared config and credentials files (honouring
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), AWS_PROFILE and AWS_REGION / AWS_DEFAULT_REGION.
 * Reads only names and regions; never keeps secret values.
 */
import { readFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from './types';

export interface ProfileInfo {
  name: string;
  region?: string;
  /** Uses IAM Identity Center (sso_session or sso_start_url). */
  sso: boolean;
  /** Gets credentials from an external program (credential_process). */
  process: boolean;
}

type Sections = Map<string, Map<string, string>>;

function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^\s+|\s+$/g, '');
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = sections.get(header[1]) ?? new Map();
      sections.set(header[1], current);
      continue;
    }
    const eq = line.indexOf('=');
    if (current && eq > 0 && !/^\s/.test(rawLine))
      current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

/** Profiles from the text of the config file and the credentials file, sorted, "default" first. */
export function parseProfiles(configText: string, credentialsText: string): ProfileInfo[] {
  const byName = new Map<string, ProfileInfo>();
  for (const [section, values] of parseIni(configText)) {
    const m = /^(?:profile\s+)?(\S+)$/.exec(section);
    if (!m || section.startsWith('sso-session') || section.startsWith('services')) continue;
    if (section !== 'default' && !section.startsWith('profile ')) continue;
    byName.set(m[1], {
      name: m[1],
      region: values.get('region'),
      sso: values.has('sso_session') || values.has('sso_start_url'),
      process: values.has('credential_process'),
    });
  }
  for (const [section, values] of parseIni(credentialsText)) {
    const existing = byName.get(section);
    if (existing) continue;
    byName.set(section, {
      name: section,
      region: values.get('region'),
      sso: false,
      process: values.has('credential_process'),
    });
  }
  return [...byName.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}

export type Env = Readonly<Record<string, string | undefined>>;

export function configFilePaths(env: Env, home = os.homedir()): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials'),
  };
}

export async function readProfiles(env: Env = process.env): Promise<ProfileInfo[]> {
  const files = configFilePaths(env);
  const read = (p: string): Promise<string> => readFile(p, 'utf8').catch(() => '');
  return parseProfiles(await read(files.config), await read(files.credentials));
}

/** What the user chose (settings or pickers); empty values fall back to the environment. */
export interface ConnectionChoice {
  profile?: string;
  regions?: readonly string[];
}

export const FALLBACK_REGION = 'us-east-1';

/** One connection per region. Order of precedence as in the AWS CLI: explicit choice, environment, profile, fallback. */
export function resolveConnections(choice: ConnectionChoice, env: Env, profiles: readonly ProfileInfo[]): Connection[] {
  const profile = choice.profile || env.AWS_PROFILE || undefined;
  const profileRegion = profiles.find((p) => p.name === (profile ?? 'default'))?.region;
  const regions = choice.regions?.filter((r) => r.trim()).length
    ? [...new Set(choice.regions.map((r) => r.trim()).filter(Boolean))]
    : [env.AWS_REGION || env.AWS_DEFAULT_REGION || profileRegion || FALLBACK_REGION];
  return regions.map((region) => ({ profile, region }));
}

export function connectionLabel(c: Connection): string {
  return `${c.profile ?? 'default'} · ${c.region}`;
}

export function connectionKey(c: Connection): string {
  return `${c.profile ?? ''}|${c.region}`;
}

export { KNOWN_REGIONS } from './regions';
