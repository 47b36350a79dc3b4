/** A manual clock for timing tests: time moves only when `advance` is called. */
import type { Clock } from '../../client/src/exec/session/outbound';

interface Timer {
  every?: number;
  next: number;
  fn: () => void;
  live: boolean;
}

export class FakeClock implements Clock {
  private t = 1_700_000_000_000;
  private timers: Timer[] = [];

  now(): number {
    return this.t;
  }

  every(ms: number, fn: () => void): () => void {
    return this.add({ every: ms, next: this.t + ms, fn, live: true });
  }

  after(ms: number, fn: () => void): () => void {
    return this.add({ next: this.t + ms, fn, live: true });
  }

  /** One-shot timers still waiting to fire. */
  get pendingTimeouts(): number {
    return this.timers.filter((x) => x.live && x.every === undefined).length;
  }

  /** Moves time forward, firing each timer at every due instant in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.live && x.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.t = due.next;
      if (due.every === undefined) due.live = false;
      else due.next += due.every;
      due.fn();
    }
    this.timers = this.timers.filter((x) => x.live);
    this.t = end;
  }

  private add(timer: Timer): () => void {
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }
}
