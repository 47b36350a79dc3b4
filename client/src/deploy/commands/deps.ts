/** What the deploy commands use beyond the explorer's CommandDeps: caches, stores, checks and timers (injected for tests). */
import type { DriftCache } from '../drift';
import type { WatchOptions } from '../rollout';
import type { RolloutStore } from '../rolloutStore';

export interface DeployDeps {
  drift: DriftCache;
  rollouts: RolloutStore;
  /**
   * The language server's cross-file rules run on the file together with a live service's launch
   * settings (written as UpdateService input); returns the messages of the findings that concern the
   * service. Undefined when the language server is not running.
   */
  checkLaunch?: (fileUri: string, launch: Record<string, unknown>) => Promise<string[]>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  now: () => number;
  /** Poll intervals and the watch timeout (defaults in rollout.ts). */
  watch?: Pick<WatchOptions, 'intervalMs' | 'maxIntervalMs' | 'timeoutMs'>;
}

/** Waits `ms`, or less when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Commands that open the diagnosis of a failed rollout, when another part of the extension provides it. */
export const DIAGNOSE_COMMAND = 'fargateLens.diagnose';
