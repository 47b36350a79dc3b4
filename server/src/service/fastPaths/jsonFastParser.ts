/**
 * The fast path of parseJson (json.ts): one pass over the text with char codes, building the document
 * tree directly and reporting comments and trailing commas on the way, with bare template tokens
 * (templates.ts) recognised where a value belongs. It accepts exactly the texts jsonc-parser reads
 * without an error (with comments, trailing commas and empty content allowed) and builds the tree
 * jsonc-parser's would convert to. At the first thing it does not accept it returns undefined, and
 * parseJson takes jsonc-parser's recovering path, so broken documents keep their recovery and
 * messages. No recursion: nesting is kept on explicit stacks.
 */
import type { ArrayNode, AstNode, LiteralNode, ObjectNode, Property } from '../documents/ast';
import { commentFinding, trailingComma, unescape } from '../documents/jsonSyntax';
import { bareTokenEnd, isTemplatedString, type BareToken } from '../documents/templates';
import type { Finding } from '../types';

export interface FastParse {
  root: AstNode | undefined;
  findings: Finding[];
  bareTemplates: BareToken[];
  /**
   * A comment holds a quote or bracket. json.ts's nestingDepth() does not skip comments, and the
   * depth limits are defined by it, so the caller must ask it; otherwise the deepest nesting seen is
   * the answer and this parser has already given up beyond `maxDepth`.
   */
  commentBrackets: boolean;
}

// Per-parse state. Module-level so that the helpers below are plain functions (no closures per parse
// or per token); reset at the start of every parse. Parsing is synchronous and calls nothing that
// could parse again.
const NO_FINDINGS: Finding[] = [];
let findings: Finding[] = NO_FINDINGS;
let commentBrackets = false;
/** Escape sequences in the string scanned last. */
let strEscaped = false;
/** The raw text of the string scanned last holds what templates.ts's MAYBE_TEMPLATED looks for. */
let strHint = false;
/** The value of the number scanned last. */
let numValue = 0;

// Open containers, one entry per nesting level: kind, start offset, first child's index in `kids`,
// and for objects the key read last (its value is still being parsed).
const OBJ = 0;
const ARR = 1;
const stKind: number[] = [];
const stOffset: number[] = [];
const stKid: number[] = [];
const stKey: string[] = [];
const stKeyOffset: number[] = [];
const stKeyLength: number[] = [];
/**
 * Children of the open containers, innermost last, up to `top` (entries above it are stale until
 * overwritten); each container takes an exact-size slice.
 */
const kids: (AstNode | Property)[] = [];
let top = 0;

/**
 * Parses `text`, or returns undefined when it has a syntax error (or a lone carriage return inside a
 * line comment, where the template scan and the JSON scanner disagree about where the comment ends),
 * or nests deeper than `maxDepth` while no comment could have changed nestingDepth's count.
 */
export function parseJsonFast(text: string, maxDepth: number): FastParse | undefined {
  findings = [];
  commentBrackets = false;
  top = 0;
  try {
    return parse(text, maxDepth);
  } finally {
    // Drop references to this document's nodes and findings.
    kids.length = 0;
    stKey.length = 0;
    findings = NO_FINDINGS;
  }
}

