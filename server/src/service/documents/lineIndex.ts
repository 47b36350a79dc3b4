/** Offset <-> line/character conversion over a document's text (0-based, UTF-16 code units as LSP). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // Without carriage returns, line starts are just the positions after each '\n' (indexOf is native).
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) starts.push(i + 1);
    }
    this.starts = starts;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOfOffset(this.starts, o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(this.starts[pos.line], Math.min(this.starts[pos.line] + pos.character, lineEnd));
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

const cache = new WeakMap<object, LineIndex>();

/** The line index of a document's text, built once per parsed document. */
export function lineIndexOf(doc: { text: string }): LineIndex {
  let idx = cache.get(doc);
  if (!idx) {
    idx = new LineIndex(doc.text);
    cache.set(doc, idx);
  }
  return idx;
}

/**
 * 0-based line of an offset without building an index when none exists yet: rules call this for a
 * few message texts, and a full index is only worth building for range conversion.
 */
export function lineAt(doc: { text: string }, offset: number): number {
  const text = doc.text;
  // With \r line ends (CRLF or lone CR) the index handles every case correctly.
  if (cache.has(doc) || text.includes('\r')) return lineIndexOf(doc).positionAt(offset).line;
  const end = Math.min(offset, text.length);
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The index of the line holding `offset`, given the ascending offsets at which lines start (the first 0). */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
