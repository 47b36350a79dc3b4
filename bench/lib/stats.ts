/** Timing helpers for the benchmarks: high-resolution clock, percentiles over samples. */

export const now = (): number => performance.now();

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(samples: readonly number[]): Summary {
  const n = samples.length;
  return {
    n,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : NaN,
    min: n ? Math.min(...samples) : NaN,
    max: n ? Math.max(...samples) : NaN,
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the durations in milliseconds. */
export async function timeRuns(runs: number, warmup: number, fn: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await fn(warmup + i);
    out.push(now() - t0);
  }
  return out;
}

/**
 * Like timeRuns for several contenders measured round-robin (run i of each, then run i+1 of each), so
 * that load changes on a shared machine affect all of them alike. Returns one sample array per contender.
 */
export async function timeInterleaved(
  runs: number,
  warmup: number,
  fns: readonly ((i: number) => unknown)[],
): Promise<number[][]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn(i);
  const out: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = now();
      await fns[k](warmup + i);
      out[k].push(now() - t0);
    }
  }
  return out;
}

/** Resident set size of a process in bytes (Linux /proc), or undefined elsewhere. */
export async function rssOf(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
