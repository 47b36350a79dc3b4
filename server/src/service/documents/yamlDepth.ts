/**
 * A linear, conservative estimate of how deep a YAML text nests, computed before the yaml library runs.
 * The `yaml` library recurses per nesting level; near the end of the stack V8 can abort the whole
 * process while compiling a regular expression ("RegExpCompiler Allocation failed"), which no
 * try/catch sees. A workspace file must never do that, so texts nesting deeper than
 * YAML_MAX_PARSE_DEPTH are not parsed at all (trees are only converted to MAX_DEPTH levels anyway).
 *
 * Counted per position: the block indentation levels open on the line, the `- ` / `? ` markers that
 * open nested collections on the same line, and the open flow brackets (`[`, `{`) outside quoted
 * scalars and comments.
 */

/** Texts nesting deeper than this are not parsed (the conversion stops at MAX_DEPTH = 200 anyway). */
export const YAML_MAX_PARSE_DEPTH = 400;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

/** True when `c` may precede a quote that opens a quoted scalar or a `#` that opens a comment. */
function isBoundary(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === LF ||
    c === CR ||
    c === 44 /* , */ ||
    c === 91 /* [ */ ||
    c === 123 /* { */ ||
    c === 58 /* : */ ||
    c === 45 /* - */ ||
    c === 63
  ); /* ? */
}

export function yamlNestingDepth(text: string): number {
  const n = text.length;
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let i = 0;
  while (i < n) {
    // Start of a line: its indentation decides the open block levels (blank and comment lines do not).
    let col = 0;
    while (i + col < n && text.charCodeAt(i + col) === SPACE) col++;
    let p = i + col;
    const first = p < n ? text.charCodeAt(p) : LF;
    let block = indents.length;
    if (flow === 0 && first !== LF && first !== CR && first !== 35 /* # */) {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      block = indents.length;
      // `- - - x` and `? ? x` open one level per marker on the same line.
      while (
        p + 1 < n &&
        (text.charCodeAt(p) === 45 || text.charCodeAt(p) === 63) &&
        (text.charCodeAt(p + 1) === SPACE || text.charCodeAt(p + 1) === TAB)
      ) {
        block++;
        p += 2;
        while (p < n && text.charCodeAt(p) === SPACE) p++;
      }
    }
    if (block + flow > max) max = block + flow;
    // The rest of the line: flow brackets outside quotes and comments.
    let prev = p > 0 ? text.charCodeAt(p - 1) : LF;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === LF) break;
      if (c === 35 /* # */ && isBoundary(prev)) {
        while (p < n && text.charCodeAt(p) !== LF) p++;
        break;
      }
      if ((c === 34 || c === 39) && isBoundary(prev)) {
        // A quoted scalar (it may span lines): `\` escapes in "...", '' in '...'.
        for (p++; p < n; p++) {
          const q = text.charCodeAt(p);
          if (c === 34 && q === 92) p++;
          else if (q === c) {
            if (c === 39 && p + 1 < n && text.charCodeAt(p + 1) === 39) p++;
            else break;
          }
        }
      } else if (c === 91 || c === 123) {
        if (++flow + block > max) max = flow + block;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
      prev = c;
      p++;
    }
    i = p + 1;
  }
  return max;
}
