/**
 * Batching and bounded concurrency over our API interfaces. Pure: no SDK import, so the explorer,
 * commands and tests share the exact call pattern (ceil(n/limit) describe calls, never N+1).
 */
import { API_LIMITS, type Cluster, type EcsApi, type Page, type Service, type Task } from './types';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError('chunk size must be >= 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Maps with at most `limit` calls in flight; results keep input order; the first rejection wins. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Follows next tokens until the end or until `maxItems` items are collected. */
export async function collectPages<T>(
  fetch: (token?: string) => Promise<Page<T>>,
  maxItems = Number.POSITIVE_INFINITY,
): Promise<Page<T>> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...page.items);
    token = page.nextToken;
  } while (token && items.length < maxItems);
  return { items, nextToken: token };
}

export const DEFAULT_CONCURRENCY = 4;

/** Describes `arns` in batches of at most `limit`, `concurrency` batches at a time; results in batch order. */
async function batched<T>(
  arns: readonly string[],
  limit: number,
  concurrency: number,
  describe: (batch: string[]) => Promise<T[]>,
): Promise<T[]> {
  return (await mapLimit(chunk(arns, limit), concurrency, describe)).flat();
}

export const describeClustersBatched = (
  ecs: EcsApi,
  arns: readonly string[],
  concurrency = DEFAULT_CONCURRENCY,
): Promise<Cluster[]> => batched(arns, API_LIMITS.describeClusters, concurrency, (b) => ecs.describeClusters(b));

export const describeServicesBatched = (
  ecs: EcsApi,
  cluster: string,
  arns: readonly string[],
  concurrency = DEFAULT_CONCURRENCY,
): Promise<Service[]> =>
  batched(arns, API_LIMITS.describeServices, concurrency, (b) => ecs.describeServices(cluster, b));

export const describeTasksBatched = (
  ecs: EcsApi,
  cluster: string,
  arns: readonly string[],
  concurrency = DEFAULT_CONCURRENCY,
): Promise<Task[]> => batched(arns, API_LIMITS.describeTasks, concurrency, (b) => ecs.describeTasks(cluster, b));

/** Sorts described items back into the order of the ARNs that were listed (describe calls do not keep it). */
export function inOrder<T>(arns: readonly string[], items: readonly T[], arnOf: (item: T) => string): T[] {
  const byArn = new Map(items.map((i) => [arnOf(i), i]));
  return arns.flatMap((a) => {
    const item = byArn.get(a);
    return item ? [item] : [];
  });
}
