/**
 * A fast YAML parser for the subset CloudFormation templates and compose/task YAML use: block maps
 * and sequences (compact `- key: v` items, sequences at their parent key's indentation), plain,
 * quoted and block scalars, comments, flow collections, CloudFormation short-form tags, an optional
 * leading `---`, a BOM and CRLF line ends. It builds the same tree as the `yaml` library path of
 * yaml.ts (the same node helpers, spans and flow ranges). On anything outside the subset (anchors,
 * aliases, explicit keys, directives, several documents, tabs, other tags, any error) it returns
 * undefined, and the caller parses with the library, which reports errors and applies its caps.
 */
import type { AstNode, Property, Span } from '../documents/ast';
import { MAX_DEPTH } from '../documents/json';
import { readBlockScalar } from './yamlFastBlockScalars';
import { parseFlow } from './yamlFastFlow';
import { literal, resolvePlain, SHORT_FORMS, tagged, type ParsedYaml } from '../documents/yamlNodes';
import {
  canStartPlain,
  decline,
  DECLINE,
  isBreakOrSpace,
  isDocMarker,
  readPlainValue,
  readQuoted,
  scanPlainLine,
  type Cursor,
} from './yamlFastScalars';

// character codes (local constants: cheaper than imported bindings in unbundled runs)
const COLON = 58,
  CR = 13,
  HASH = 35,
  LF = 10,
  SP = 32;

/** Nesting beyond this is left to the library path (which caps it at MAX_DEPTH with a warning). */
export const MAX_FAST_DEPTH = Math.min(100, MAX_DEPTH);

/** Characters the fast path leaves to the library: tabs, controls, a BOM past the start. */
const UNSUPPORTED = /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
const LONE_CR = /\r(?!\n)/;

/** The parsed document, or undefined when the text is outside the fast path's subset. */
export function parseYamlFast(text: string): ParsedYaml | undefined {
  try {
    return tryParseYamlFast(text);
  } catch {
    // not a decline: a stack overflow or a bug; the library path still gives the tree
    return undefined;
  }
}

