/**
 * The content of one log view, independent of VS Code: a header (what is shown, notes, the follow
 * state), a ring buffer of rendered lines (bounded: older lines are dropped and counted in a visible
 * marker), timestamps in the chosen time zone, ANSI colours kept as spans or stripped.
 */
import { parseAnsi, stripAnsi, type AnsiSpan } from '../ansi';
import type { LogLine } from '../reader';
import { RingBuffer } from '../ring';

export interface ViewLine {
  text: string;
  /** Offsets into `text`. */
  spans?: AnsiSpan[];
}

export interface LogViewOptions {
  title: string;
  capacity: number;
  formatTime: (ms: number) => string;
  ansi: 'render' | 'strip';
  /** How a line is labelled: by container, or container and short task id (several tasks). */
  labelTasks: boolean;
}

export interface RenderedView {
  text: string;
  /** Styled ranges by absolute line number of `text`. */
  spans: Array<{ line: number; start: number; end: number; style: AnsiSpan['style'] }>;
}

export class LogViewModel {
  private readonly ring: RingBuffer<ViewLine>;
  readonly notes: string[] = [];
  status = '';
  /** Bumped on every change; a view re-renders when it differs from the last one rendered. */
  version = 0;

  constructor(readonly options: LogViewOptions) {
    this.ring = new RingBuffer(options.capacity);
  }

  get lineCount(): number {
    return this.ring.length;
  }

  get dropped(): number {
    return this.ring.dropped;
  }

  note(text: string): void {
    this.notes.push(text);
    this.version++;
  }

  setStatus(text: string): void {
    if (text === this.status) return;
    this.status = text;
    this.version++;
  }

  add(lines: readonly LogLine[]): void {
    const { formatTime, ansi, labelTasks } = this.options;
    for (const l of lines) {
      const label = labelTasks ? `${l.container} ${l.taskId.slice(0, 8)}` : l.container;
      const prefix = `${formatTime(l.timestamp)} [${label}] `;
      const parts = l.message.replace(/\r?\n$/, '').split(/\r?\n/);
      parts.forEach((part, i) => {
        const lead = i === 0 ? prefix : ' '.repeat(prefix.length);
        if (ansi === 'strip') return this.ring.push({ text: lead + stripAnsi(part) });
        const parsed = parseAnsi(part);
        this.ring.push({
          text: lead + parsed.text,
          spans: parsed.spans.length
            ? parsed.spans.map((s) => ({ ...s, start: s.start + lead.length, end: s.end + lead.length }))
            : undefined,
        });
      });
    }
    if (lines.length) this.version++;
  }

  headerLines(): string[] {
    const out = [`# ${this.options.title}`, ...this.notes.map((n) => `# ${n}`)];
    if (this.status) out.push(`# ${this.status}`);
    if (this.ring.dropped)
      out.push(
        `# … ${this.ring.dropped} older lines dropped (keeping the newest ${this.ring.capacity}: fargateLens.logs.maxLines)`,
      );
    return out;
  }

  render(): RenderedView {
    const header = this.headerLines();
    const lines = this.ring.toArray();
    const spans: RenderedView['spans'] = [];
    lines.forEach((l, i) => {
      for (const s of l.spans ?? [])
        spans.push({ line: header.length + i, start: s.start, end: s.end, style: s.style });
    });
    const body = lines.map((l) => l.text).join('\n');
    return { text: `${header.join('\n')}\n${body}${lines.length ? '\n' : ''}`, spans };
  }
}
