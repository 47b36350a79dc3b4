/**
 * How long to wait after a change before validating: a delay that follows the document's measured
 * cost (parse + validation), capped by `fargateLens.debounceMs`. A typical task definition costs a
 * few milliseconds and is validated almost at once; a 5,000-resource template costs hundreds and
 * waits the whole cap, so a burst of keystrokes is validated once.
 */

/** The delay is this many times the measured cost: the server stays idle most of the time while typing. */
const COST_FACTOR = 2;
/** Weight of the newest sample in the moving average (costs vary with GC and machine load). */
const SMOOTHING = 0.5;
/** Until a document is measured, its cost is estimated from its length (parse+validate ≈ 1 ms per 10 kB). */
const CHARS_PER_MS = 10_000;
/** Documents tracked at most; the oldest measurement goes first (closed documents are forgotten anyway). */
const MAX_TRACKED = 512;

export class ValidationPacer {
  private readonly cost = new Map<string, number>();

  /** Records what parsing or validating the document just cost (milliseconds). */
  record(uri: string, parseMs: number, validateMs: number): void {
    const sample = Math.max(0, parseMs) + Math.max(0, validateMs);
    const prev = this.cost.get(uri);
    this.cost.delete(uri);
    this.cost.set(uri, prev === undefined ? sample : prev + SMOOTHING * (sample - prev));
    if (this.cost.size > MAX_TRACKED) this.cost.delete(this.cost.keys().next().value as string);
  }

  /** The measured (or, before any measurement, estimated) cost of validating the document. */
  estimate(uri: string, length: number): number {
    return this.cost.get(uri) ?? length / CHARS_PER_MS;
  }

  /** The delay before validating after a change, never more than `capMs`. */
  delay(uri: string, length: number, capMs: number): number {
    return Math.round(Math.min(Math.max(0, capMs), COST_FACTOR * this.estimate(uri, length)));
  }

  forget(uri: string): void {
    this.cost.delete(uri);
  }

  get size(): number {
    return this.cost.size;
  }
}