function parse(text: string, maxDepth: number): FastParse | undefined {
  const n = text.length;
  const bare: BareToken[] = [];
  let root: AstNode | undefined;
  let depth = 0;
  let i = skip(text, 0);
  if (i < 0) return undefined;
  if (i >= n) return { root, findings, bareTemplates: bare, commentBrackets };
  let value: AstNode;
  value: for (;;) {
    // At the first character of a value.
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = scanString(text, i, false);
      if (end < 0) return undefined;
      const s = strEscaped ? unescape(text, i + 1, end - 1) : text.slice(i + 1, end - 1);
      if (s === undefined) return undefined;
      value = literal('string', s, i, end - i);
      if ((strHint || strEscaped) && isTemplatedString(s)) value.unknown = 'template';
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const next = text.charCodeAt(i + 1);
      const tokenEnd = c === 123 && (next === 123 || next === 37) ? bareTokenEnd(text, i) : -1;
      if (tokenEnd >= 0) {
        value = bareValue(bare, i, tokenEnd);
        i = tokenEnd;
      } else {
        if (depth >= maxDepth && !commentBrackets) return undefined;
        stKind[depth] = c === 123 ? OBJ : ARR;
        stOffset[depth] = i;
        stKid[depth] = top;
        depth++;
        i = skip(text, i + 1);
        if (i < 0) return undefined;
        const d = text.charCodeAt(i);
        if (c === 123 ? d === 125 /* } */ : d === 93 /* ] */) {
          depth--;
          value = close(depth, i + 1);
          i++;
        } else if (c === 91) {
          continue value;
        } else {
          i = key(text, i, depth - 1);
          if (i < 0) return undefined;
          continue value;
        }
      }
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const end = scanNumber(text, i);
      if (end < 0) return undefined;
      value = literal('number', numValue, i, end - i);
      i = end;
    } else if (c === 116 /* t */ || c === 102 /* f */ || c === 110 /* n */) {
      const end = i + (c === 102 ? 5 : 4);
      if (!text.startsWith(c === 116 ? 'true' : c === 102 ? 'false' : 'null', i) || !endsWord(text.charCodeAt(end)))
        return undefined;
      value = c === 110 ? literal('null', null, i, 4) : literal('boolean', c === 116, i, end - i);
      i = end;
    } else if (c === 36 /* $ */ || c === 60 /* < */) {
      const tokenEnd = bareTokenEnd(text, i);
      if (tokenEnd < 0) return undefined;
      value = bareValue(bare, i, tokenEnd);
      i = tokenEnd;
    } else {
      return undefined;
    }
    // `value` is complete and ends before `i`: attach it, then read separators and closers.
    for (;;) {
      if (depth === 0) {
        root = value;
        i = skip(text, i);
        if (i !== n) return undefined;
        return { root, findings, bareTemplates: bare, commentBrackets };
      }
      const level = depth - 1;
      const inObject = stKind[level] === OBJ;
      if (inObject) {
        const k = stKeyOffset[level];
        kids[top++] = {
          key: stKey[level],
          rawKey: stKey[level],
          keySpan: { offset: k, length: stKeyLength[level] },
          value,
          span: { offset: k, length: value.offset + value.length - k },
        };
      } else {
        kids[top++] = value;
      }
      i = skip(text, i);
      if (i < 0) return undefined;
      let c2 = text.charCodeAt(i);
      if (c2 === 44 /* , */) {
        const comma = i;
        i = skip(text, i + 1);
        if (i < 0) return undefined;
        c2 = text.charCodeAt(i);
        if (c2 === (inObject ? 125 : 93)) {
          findings.push(trailingComma(comma));
        } else if (inObject) {
          i = key(text, i, level);
          if (i < 0) return undefined;
          continue value;
        } else {
          continue value;
        }
      } else if (c2 !== (inObject ? 125 /* } */ : 93) /* ] */) {
        return undefined;
      }
      depth = level;
      value = close(level, i + 1);
      i++;
    }
  }
}

/** Closes the container at `level`, which ends before `end`. */
function close(level: number, end: number): ObjectNode | ArrayNode {
  const first = stKid[level];
  const offset = stOffset[level];
  const children = kids.slice(first, top);
  top = first;
  return stKind[level] === OBJ
    ? { type: 'object', properties: children as Property[], offset, length: end - offset }
    : { type: 'array', items: children as AstNode[], offset, length: end - offset };
}

/** Reads a member name at `i` and the colon after it; returns the offset of the value, or -1. */
function key(text: string, i: number, level: number): number {
  if (text.charCodeAt(i) !== 34) return -1;
  const end = scanString(text, i, true);
  if (end < 0) return -1;
  const name = strEscaped ? unescape(text, i + 1, end - 1) : text.slice(i + 1, end - 1);
  if (name === undefined) return -1;
  stKey[level] = name;
  stKeyOffset[level] = i;
  stKeyLength[level] = end - i;
  let j = skip(text, end);
  if (j < 0 || text.charCodeAt(j) !== 58 /* : */) return -1;
  j = skip(text, j + 1);
  return j;
}

function literal(type: LiteralNode['type'], value: LiteralNode['value'], offset: number, length: number): LiteralNode {
  return { type, value, offset, length };
}

/** A bare template token stands where a value belongs: the 0 it is neutralised to, unknown. */
function bareValue(bare: BareToken[], start: number, end: number): LiteralNode {
  bare.push({ offset: start, length: end - start });
  const node = literal('number', 0, start, 1);
  node.unknown = 'template';
  return node;
}

/**
 * Skips whitespace and comments from `i`; returns the next offset (text.length at the end), or -1 at
 * an unterminated block comment, a lone `/`, or a lone carriage return in a line comment.
 */
