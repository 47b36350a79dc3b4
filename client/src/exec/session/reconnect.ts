/**
 * Resuming a session after its connection drops (docs/ecs-exec.md §6.10), the way session-manager-plugin
 * does it: ssm:ResumeSession for a fresh token, dial the same stream URL with it, and on failure try
 * again with exponential back-off — the first attempt at once, then a random 100–199 ms base doubled
 * per retry (back to the base once past 5 s), 5 retries. No token means the service has ended the
 * session; an error that retrying cannot fix (access denied, no such session) ends it at once. Waits
 * run on the injected clock, so tests drive them without sleeping. One Reconnector lives for one outage:
 * if a resumed connection drops again before the agent has said anything, the count carries on.
 */
import { describeAwsError } from '../../aws/errors';
import type { Clock } from './outbound';

export interface ReconnectSettings {
  /** Failed attempts retried before giving up (the plugin's DataChannelNumMaxRetries). */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const PLUGIN_RECONNECT: ReconnectSettings = { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 5000 };

export interface RetryInfo {
  /** The attempt about to be made, from 2. */
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface ReconnectDeps {
  clock: Clock;
  /** ssm:ResumeSession: the new token, or undefined/empty when the service has ended the session. */
  resumeSession(): Promise<string | undefined>;
  /** Dials the stream URL with the new token; resolves once the socket is open and the token frame sent. */
  connect(tokenValue: string): Promise<void>;
  onRetry(r: RetryInfo): void;
  random?: () => number;
}

export type ReconnectOutcome = { kind: 'connected' } | { kind: 'over'; message: string } | { kind: 'cancelled' };
type Attempt = ReconnectOutcome | { kind: 'failed'; reason: string };

const CANCELLED: ReconnectOutcome = { kind: 'cancelled' };

/** Why a ResumeSession error ends the session at once, or undefined when another attempt may succeed. */
export function finalResumeError(e: unknown): string | undefined {
  const name = typeof e === 'object' && e !== null ? String((e as { name?: string }).name ?? '') : '';
  const info = describeAwsError(e);
  if (/DoesNotExist|InvalidParameter|ValidationException/i.test(name)) return info.message;
  if (['access-denied', 'not-found', 'expired-token', 'sso-expired', 'no-credentials'].includes(info.kind)) {
    return info.fix ? `${info.message} ${info.fix}` : info.message;
  }
  return undefined;
}

export class Reconnector {
  private failures = 0;
  private exponent = 0;
  private cancelled = false;
  private wake?: () => void;
  private stopTimer?: () => void;
  private readonly baseDelayMs: number;

  constructor(
    private readonly deps: ReconnectDeps,
    private readonly settings: ReconnectSettings = PLUGIN_RECONNECT,
  ) {
    const random = deps.random ?? Math.random;
    this.baseDelayMs = settings.initialDelayMs + Math.floor(random() * settings.initialDelayMs);
  }

  /** Failed attempts so far in this outage. */
  get failedAttempts(): number {
    return this.failures;
  }

  /**
   * Tries until connected, over or cancelled. `previousFailure` says the last connection this
   * Reconnector made has already dropped again: that counts as a failed attempt and waits its back-off.
   */
  async run(previousFailure?: string): Promise<ReconnectOutcome> {
    let failure = previousFailure;
    for (;;) {
      if (failure !== undefined) {
        const waited = await this.backoff(failure);
        if (waited !== 'go') return waited;
      }
      if (this.cancelled) return CANCELLED;
      const r = await this.attempt();
      if (r.kind !== 'failed') return r;
      failure = r.reason;
    }
  }

  /** Stops at the next step: a pending wait ends now, a pending call's result is ignored. */
  cancel(): void {
    this.cancelled = true;
    this.stopTimer?.();
    this.wake?.();
  }

  private async attempt(): Promise<Attempt> {
    let token: string | undefined;
    try {
      token = await this.deps.resumeSession();
    } catch (e) {
      if (this.cancelled) return CANCELLED;
      const final = finalResumeError(e);
      if (final) return { kind: 'over', message: `ResumeSession failed: ${final}` };
      return { kind: 'failed', reason: `ResumeSession failed: ${describeAwsError(e).message}` };
    }
    if (this.cancelled) return CANCELLED;
    if (!token)
      return { kind: 'over', message: 'the session has ended on the service side (ResumeSession returned no token)' };
    try {
      await this.deps.connect(token);
    } catch (e) {
      if (this.cancelled) return CANCELLED;
      return { kind: 'failed', reason: `reconnect failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    return this.cancelled ? CANCELLED : { kind: 'connected' };
  }

  private backoff(reason: string): Promise<ReconnectOutcome | 'go'> {
    if (this.cancelled) return Promise.resolve(CANCELLED);
    this.failures++;
    if (this.failures > this.settings.maxRetries) {
      return Promise.resolve({
        kind: 'over',
        message: `no connection after ${this.failures} attempts (last: ${reason})`,
      });
    }
    let delayMs = this.baseDelayMs * 2 ** this.exponent;
    if (delayMs > this.settings.maxDelayMs) {
      this.exponent = 0;
      delayMs = this.baseDelayMs;
    }
    this.exponent++;
    const waited = new Promise<ReconnectOutcome | 'go'>((resolve) => {
      this.wake = () => resolve(CANCELLED);
      this.stopTimer = this.deps.clock.after(delayMs, () => {
        this.wake = undefined;
        resolve('go');
      });
    });
    this.deps.onRetry({ attempt: this.failures + 1, delayMs, reason });
    return waited;
  }
}
