/**
 * The contract between the client and the server: settings and custom notifications. Imported by
 * both sides; types and method names only.
 */
import type { SeveritySetting } from './service/types';
import type { LiveFinding } from './service/liveFindings';
import type { LiveReference } from './service/verify/references';

export interface Settings {
  /** Master switch for diagnostics. */
  enable: boolean;
  /** Per-rule severity: `{ "fargate/cap-add": "warning", "ctr/user-root": "off" }`. */
  rules: Record<string, SeveritySetting>;
  files: {
    /** Globs of files always treated as ECS files. */
    include: string[];
    /** Globs of files never checked. */
    exclude: string[];
  };
  /** Files larger than this are not parsed. */
  maxFileSizeKB: number;
  /** Delay after the last keystroke before diagnostics are recomputed. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  files: { include: [], exclude: [] },
  maxFileSizeKB: 5120,
  debounceMs: 150,
};

/**
 * Node options the client starts the server with: a small young generation keeps resident memory
 * down in large workspaces at no measurable latency cost (bench/: workspace section).
 */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=1'];

/** Client -> server: EFS file systems and access points of the connected account and region. */
export const LIVE_EFS_NOTIFICATION = 'fargateLens/liveEfs';

export interface LiveEfsParams {
  /** Undefined when disconnected: live checks are switched off. */
  region?: string;
  fileSystems: { id: string; name?: string; accessPoints: { id: string; name?: string }[] }[];
}

/**
 * Client -> server: findings of checks against the connected account, anchored at members of workspace
 * files (see service/liveFindings.ts), from one producer ('verify', 'diagnose', ...). They replace that
 * producer's earlier findings: all of them, or with `uris` only those anchored in these files (anchors
 * by family are kept). `findings: []` without `uris` clears the producer. The server validates the open
 * documents again; the findings show as ordinary diagnostics under their rule ids.
 */
export const LIVE_FINDINGS_NOTIFICATION = 'fargateLens/liveFindings';

export interface LiveFindingsParams {
  producer: string;
  uris?: string[];
  findings: LiveFinding[];
}

export type { LiveAnchor, LiveFinding, LiveFix } from './service/liveFindings';

/**
 * Client -> server: the references of a file that pre-deploy verification checks against the account
 * (images, secrets, roles, log groups, subnets, security groups, target groups), each with the anchor
 * of its member (service/verify/references.ts). The open version of the file, else the indexed one.
 */
export const LIVE_REFERENCES_REQUEST = 'fargateLens/liveReferences';

export interface LiveReferencesParams {
  uri: string;
}

export interface LiveReferencesResult {
  references: LiveReference[];
}

/** Server -> client: the workspace scan finished (for status display and tests). */
export const INDEX_READY_NOTIFICATION = 'fargateLens/indexReady';

export interface IndexReadyParams {
  files: number;
  ecsFiles: number;
  millis: number;
}

/** Globs per list, and characters per glob, that the server accepts; more is ignored with a warning. */
export const MAX_GLOBS = 200;
export const MAX_GLOB_LENGTH = 1024;
/** The largest file the server and the CLI check, whatever fargateLens.maxFileSizeKB says (5 MiB). */
export const MAX_FILE_SIZE_KB = 5120;
const MAX_DEBOUNCE_MS = 5000;
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * Settings from the client (a workspace's .vscode/settings.json among them) checked and merged over the
 * defaults. A bad value never reaches the server's logic: it is dropped or clamped, and each problem is
 * a sentence the server logs as a warning (an empty or overlong glob once killed the workspace scan).
 */
export function checkSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files = (r.files && typeof r.files === 'object' ? r.files : {}) as Record<string, unknown>;
  const globs = (name: string, v: unknown): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problems.push(`fargateLens.files.${name} is not a list of globs; ignored.`);
      return [];
    }
    const out: string[] = [];
    for (const g of v) {
      if (typeof g !== 'string' || g.trim() === '') {
        problems.push(`fargateLens.files.${name}: ${JSON.stringify(g)?.slice(0, 40)} is not a glob; ignored.`);
      } else if (g.length > MAX_GLOB_LENGTH) {
        problems.push(
          `fargateLens.files.${name}: a glob of ${g.length} characters (the limit is ${MAX_GLOB_LENGTH}) is ignored.`,
        );
      } else if (out.length === MAX_GLOBS) {
        problems.push(`fargateLens.files.${name}: only the first ${MAX_GLOBS} globs are used.`);
        break;
      } else out.push(g);
    }
    return out;
  };
  // Null prototype: rule ids are user text (`__proto__`, `constructor`).
  const rules = Object.create(null) as Record<string, SeveritySetting>;
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules)) {
      if (SEVERITIES.includes(v as string)) rules[k] = v as SeveritySetting;
      else
        problems.push(
          `fargateLens.rules: ${k.slice(0, 80)} has no severity ${JSON.stringify(v)?.slice(0, 40)}; ignored.`,
        );
    }
  }
  const num = (name: string, v: unknown, d: number, max: number) => {
    if (v === undefined || v === null) return d;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      problems.push(`fargateLens.${name} must be a number from 0 to ${max}; using ${d}.`);
      return d;
    }
    if (v > max) {
      problems.push(`fargateLens.${name} is above its maximum of ${max}; using ${max}.`);
      return max;
    }
    return v;
  };
  return {
    settings: {
      enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
      rules,
      files: { include: globs('include', files.include), exclude: globs('exclude', files.exclude) },
      maxFileSizeKB: num('maxFileSizeKB', r.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB, MAX_FILE_SIZE_KB),
      debounceMs: num('debounceMs', r.debounceMs, DEFAULT_SETTINGS.debounceMs, MAX_DEBOUNCE_MS),
    },
    problems,
  };
}

/** Merges a possibly partial settings object from the client over the defaults (problems dropped). */
export function normaliseSettings(raw: unknown): Settings {
  return checkSettings(raw).settings;
}

/**
 * Client -> server: run the rules on a task-definition file together with a live service's launch
 * settings (written as CreateService input), as if the service were a file of the workspace. The
 * result lists the findings that concern the two together (for the deploy guard rail).
 */
export const CHECK_LAUNCH_REQUEST = 'fargateLens/checkLaunch';

export interface CheckLaunchParams {
  /** The task-definition file (its open version, else the indexed disk version). */
  uri: string;
  /** CreateService-shaped input: serviceName, taskDefinition (the family), launchType / capacityProviderStrategy, platformVersion, networkConfiguration. */
  launch: Record<string, unknown>;
}

export interface CheckLaunchResult {
  findings: { ruleId: string; severity: string; message: string }[];
}
