/**
 * The contract between the client and the server: settings and custom notifications. Imported by
 * both sides; types and method names only.
 */
import type { SeveritySetting } from './service/types';

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

/** Server -> client: the workspace scan finished (for status display and tests). */
export const INDEX_READY_NOTIFICATION = 'fargateLens/indexReady';

export interface IndexReadyParams {
  files: number;
  ecsFiles: number;
  millis: number;
}

/** Merges a possibly partial settings object from the client over the defaults. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Settings> & Record<string, unknown>;
  const files = (r.files && typeof r.files === 'object' ? r.files : {}) as Partial<Settings['files']>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const rules: Record<string, SeveritySetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules))
      if (['error', 'warning', 'info', 'hint', 'off'].includes(v)) rules[k] = v;
  }
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    files: { include: list(files.include), exclude: list(files.exclude) },
    maxFileSizeKB: num(r.maxFileSizeKB, DEFAULT_SETTINGS.maxFileSizeKB),
    debounceMs: num(r.debounceMs, DEFAULT_SETTINGS.debounceMs),
  };
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
