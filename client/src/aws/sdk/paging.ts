/** Helpers shared by the SDK implementations: one page from an SDK paginator, batch-size guards. */

/** Takes the first page of an SDK paginator (one API call) and stops. */
export async function firstPage<T>(pages: AsyncIterable<T>): Promise<T | undefined> {
  for await (const page of pages) return page;
  return undefined;
}

/** Collects every page of an SDK paginator. */
export async function allPages<T, R>(pages: AsyncIterable<T>, pick: (page: T) => R[] | undefined): Promise<R[]> {
  const out: R[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

export function assertBatch(operation: string, ids: readonly string[], limit: number): void {
  if (ids.length === 0) throw new RangeError(`${operation} needs at least one id`);
  if (ids.length > limit) throw new RangeError(`${operation} accepts at most ${limit} ids, got ${ids.length}`);
}
