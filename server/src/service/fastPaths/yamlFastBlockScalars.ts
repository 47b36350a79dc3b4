/**
 * Block scalars (`|`, `>`, with `-`/`+` chomping) for the fast YAML path. Declined, for the `yaml`
 * library to handle: explicit indentation indicators, empty scalars, leading blank lines indented
 * more than the first line, and trailing blank lines indented more than the content.
 */
import { decline, type Cursor } from './yamlFastScalars';

// character codes (local constants: cheaper than imported bindings in unbundled runs)
const CR = 13,
  HASH = 35,
  LF = 10,
  SP = 32;

/** Folded-scalar state: the YAML 1.2 line folding, fed one line at a time. */
interface Fold {
  value: string;
  sep: string;
  moreIndented: boolean;
}

function foldLine(f: Fold, extra: string, content: string): void {
  if (extra !== '') {
    // a more-indented line keeps its line breaks
    if (f.sep === ' ') f.sep = '\n';
    else if (!f.moreIndented && f.sep === '\n') f.sep = '\n\n';
    f.value += f.sep + extra + content;
    f.sep = '\n';
    f.moreIndented = true;
  } else if (content === '') {
    if (f.sep === '\n') f.value += '\n';
    else f.sep = '\n';
  } else {
    f.value += f.sep + content;
    f.sep = ' ';
    f.moreIndented = false;
  }
}

/**
 * The block scalar whose header is at cur.pos, with content lines indented more than
 * `parentIndent`. Returns its value; cur.end is its range end (past the last content line's break,
 * or past the kept trailing lines for `+`), cur.pos the start of the first line after it.
 */
export function readBlockScalar(cur: Cursor, parentIndent: number): string {
  const t = cur.text;
  const folded = t.charCodeAt(cur.pos) === 62;
  let i = cur.pos + 1;
  let chomp = t.charCodeAt(i);
  if (chomp === 45 || chomp === 43) i++;
  else chomp = 0;
  let c = t.charCodeAt(i);
  if (c !== SP && c !== LF && c !== CR) decline();
  while (t.charCodeAt(i) === SP) i++;
  if (t.charCodeAt(i) === HASH) while (i < t.length && (c = t.charCodeAt(i)) !== LF && c !== CR) i++;
  if (t.charCodeAt(i) === CR) i++;
  if (t.charCodeAt(i) !== LF) decline();
  i++;

  let trimIndent = -1;
  let leading = 0; // blank lines before the first content line
  let leadingIndent = 0;
  const blanks: number[] = []; // indentation of the blank lines since the last content line
  let lastEnd = -1; // end of the last content line (before its line break)
  let afterLast = -1; // start of the line after the last content line
  const fold: Fold = { value: '', sep: '', moreIndented: false };
  let literal = '';
  let ls: number;
  let terminated = false;
  for (;;) {
    ls = i;
    while (t.charCodeAt(i) === SP) i++;
    const sp = i - ls;
    c = t.charCodeAt(i);
    if (c === LF || c === CR || c !== c) {
      if (trimIndent >= 0) blanks.push(sp);
      else if (c === c) {
        leading++;
        if (sp > leadingIndent) leadingIndent = sp;
      }
      if (c !== c) break;
      i += c === CR ? 2 : 1;
      continue;
    }
    if (trimIndent < 0) {
      if (sp <= parentIndent || sp < leadingIndent) decline();
      trimIndent = sp;
      literal = fold.value = '\n'.repeat(leading);
    } else if (sp < trimIndent) {
      terminated = true;
      break;
    } else {
      for (const b of blanks) {
        const extra = b > trimIndent ? ' '.repeat(b - trimIndent) : '';
        if (folded) foldLine(fold, extra, '');
        else literal += '\n' + extra;
      }
      blanks.length = 0;
    }
    let e = i;
    while (e < t.length && (c = t.charCodeAt(e)) !== LF && c !== CR) e++;
    const extra = sp > trimIndent ? ' '.repeat(sp - trimIndent) : '';
    if (folded) foldLine(fold, extra, t.slice(i, e));
    else literal += (lastEnd < 0 ? '' : '\n') + extra + t.slice(i, e);
    lastEnd = e;
    i = afterLast = e < t.length ? e + (c === CR ? 2 : 1) : e;
    if (e >= t.length) break;
  }
  if (trimIndent < 0) decline();
  for (const b of blanks) if (b > trimIndent) decline();
  let value = folded ? fold.value : literal;
  const endAt = terminated ? ls : t.length;
  if (chomp === 43) {
    // kept trailing lines: the library's range stops short of a last, unterminated line of spaces
    if (!terminated && blanks.length && blanks[blanks.length - 1] > 0) decline();
    let breaks = 0;
    for (let k = lastEnd; k < endAt; k++) if (t.charCodeAt(k) === LF) breaks++;
    value += '\n'.repeat(Math.max(1, breaks));
    cur.end = endAt;
  } else {
    if (chomp === 0) value += '\n';
    cur.end = afterLast;
  }
  cur.pos = cur.lineStart = endAt;
  return value;
}
