/** A manual clock for timing tests: time moves only when `advance` is called. */
import type { Clock } from '../../client/src/exec/session/outbound';

export class FakeClock implements Clock {
  private t = 1_700_000_000_000;
  private timers: { every: number; next: number; fn: () => void; live: boolean }[] = [];

  now(): number {
    return this.t;
  }

  every(ms: number, fn: () => void): () => void {
    const timer = { every: ms, next: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }

  /** Moves time forward, firing each interval timer at every due instant in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((x) => x.live && x.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.t = due.next;
      due.next += due.every;
      due.fn();
    }
    this.t = end;
  }
}
