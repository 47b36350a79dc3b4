/**
 * Scalar readers of the fast YAML path (yamlFastParser.ts): plain, single- and double-quoted, and block
 * scalars, over a shared cursor. Each reads the common forms CloudFormation and compose YAML use and
 * throws DECLINE on anything else, so that the `yaml` library parses that document instead.
 */

/** Thrown to abandon the fast path; the caller falls back to the `yaml` library. */
export const DECLINE = { declined: true };
export function decline(): never {
  // A shared plain object, not an Error: declining is routine and must not capture a stack each time.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  throw DECLINE;
}

export interface Cursor {
  readonly text: string;
  /** Current offset. */
  pos: number;
  /** Offset of the first character of the line holding `pos`. */
  lineStart: number;
  /** Set by the readers: the offset just past the scalar's last character (its range end). */
  end: number;
}

export const SP = 32,
  LF = 10,
  CR = 13,
  HASH = 35,
  COLON = 58;

/** Space, line break or end of text (NaN). */
export function isBreakOrSpace(c: number): boolean {
  return c === SP || c === LF || c === CR || c !== c;
}

/** `,[]{}` */
export function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

export type PlainStop = 'colon' | 'comment' | 'eol' | 'flow';

/**
 * Scans one line of a plain scalar from cur.pos. Leaves cur.pos where the scan stopped (the `:` of a
 * key, the space before a comment, the line break, or a flow indicator) and cur.end just past the
 * last non-space character; returns why it stopped.
 */
export function scanPlainLine(cur: Cursor, inFlow: boolean): PlainStop {
  const t = cur.text;
  let i = cur.pos;
  let end = i;
  let stop: PlainStop;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === LF || c === CR || c !== c) {
      stop = 'eol';
      break;
    }
    if (c === COLON) {
      const n = t.charCodeAt(i + 1);
      if (isBreakOrSpace(n) || (inFlow && isFlowIndicator(n))) {
        stop = 'colon';
        break;
      }
      end = ++i;
    } else if (c === SP) {
      if (t.charCodeAt(i + 1) === HASH) {
        stop = 'comment';
        break;
      }
      i++;
    } else if (inFlow && isFlowIndicator(c)) {
      stop = 'flow';
      break;
    } else end = ++i;
  }
  cur.pos = i;
  cur.end = end;
  return stop;
}

/** Whether `c` may start a plain scalar followed by `next` (indicators excluded, `-1` allowed). */
export function canStartPlain(c: number, next: number, inFlow: boolean): boolean {
  switch (c) {
    case 45: // -
      return !isBreakOrSpace(next) && !(inFlow && isFlowIndicator(next));
    case 63:
    case 58:
    case 44:
    case 91:
    case 93:
    case 123:
    case 125:
    case 35:
    case 38:
    case 42: // ? : , [ ] { } # & *
    case 33:
    case 124:
    case 62:
    case 39:
    case 34:
    case 37:
    case 64:
    case 96: // ! | > ' " % @ `
    case SP:
    case LF:
    case CR:
      return false;
    default:
      return c === c;
  }
}

/**
 * Skips from a line break at cur.pos over blank lines to the next non-blank line. Returns its
 * indentation and leaves cur.pos at its first non-space character (cur.lineStart updated), or
 * returns -1 at the end of the text. `blank` receives the number of blank lines crossed.
 */
function nextLine(cur: Cursor, counts: { blank: number }): number {
  const t = cur.text;
  let i = cur.pos;
  counts.blank = 0;
  for (;;) {
    let c = t.charCodeAt(i);
    if (c === CR) c = t.charCodeAt(++i);
    if (c !== LF) decline();
    const start = ++i;
    while (t.charCodeAt(i) === SP) i++;
    c = t.charCodeAt(i);
    if (c !== c) return -1;
    if (c === LF || c === CR) {
      counts.blank++;
      continue;
    }
    cur.pos = i;
    cur.lineStart = start;
    return i - start;
  }
}

const counts = { blank: 0 };

/** `---` or `...` followed by a space, a line break or the end. */
export function isDocMarker(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return (
    (c === 45 || c === 46) &&
    t.charCodeAt(i + 1) === c &&
    t.charCodeAt(i + 2) === c &&
    isBreakOrSpace(t.charCodeAt(i + 3))
  );
}

