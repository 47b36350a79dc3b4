/**
 * What the checks share: the APIs of the connection's credentials in any region, the caller's account
 * and region (named in messages), a cache of answers per (account, region, reference) with a short
 * TTL, and the finding builders. A check that cannot run reports `live/not-checked` (info) with the
 * reason, never a false error.
 */
import type { LiveFinding, LiveFix } from '../../../server/src/protocol';
import type { LiveReference } from '../../../server/src/service/verify/references';
import { describeAwsError } from '../aws/errors';
import type { AwsApis } from '../aws/types';

export interface VerifyContext {
  /** The APIs of the same credentials in `region`. */
  apis(region: string): Promise<AwsApis>;
  /** The connection's region: where tasks of this file are assumed to run. */
  region: string;
  /** The caller's account (sts:GetCallerIdentity). */
  account: string;
  cache: VerifyCache;
}

/** How long an answer from AWS is reused (the "re-verify" command ignores it). */
export const CACHE_TTL_MS = 60_000;

export class VerifyCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs = CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 2000,
  ) {}

  /** The cached answer for `key`, else `load()`'s (a failed load is not kept). */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { at: this.now(), value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

export function finding(
  ref: LiveReference,
  ruleId: string,
  message: string,
  extra: { severity?: LiveFinding['severity']; fixes?: LiveFix[] } = {},
): LiveFinding {
  const f: LiveFinding = { ruleId, message, anchor: ref.anchor };
  if (extra.severity) f.severity = extra.severity;
  if (extra.fixes?.length) f.fixes = extra.fixes;
  return f;
}

/** `live/not-checked` with the reason (an AWS error is described without any credential). */
export function notChecked(ref: LiveReference, what: string, reason: unknown): LiveFinding {
  const text = typeof reason === 'string' ? reason : describeAwsError(reason).message;
  return finding(ref, 'live/not-checked', `Not checked: ${what} (${text}).`);
}

export const errorName = (e: unknown): string =>
  String((e as { name?: string; Code?: string } | undefined)?.name ?? (e as { Code?: string })?.Code ?? '');

/** "in account 123456789012, region eu-west-1" for messages. */
export const where = (account: string, region: string): string => `in account ${account}, region ${region}`;
