/**
 * In-order delivery of the agent's stream messages (docs/ecs-exec.md §6.6). Messages arrive numbered from 0;
 * early ones are buffered (bounded) until the gap fills; already-delivered ones are re-acknowledged
 * but never delivered twice. Re-acknowledging duplicates deviates from the plugin on purpose: if our
 * first ack was lost the agent would otherwise resend until it gives up.
 */
import type { ClientMessage } from './messages';

export const DEFAULT_INBOUND_CAPACITY = 10_000;

export interface InboundResult {
  /** Messages now deliverable, in sequence order. */
  deliver: ClientMessage[];
  /** Whether the caller must acknowledge the message it just offered. */
  ack: boolean;
  /** Why the message was not delivered, for diagnostics. */
  dropped?: 'duplicate' | 'buffer-full' | 'held';
}

export class InboundSequencer {
  private expected = 0;
  private readonly early = new Map<number, ClientMessage>();
  /**
   * While set, nothing is delivered: the next expected message is refused unacknowledged, so the agent
   * keeps it and resends it; later ones are kept in the bounded early buffer and acknowledged as usual.
   * The agent resends only its oldest unacknowledged message, one per interval (amazon-ssm-agent
   * agent/session/datachannel/datachannel.go, ResendStreamDataMessageScheduler), so a gap of one message
   * refills at once after the hold, where refusing every message would leave a run to refill one by one.
   * Memory stays bounded by the buffer's capacity; beyond it messages are refused, as without a hold.
   */
  held = false;

  constructor(private readonly capacity = DEFAULT_INBOUND_CAPACITY) {}

  get expectedSequenceNumber(): number {
    return this.expected;
  }

  get bufferedCount(): number {
    return this.early.size;
  }

  offer(m: ClientMessage): InboundResult {
    const seq = m.sequenceNumber;
    if (seq < this.expected) return { deliver: [], ack: true, dropped: 'duplicate' };
    if (this.early.has(seq)) return { deliver: [], ack: true, dropped: 'duplicate' };
    if (seq > this.expected) {
      // Not acknowledging lets the agent resend it later, when there is room again.
      if (this.early.size >= this.capacity) return { deliver: [], ack: false, dropped: 'buffer-full' };
      this.early.set(seq, m);
      return { deliver: [], ack: true };
    }
    if (this.held) return { deliver: [], ack: false, dropped: 'held' };
    const deliver = [m];
    this.expected++;
    for (let next = this.early.get(this.expected); next; next = this.early.get(this.expected)) {
      this.early.delete(this.expected);
      deliver.push(next);
      this.expected++;
    }
    return { deliver, ack: true };
  }
}
