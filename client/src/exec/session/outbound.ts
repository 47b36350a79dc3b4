/**
 * Outgoing stream messages and their retransmission (docs/ecs-exec.md §6.6). Each sent message stays in a
 * bounded buffer until the agent acknowledges its sequence number; `tick()` resends the oldest one
 * when it is older than the RTO. The RTT estimator follows the usual smoothed formula (α = 1/8,
 * β = 1/4, RTO = RTT + max(10 ms, 4·RTTVAR), capped at 1 s). Time comes from an injected clock.
 */
import type { ClientMessage } from './messages';

export interface Clock {
  now(): number;
  /** Calls fn every ms milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
  /** Calls fn once after ms milliseconds unless the returned function is called first. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every(ms, fn) {
    const t = setInterval(fn, ms);
    t.unref?.();
    return () => clearInterval(t);
  },
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export const RESEND_CHECK_INTERVAL_MS = 100;
export const DEFAULT_OUTBOUND_CAPACITY = 10_000;
export const MAX_RESEND_ATTEMPTS = 3000;
const ALPHA = 1 / 8;
const BETA = 1 / 4;
const CLOCK_GRANULARITY_MS = 10;
const MAX_RTO_MS = 1000;

export class RttEstimator {
  rtt = 100;
  rttVar = 0;
  rto = 200;

  sample(ms: number): void {
    this.rttVar = (1 - BETA) * this.rttVar + BETA * Math.abs(this.rtt - ms);
    this.rtt = (1 - ALPHA) * this.rtt + ALPHA * ms;
    this.rto = Math.min(MAX_RTO_MS, this.rtt + Math.max(CLOCK_GRANULARITY_MS, 4 * this.rttVar));
  }
}

interface Pending {
  message: ClientMessage;
  frame: Buffer;
  lastSent: number;
  attempts: number;
}

export class OutboundFullError extends Error {}
export class ResendExhaustedError extends Error {}

export class ResendBuffer {
  private nextSeq = 0;
  private readonly pending = new Map<number, Pending>();
  readonly rtt = new RttEstimator();

  constructor(
    private readonly clock: Clock,
    private readonly capacity = DEFAULT_OUTBOUND_CAPACITY,
    private readonly maxAttempts = MAX_RESEND_ATTEMPTS,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  get hasRoom(): boolean {
    return this.pending.size < this.capacity;
  }

  /** Reserves the next sequence number; throws OutboundFullError when the buffer is full. */
  nextSequenceNumber(): number {
    if (!this.hasRoom) throw new OutboundFullError('too many unacknowledged messages');
    return this.nextSeq++;
  }

  track(message: ClientMessage, frame: Buffer): void {
    this.pending.set(message.sequenceNumber, { message, frame, lastSent: this.clock.now(), attempts: 0 });
  }

  /** Handles an acknowledgement; returns whether it matched a pending message. */
  acknowledge(sequenceNumber: number): boolean {
    const p = this.pending.get(sequenceNumber);
    if (!p) return false;
    this.pending.delete(sequenceNumber);
    // Karn: a retransmitted message gives an ambiguous sample.
    if (p.attempts === 0) this.rtt.sample(this.clock.now() - p.lastSent);
    return true;
  }

  /**
   * Every unacknowledged frame in sequence order, to send again on a new connection (after
   * ResumeSession). They count as retransmissions: no RTT sample, and their timers restart now.
   */
  resendAll(): Buffer[] {
    const now = this.clock.now();
    const all = [...this.pending.values()].sort((a, b) => a.message.sequenceNumber - b.message.sequenceNumber);
    for (const p of all) {
      p.attempts++;
      p.lastSent = now;
    }
    return all.map((p) => p.frame);
  }

  /** Returns the frame to resend now, if the oldest pending message has timed out. */
  tick(): Buffer | undefined {
    let oldest: Pending | undefined;
    for (const p of this.pending.values()) {
      if (!oldest || p.message.sequenceNumber < oldest.message.sequenceNumber) oldest = p;
    }
    if (!oldest) return undefined;
    const now = this.clock.now();
    if (now - oldest.lastSent <= this.rtt.rto) return undefined;
    oldest.attempts++;
    if (oldest.attempts > this.maxAttempts) {
      throw new ResendExhaustedError(
        `message ${oldest.message.sequenceNumber} was not acknowledged after ${this.maxAttempts} resends`,
      );
    }
    oldest.lastSent = now;
    return oldest.frame;
  }
}