/** parseYamlFast, except that an error other than a decline is thrown (tests: a bug must not pass for a decline). */
export function tryParseYamlFast(text: string): ParsedYaml | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // the library reads a block indicator or indentation right after a BOM differently
  if (start && /^[ ?:-]/.test(text.charAt(1))) return undefined;
  UNSUPPORTED.lastIndex = start;
  if (UNSUPPORTED.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new FastParser(text, start).document();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

export class FastParser implements Cursor {
  pos: number;
  lineStart: number;
  end = 0;
  depth = 0;
  readonly flowRanges: Span[] = [];

  constructor(
    readonly text: string,
    start: number,
  ) {
    this.pos = this.lineStart = start;
  }

  document(): ParsedYaml {
    let col = this.skipBlank(true);
    if (col === 0 && isDocMarker(this.text, this.pos)) {
      if (this.text.charCodeAt(this.pos) !== 45) decline();
      this.pos += 3;
      this.lineEnd();
      col = this.skipBlank(false);
      if (col < 0) decline();
    }
    if (col < 0) return { root: undefined, findings: [], flowRanges: [] };
    const root = this.node(-1, col, false, false, false);
    if (this.skipBlank(false) >= 0) decline();
    return { root, findings: [], flowRanges: this.flowRanges };
  }

  /**
   * Skips spaces, comments and line breaks; returns the column of the next token (this.pos), or -1
   * at the end of the text. Declines a document marker unless `markerOk`.
   */
  skipBlank(markerOk: boolean): number {
    const t = this.text;
    let i = this.pos;
    let ls = this.lineStart;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === SP || c === CR) i++;
      else if (c === LF) ls = ++i;
      else if (c === HASH) {
        if (i > ls && t.charCodeAt(i - 1) !== SP) decline();
        i = t.indexOf('\n', i);
        if (i < 0) i = t.length;
      } else break;
    }
    this.pos = i;
    this.lineStart = ls;
    if (i >= t.length) return -1;
    if (!markerOk && i === ls && isDocMarker(t, i)) decline();
    return i - ls;
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SP) this.pos++;
  }

  /** Whether only a comment or nothing is left on the line (after skipSpaces). */
  private atLineEnd(): boolean {
    const c = this.text.charCodeAt(this.pos);
    if (c === HASH && this.text.charCodeAt(this.pos - 1) !== SP) decline();
    return c === LF || c === CR || c === HASH || c !== c;
  }

  private lineEnd(): void {
    this.skipSpaces();
    if (!this.atLineEnd()) decline();
  }

  private isSeqStart(): boolean {
    return this.text.charCodeAt(this.pos) === 45 && isBreakOrSpace(this.text.charCodeAt(this.pos + 1));
  }

  /**
   * The node at this.pos, in column `col`, inside a block collection at `parent`. `inline`: it follows
   * `key: ` or a tag on the same line (no block collection may start here). `isTagged`: a tag precedes
   * it (scalars stay strings). `mapValue`: a sequence may sit at the parent key's column.
   */
  private node(parent: number, col: number, inline: boolean, isTagged: boolean, mapValue: boolean): AstNode {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    const next = t.charCodeAt(this.pos + 1);
    if (c === 33) {
      if (isTagged) decline();
      return this.taggedNode(parent, mapValue);
    }
    if (c === 45 && isBreakOrSpace(next)) {
      if (inline) decline();
      return this.seq(col);
    }
    if (c === 91 || c === 123) {
      const flow = parseFlow(this, parent);
      this.lineEnd();
      return flow;
    }
    const start = this.pos;
    if (c === 39 || c === 34) {
      const line = this.lineStart;
      const value = readQuoted(this, parent, false);
      const end = this.end;
      this.skipSpaces();
      if (t.charCodeAt(this.pos) === COLON && isBreakOrSpace(t.charCodeAt(this.pos + 1))) {
        if (inline || this.lineStart !== line) decline();
        return this.map(col, value, start, end);
      }
      if (!this.atLineEnd()) decline();
      return literal(value, start, end - start);
    }
    if (c === 124 || c === 62) {
      if (parent < 0) decline();
      const value = readBlockScalar(this, parent);
      return literal(value, start, this.end - start);
    }
    if (!canStartPlain(c, next, false)) decline();
    const stop = scanPlainLine(this, false);
    if (stop === 'colon') {
      if (inline) decline();
      return this.map(col, String(resolvePlain(t.slice(start, this.end))), start, this.end);
    }
    const value = readPlainValue(this, parent, start, stop);
    return literal(isTagged ? value : resolvePlain(value), start, this.end - start);
  }

  /** `!Tag node`, or `!Tag` with its node on the following lines, or an empty tagged scalar. */
  private taggedNode(parent: number, mapValue: boolean): AstNode {
    const t = this.text;
    let i = this.pos + 1;
    for (
      let c = t.charCodeAt(i);
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      c = t.charCodeAt(++i)
    );
    const tag = t.slice(this.pos, i);
    if (!SHORT_FORMS[tag.slice(1)] || !isBreakOrSpace(t.charCodeAt(i))) decline();
    this.pos = i;
    this.skipSpaces();
    let inner: AstNode;
    if (this.atLineEnd()) {
      const emptyAt = this.pos;
      const nc = this.skipBlank(false);
      if (nc > parent || (nc >= 0 && nc === parent && mapValue && this.isSeqStart()))
        inner = this.node(parent, nc, false, true, mapValue);
      else inner = literal('', emptyAt, 0);
    } else inner = this.node(parent, this.pos - this.lineStart, true, true, mapValue);
    return tagged(t, tag, inner);
  }

  /** A block map in column `col` whose first key (`key`, spanning keyStart..keyEnd) ends at this.pos (its colon). */
  private map(col: number, key: string, keyStart: number, keyEnd: number): AstNode {
    if (++this.depth > MAX_FAST_DEPTH) decline();
    const t = this.text;
    const properties: Property[] = [];
    for (;;) {
      if (this.pos - keyStart > 1000) decline();
      this.pos++;
      this.skipSpaces();
      let value: AstNode;
      if (this.atLineEnd()) {
        const emptyAt = this.pos;
        const nc = this.skipBlank(false);
        if (nc > col || (nc === col && this.isSeqStart())) value = this.node(col, nc, false, false, true);
        else value = literal(null, emptyAt, 0);
      } else value = this.node(col, this.pos - this.lineStart, true, false, true);
      const end = Math.max(value.offset + value.length, keyEnd);
      properties.push({
        key,
        rawKey: key,
        keySpan: { offset: keyStart, length: keyEnd - keyStart },
        value,
        span: { offset: keyStart, length: end - keyStart },
      });
      const nc = this.skipBlank(false);
      if (nc < col) break;
      if (nc > col) decline();
      keyStart = this.pos;
      const c = t.charCodeAt(keyStart);
      if (c === 39 || c === 34) {
        const line = this.lineStart;
        key = readQuoted(this, col, false);
        keyEnd = this.end;
        this.skipSpaces();
        if (this.lineStart !== line || t.charCodeAt(this.pos) !== COLON || !isBreakOrSpace(t.charCodeAt(this.pos + 1)))
          decline();
      } else {
        if (!canStartPlain(c, t.charCodeAt(keyStart + 1), false) || scanPlainLine(this, false) !== 'colon') decline();
        keyEnd = this.end;
        key = String(resolvePlain(t.slice(keyStart, keyEnd)));
      }
    }
    this.depth--;
    const first = properties[0].span.offset;
    const last = properties[properties.length - 1].span;
    return { type: 'object', properties, offset: first, length: last.offset + last.length - first };
  }

  /** A block sequence whose first `-` is at this.pos, in column `col`. */
  private seq(col: number): AstNode {
    if (++this.depth > MAX_FAST_DEPTH) decline();
    const start = this.pos;
    const items: AstNode[] = [];
    for (;;) {
      this.pos++;
      this.skipSpaces();
      if (this.atLineEnd()) {
        const emptyAt = this.pos;
        const nc = this.skipBlank(false);
        items.push(nc > col ? this.node(col, nc, false, false, false) : literal(null, emptyAt, 0));
      } else items.push(this.node(col, this.pos - this.lineStart, false, false, false));
      const nc = this.skipBlank(false);
      if (nc < col) break;
      if (nc > col) decline();
      if (!this.isSeqStart()) break;
    }
    this.depth--;
    const last = items[items.length - 1];
    return { type: 'array', items, offset: start, length: last.offset + last.length - start };
  }
}
