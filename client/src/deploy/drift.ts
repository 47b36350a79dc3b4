/**
 * Drift of a workspace file against the account: for each task definition in the file, its family's
 * latest ACTIVE revision, whether the file matches it (normalised diff), and which services run which
 * revision. Computed only when asked (a file opened or saved, a refresh), cached per file, inside a
 * call budget; the service scan is shared by all files of a connection for `scanTtlMs`.
 * Pure: the ApiFactory is injected, nothing here imports vscode.
 */
import { describeAwsError } from '../aws/errors';
import { connectionKey } from '../aws/profiles';
import type { ApiFactory, Connection } from '../aws/types';
import { compareWithRegistered, NotRegisteredError, type Comparison } from './compare';
import { countText } from './diff';
import { readFileTaskDefs } from './fileTaskDefs';
import { CallBudget, scanServices, servicesOfFamily, type FamilyService, type ServiceScan } from './services';

export interface FamilyDrift {
  family: string;
  /** Undefined when no revision of the family is registered (or it could not be read). */
  comparison?: Comparison;
  services: FamilyService[];
  /** The service list stopped at the call budget. */
  partial: boolean;
  /** Why the family could not be checked (AWS error, redacted), if it could not. */
  error?: string;
  notRegistered?: boolean;
}

export interface FileDrift {
  uri: string;
  connection: Connection;
  families: FamilyDrift[];
  computedAt: number;
}

export interface DriftOptions {
  /** At most this many AWS calls per computation (describe per family + the service scan). */
  callBudget: number;
  /** How long one service scan serves every file of a connection. */
  scanTtlMs: number;
  /** At most this many families of one file are checked (templates with many task definitions). */
  maxFamilies: number;
  now: () => number;
}

export const DEFAULT_DRIFT_OPTIONS: DriftOptions = {
  callBudget: 20,
  scanTtlMs: 60_000,
  maxFamilies: 5,
  now: () => Date.now(),
};

/** The URI listeners hear when the whole cache was cleared. */
export const CLEARED = '*';

export class DriftCache {
  private readonly files = new Map<string, FileDrift>();
  private readonly pending = new Map<string, Promise<FileDrift>>();
  private readonly scans = new Map<string, { at: number; scan: Promise<ServiceScan> }>();
  private readonly listeners = new Set<(uri: string) => void>();

  constructor(
    private readonly apis: ApiFactory,
    private readonly options: () => DriftOptions,
  ) {}

  get(uri: string): FileDrift | undefined {
    return this.files.get(uri);
  }

  isComputing(uri: string): boolean {
    return this.pending.has(uri);
  }

  onDidChange(listener: (uri: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Forgets everything (connection changed, or a deployment changed what services run); listeners
   * hear `CLEARED` so that files on screen can be computed again.
   */
  clear(): void {
    this.scans.clear();
    this.files.clear();
    this.fire(CLEARED);
  }

  forget(uri: string): void {
    if (this.files.delete(uri)) this.fire(uri);
  }

  /** Computes (or joins the computation of) the drift of a file's text; `fresh` drops the shared scan first. */
  compute(uri: string, text: string, connection: Connection, fresh = false): Promise<FileDrift> {
    const running = this.pending.get(uri);
    if (running) return running;
    if (fresh) this.scans.delete(connectionKey(connection));
    const p = this.run(uri, text, connection).finally(() => this.pending.delete(uri));
    this.pending.set(uri, p);
    this.fire(uri);
    return p;
  }

  private async run(uri: string, text: string, connection: Connection): Promise<FileDrift> {
    const opts = this.options();
    const families = [
      ...new Map(
        readFileTaskDefs(uri, text)
          .taskDefs.filter((t) => t.family)
          .map((t) => [t.family!, t]),
      ).values(),
    ].slice(0, opts.maxFamilies);
    const budget = new CallBudget(opts.callBudget);
    const out: FamilyDrift[] = [];
    let scan: ServiceScan | undefined;
    let scanError: string | undefined;
    try {
      const apis = await this.apis(connection);
      for (const td of families) {
        const fd: FamilyDrift = { family: td.family!, services: [], partial: false };
        out.push(fd);
        if (!budget.take()) {
          fd.error = 'not checked: call budget spent';
          continue;
        }
        try {
          fd.comparison = await compareWithRegistered(apis.ecs, td);
        } catch (e) {
          if (e instanceof NotRegisteredError) fd.notRegistered = true;
          else fd.error = describeAwsError(e, connection.profile).message;
        }
      }
      if (families.length > 0 && out.some((f) => !f.error)) {
        try {
          scan = await this.sharedScan(connection, apis.ecs, budget);
        } catch (e) {
          scanError = describeAwsError(e, connection.profile).message;
        }
      }
    } catch (e) {
      const message = describeAwsError(e, connection.profile).message;
      for (const td of families) out.push({ family: td.family!, services: [], partial: false, error: message });
    }
    for (const fd of out) {
      if (scan) {
        fd.services = servicesOfFamily(scan, fd.family);
        fd.partial = scan.partial;
      } else if (scanError && !fd.error) fd.error = `services not listed: ${scanError}`;
    }
    const result: FileDrift = { uri, connection, families: out, computedAt: opts.now() };
    this.files.set(uri, result);
    this.fire(uri);
    return result;
  }

  private sharedScan(
    connection: Connection,
    ecs: Parameters<typeof scanServices>[0],
    budget: CallBudget,
  ): Promise<ServiceScan> {
    const key = connectionKey(connection);
    const now = this.options().now();
    const cached = this.scans.get(key);
    if (cached && now - cached.at < this.options().scanTtlMs) return cached.scan;
    const scan = scanServices(ecs, budget);
    this.scans.set(key, { at: now, scan });
    scan.catch(() => this.scans.delete(key));
    return scan;
  }

  private fire(uri: string): void {
    for (const l of this.listeners) l(uri);
  }
}

/** The code lens line: "web:7 registered · differs in 3 fields · prod/web runs web:6". */
export function driftTitle(fd: FamilyDrift, region: string): string {
  if (fd.error && !fd.comparison) return `${fd.family}: ${fd.error}`;
  if (fd.notRegistered) return `${fd.family}: no ACTIVE revision in ${region}`;
  const c = fd.comparison;
  if (!c) return `${fd.family}: not checked`;
  const n = c.diff.differences.length;
  const parts = [`${c.family}:${c.revision} registered`, n === 0 ? 'file matches it' : `differs in ${countText(n)}`];
  const shown = fd.services.slice(0, 3).map((s) => {
    const also = s.alsoRunning.length ? ` (+${s.alsoRunning.map((r) => `:${r}`).join(', ')} draining)` : '';
    return `${s.clusterName}/${s.service.serviceName} runs ${fd.family}:${s.revision}${also}`;
  });
  if (shown.length) parts.push(shown.join(', ') + (fd.services.length > 3 ? ` +${fd.services.length - 3} more` : ''));
  else if (!fd.partial && !fd.error) parts.push('no service runs it');
  if (fd.partial) parts.push('services: partial list (call budget)');
  if (fd.error) parts.push(fd.error);
  return parts.join(' · ');
}
