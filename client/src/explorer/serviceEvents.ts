/**
 * A service's events as the explorer lists them: newest first, and a text ECS repeats (the scheduler
 * writes "was unable to place a task…" or "is unhealthy in (target-group …)" again every few minutes
 * while the cause lasts) shown once with how often and since when. Pure.
 */
import type { ServiceEvent } from '../aws/types';

export interface EventGroup {
  /** The newest event of the group. */
  readonly event: ServiceEvent;
  readonly count: number;
  /** When the oldest repeat happened (only when count > 1). */
  readonly firstAt?: Date;
}

const time = (e: ServiceEvent): number => (e.createdAt ? new Date(e.createdAt).getTime() : 0);

/** Groups events with the same text; groups are ordered by their newest event, newest first. */
export function groupServiceEvents(events: readonly ServiceEvent[]): EventGroup[] {
  const sorted = [...events].sort((a, b) => time(b) - time(a));
  const byText = new Map<string, { event: ServiceEvent; count: number; oldest: ServiceEvent }>();
  for (const e of sorted) {
    const key = (e.message ?? '').trim();
    const g = byText.get(key);
    if (g) {
      g.count++;
      g.oldest = e;
    } else byText.set(key, { event: e, count: 1, oldest: e });
  }
  return [...byText.values()].map((g) =>
    g.count > 1 && g.oldest.createdAt
      ? { event: g.event, count: g.count, firstAt: new Date(g.oldest.createdAt) }
      : { event: g.event, count: g.count },
  );
}