/**
 * The rest of a plain scalar in block context whose first line, from `start`, scanPlainLine has just
 * read (stopping with `stop`, not at a key's colon): continued over following lines indented more than
 * `parentIndent` (folded: one line break is a space, n blank lines are n line breaks). Declines a
 * `key: value` on any line. Leaves cur.pos at the line end (or comment) after the last line.
 */
export function readPlainValue(cur: Cursor, parentIndent: number, start: number, stop: PlainStop): string {
  const t = cur.text;
  let value = t.slice(start, cur.end);
  let end = cur.end;
  while (stop === 'eol' && cur.pos < t.length) {
    const save = cur.pos,
      saveLine = cur.lineStart;
    const indent = nextLine(cur, counts);
    const c = t.charCodeAt(cur.pos);
    if (indent <= parentIndent || c === HASH || indent < 0) {
      cur.pos = save;
      cur.lineStart = saveLine;
      break;
    }
    if (indent === 0 && isDocMarker(t, cur.pos)) decline();
    if (!canStartPlain(c, t.charCodeAt(cur.pos + 1), false) || c === 45) decline();
    const lineStart = cur.pos;
    stop = scanPlainLine(cur, false);
    if (stop === 'colon') decline();
    value += (counts.blank ? '\n'.repeat(counts.blank) : ' ') + t.slice(lineStart, cur.end);
    end = cur.end;
  }
  cur.end = end;
  return value;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A single- or double-quoted scalar at cur.pos; returns its value and leaves cur.pos and cur.end just
 * past the closing quote. Multi-line scalars (folded by the YAML rules) are read in block context
 * only, with every continuation line indented more than `parentIndent`; cur.lineStart follows.
 */
export function readQuoted(cur: Cursor, parentIndent: number, inFlow: boolean): string {
  const t = cur.text;
  const double = t.charCodeAt(cur.pos) === 34;
  let i = cur.pos + 1;
  let value = '';
  let run = i; // start of the pending literal run
  for (;;) {
    const c = t.charCodeAt(i);
    if (c !== c) decline();
    if (double && c === 92) {
      value += t.slice(run, i);
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) i += 2;
      else if (HEX_LENGTH[e]) {
        const hex = t.substr(i + 2, HEX_LENGTH[e]);
        const code = hex.length === HEX_LENGTH[e] && HEX.test(hex) ? parseInt(hex, 16) : -1;
        if (code < 0 || code > 0x10ffff) decline();
        value += String.fromCodePoint(code);
        i += 2 + hex.length;
        run = i;
        continue;
      } else if (e === '\n' || e === '\r') {
        if (inFlow) decline();
        i = continuation(cur, i + 1, parentIndent, counts);
        if (counts.blank) decline();
        run = i;
        continue;
      } else decline();
      value += simple;
      run = i;
    } else if (c === (double ? 34 : 39)) {
      if (!double && t.charCodeAt(i + 1) === 39) {
        value += t.slice(run, i + 1);
        run = i += 2;
        continue;
      }
      value += t.slice(run, i);
      break;
    } else if (c === LF || c === CR) {
      if (inFlow) decline();
      let j = i;
      while (j > run && t.charCodeAt(j - 1) === SP) j--;
      value += t.slice(run, j);
      i = continuation(cur, i, parentIndent, counts);
      value += counts.blank ? '\n'.repeat(counts.blank) : ' ';
      run = i;
    } else i++;
  }
  cur.pos = cur.end = i + 1;
  return value;
}

/**
 * From the line break at `i` inside a quoted scalar, skips blank lines and the next line's
 * indentation; returns the offset of its first character. Declines a line not indented more than
 * `parentIndent`.
 */
function continuation(cur: Cursor, i: number, parentIndent: number, out: { blank: number }): number {
  const t = cur.text;
  out.blank = 0;
  for (;;) {
    if (t.charCodeAt(i) === CR) i++;
    if (t.charCodeAt(i) !== LF) decline();
    const start = ++i;
    while (t.charCodeAt(i) === SP) i++;
    const c = t.charCodeAt(i);
    if (c === LF || c === CR) {
      out.blank++;
      continue;
    }
    if (i - start <= parentIndent || c !== c || (i === start && isDocMarker(t, i))) decline();
    cur.lineStart = start;
    return i;
  }
}
