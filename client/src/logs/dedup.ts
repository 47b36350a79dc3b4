/**
 * De-duplication across overlapping reads. Polling re-reads a short window before the newest event it
 * has seen (events written in the same millisecond, or ingested late, are not lost at the boundary), so
 * the same event comes back; it is recognised by its FilterLogEvents `eventId`, or, for sources
 * without ids (Live Tail, GetLogEvents), by stream + timestamp + message. Keys older than the window
 * are forgotten, so memory follows the window, not the length of the follow.
 */
import type { LogEvent } from '../aws/types';

function contentKey(e: LogEvent): string {
  return `${e.logStreamName}\u0000${e.timestamp}\u0000${e.message}`;
}

interface Seen {
  ts: number;
  /** How long after its timestamp the event was ingested (0 when unknown). */
  late: number;
  /** Seen without an id (Live Tail) and not yet matched by an event with one. */
  unclaimed: boolean;
}

export class RecentEvents {
  private readonly ids = new Map<string, number>();
  private readonly contents = new Map<string, Seen>();
  private newest = 0;
  private latest = 0;

  /** @param windowMs how far behind the newest timestamp a duplicate can still arrive. */
  constructor(private readonly windowMs: number) {}

  get size(): number {
    return this.ids.size + this.contents.size;
  }

  /** The newest timestamp seen (0 before any). */
  get newestTimestamp(): number {
    return this.newest;
  }

  /**
   * The largest ingestion delay (`ingestionTime - timestamp`) among the events still remembered: how far
   * behind the newest line a line not yet ingested may be stamped (a log driver sends its lines in batches).
   */
  get maxLateness(): number {
    return this.latest;
  }

  /**
   * True the first time an event is offered, false for a repeat. With an id, the id decides, except
   * that an event first seen without an id (Live Tail) is matched once by content. Without an id,
   * content decides (two identical lines in one stream and millisecond from Live Tail count as one).
   */
  accept(e: LogEvent): boolean {
    const ck = contentKey(e);
    const late = e.ingestionTime !== undefined ? Math.max(0, e.ingestionTime - e.timestamp) : 0;
    const prior = this.contents.get(ck);
    if (e.eventId !== undefined) {
      // Per stream: AWS ids are unique per group, but emulators number events per stream.
      const id = `${e.logStreamName}\u0000${e.eventId}`;
      if (this.ids.has(id)) return false;
      this.ids.set(id, e.timestamp);
      if (prior?.unclaimed) {
        prior.unclaimed = false;
        return false;
      }
      if (!prior) this.contents.set(ck, { ts: e.timestamp, late, unclaimed: false });
    } else {
      if (prior) return false;
      this.contents.set(ck, { ts: e.timestamp, late, unclaimed: true });
    }
    if (e.timestamp > this.newest) this.newest = e.timestamp;
    if (late > this.latest) this.latest = late;
    return true;
  }

  /**
   * Forgets what is older than the window behind the newest event, or than `floor` when that is earlier
   * (a poll that re-reads further back must still recognise what it re-reads).
   */
  prune(floor = this.newest - this.windowMs): void {
    floor = Math.min(floor, this.newest - this.windowMs);
    let latest = 0;
    for (const [k, ts] of this.ids) if (ts < floor) this.ids.delete(k);
    for (const [k, v] of this.contents)
      if (v.ts < floor) this.contents.delete(k);
      else if (v.late > latest) latest = v.late;
    this.latest = latest;
  }
}