function skip(text: string, i: number): number {
  for (;;) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
    if (c !== 47 /* / */) return i;
    const d = text.charCodeAt(i + 1);
    let end: number;
    if (d === 47) {
      end = i + 2;
      for (let e = text.charCodeAt(end); e === e && e !== 10 && e !== 13; e = text.charCodeAt(++end));
      // templates.ts ends a line comment at \n only: with a lone \r the two scans disagree.
      if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) !== 10) return -1;
    } else if (d === 42 /* * */) {
      end = text.indexOf('*/', i + 2);
      if (end < 0) return -1;
      end += 2;
    } else {
      return -1;
    }
    findings.push(commentFinding(i, end - i));
    if (!commentBrackets) commentBrackets = hasBracket(text, i + 2, end);
    i = end;
  }
}

function hasBracket(text: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 34 || c === 91 || c === 93 || c === 123 || c === 125) return true;
  }
  return false;
}

/** After true/false/null: what ends a word for jsonc-parser's scanner. */
function endsWord(c: number): boolean {
  // EOF (NaN), space, tab, line breaks, and { } [ ] " : , /
  return (
    c !== c ||
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 123 ||
    c === 125 ||
    c === 91 ||
    c === 93 ||
    c === 34 ||
    c === 58 ||
    c === 44 ||
    c === 47
  );
}

// String body characters (codes < 128): 1 closing quote, 2 backslash, 3 control (an error for
// jsonc-parser), 4 a character of templates.ts's pre-check ({ $ < # %), 5 `_`, 6-8 the first letters
// of YOUR, REPLACE, CHANGE (any case).
const STR = new Uint8Array(128);
for (let c = 0; c < 32; c++) STR[c] = 3;
STR[34] = 1;
STR[92] = 2;
for (const ch of '{$<#%') STR[ch.charCodeAt(0)] = 4;
STR[95] = 5;
for (const ch of 'yY') STR[ch.charCodeAt(0)] = 6;
for (const ch of 'rR') STR[ch.charCodeAt(0)] = 7;
for (const ch of 'cC') STR[ch.charCodeAt(0)] = 8;

/**
 * Scans the string literal whose opening quote is at `i`; returns the offset after its closing quote,
 * or -1 (unterminated, or a control character). Sets strEscaped, and strHint when the raw text holds
 * what MAYBE_TEMPLATED (templates.ts) looks for, so that plain strings skip that test (not for keys).
 */
function scanString(text: string, i: number, isKey: boolean): number {
  let escaped = false;
  // Keys are never templated: start as if the hint were found, which skips the checks.
  let hint = isKey;
  let j = i + 1;
  for (;;) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      const k = STR[c];
      if (k !== 0) {
        if (k === 1) break;
        if (k === 2) {
          escaped = true;
          j += 2;
          continue;
        }
        if (k === 3) return -1;
        if (!hint)
          hint =
            k === 4 ||
            (k === 5
              ? text.charCodeAt(j + 1) === 95
              : startsWordAt(text, j + 1, k === 6 ? 'our' : k === 7 ? 'eplace' : 'hange'));
      }
    } else if (c !== c) {
      return -1;
    }
    j++;
  }
  strEscaped = escaped;
  strHint = hint;
  return j + 1;
}

/** Whether `lower` (lowercase letters) is at `at`, in any case. */
function startsWordAt(text: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(at + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/**
 * Scans the number at `i` (jsonc-parser's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?);
 * returns its end and sets numValue (what Number() reads, as jsonc-parser does), or -1.
 */
function scanNumber(text: string, i: number): number {
  let j = i;
  const negative = text.charCodeAt(j) === 45;
  if (negative) j++;
  let c = text.charCodeAt(j);
  if (!(c >= 48 && c <= 57)) return -1;
  let int = c - 48;
  j++;
  if (int !== 0) {
    for (c = text.charCodeAt(j); c >= 48 && c <= 57; c = text.charCodeAt(++j)) int = int * 10 + (c - 48);
  }
  let exact = j - i <= 15;
  c = text.charCodeAt(j);
  if (c === 46 /* . */) {
    exact = false;
    c = text.charCodeAt(++j);
    if (!(c >= 48 && c <= 57)) return -1;
    do c = text.charCodeAt(++j);
    while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69 /* e E */) {
    exact = false;
    c = text.charCodeAt(++j);
    if (c === 43 || c === 45) c = text.charCodeAt(++j);
    if (!(c >= 48 && c <= 57)) return -1;
    do c = text.charCodeAt(++j);
    while (c >= 48 && c <= 57);
  }
  // Up to 15 digits an integer is exact in a double; anything else is read the way Number() reads it.
  numValue = exact ? (negative ? -int : int) : Number(text.slice(i, j));
  return j;
}
