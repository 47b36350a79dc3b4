/**
 * Flow collections (`[a, !Ref B]`, `{ Key: v }`, nested, across lines) for the fast YAML path.
 * Declined: implicit pairs in sequences (`[a: 1]`), empty keys or values, trailing commas, multi-line
 * scalars, tags without a node, and continuation lines not indented past the enclosing block.
 */
import type { AstNode, Property, Span } from '../documents/ast';
import { literal, resolvePlain, SHORT_FORMS, tagged } from '../documents/yamlNodes';
import { canStartPlain, decline, readQuoted, scanPlainLine, type Cursor } from './yamlFastScalars';

// character codes (local constants: cheaper than imported bindings in unbundled runs)
const COLON = 58,
  CR = 13,
  HASH = 35,
  LF = 10,
  SP = 32;

export interface FlowHost extends Cursor {
  depth: number;
  readonly flowRanges: Span[];
}

const MAX_FLOW_DEPTH = 100;

/** The flow collection whose `[` or `{` is at host.pos, inside a block collection in column `parent`. */
export function parseFlow(p: FlowHost, parent: number): AstNode {
  if (++p.depth > MAX_FLOW_DEPTH) decline();
  const t = p.text;
  const start = p.pos;
  const isSeq = t.charCodeAt(start) === 91;
  const close = isSeq ? 93 : 125;
  const range = { offset: start, length: 0 };
  p.flowRanges.push(range);
  p.pos++;
  const items: AstNode[] = [];
  const properties: Property[] = [];
  skipFlowSpace(p, parent);
  if (t.charCodeAt(p.pos) !== close) {
    for (;;) {
      if (isSeq) items.push(flowNode(p, parent, false));
      else properties.push(flowPair(p, parent, close));
      skipFlowSpace(p, parent);
      const c = t.charCodeAt(p.pos);
      if (c === close) break;
      if (c !== 44) decline();
      p.pos++;
      skipFlowSpace(p, parent);
      if (t.charCodeAt(p.pos) === close) decline();
    }
  }
  p.pos++;
  range.length = p.pos - start;
  p.depth--;
  return isSeq
    ? { type: 'array', items, offset: start, length: range.length }
    : { type: 'object', properties, offset: start, length: range.length };
}

function flowPair(p: FlowHost, parent: number, close: number): Property {
  const t = p.text;
  const keyStart = p.pos;
  const c = t.charCodeAt(keyStart);
  let key: string;
  if (c === 39 || c === 34) {
    key = readQuoted(p, parent, true);
    while (t.charCodeAt(p.pos) === SP) p.pos++;
    if (t.charCodeAt(p.pos) !== COLON) decline();
  } else {
    if (!canStartPlain(c, t.charCodeAt(keyStart + 1), true) || scanPlainLine(p, true) !== 'colon') decline();
    key = String(resolvePlain(t.slice(keyStart, p.end)));
  }
  const keyEnd = p.end;
  p.pos++;
  skipFlowSpace(p, parent);
  const v = t.charCodeAt(p.pos);
  if (v === 44 || v === close) decline();
  const value = flowNode(p, parent, false);
  const end = Math.max(value.offset + value.length, keyEnd);
  return {
    key,
    rawKey: key,
    keySpan: { offset: keyStart, length: keyEnd - keyStart },
    value,
    span: { offset: keyStart, length: end - keyStart },
  };
}

function flowNode(p: FlowHost, parent: number, isTagged: boolean): AstNode {
  const t = p.text;
  const c = t.charCodeAt(p.pos);
  if (c === 33) {
    if (isTagged) decline();
    let i = p.pos + 1;
    for (
      let ch = t.charCodeAt(i);
      (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57);
      ch = t.charCodeAt(++i)
    );
    const tag = t.slice(p.pos, i);
    if (!SHORT_FORMS[tag.slice(1)] || t.charCodeAt(i) !== SP) decline();
    while (t.charCodeAt(i) === SP) i++;
    p.pos = i;
    return tagged(t, tag, flowNode(p, parent, true));
  }
  if (c === 91 || c === 123) return parseFlow(p, parent);
  const start = p.pos;
  if (c === 39 || c === 34) {
    const value = readQuoted(p, parent, true);
    return literal(value, start, p.end - start);
  }
  if (!canStartPlain(c, t.charCodeAt(start + 1), true) || scanPlainLine(p, true) === 'colon') decline();
  const value = t.slice(start, p.end);
  return literal(isTagged ? value : resolvePlain(value), start, p.end - start);
}

/**
 * Skips spaces, comments and line breaks inside a flow collection. Declines a non-blank line not
 * indented past `parent` (and any line starting in column 0).
 */
function skipFlowSpace(p: FlowHost, parent: number): void {
  const t = p.text;
  let i = p.pos;
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === SP || c === CR) i++;
    else if (c === LF) {
      const ls = ++i;
      while (t.charCodeAt(i) === SP) i++;
      const n = t.charCodeAt(i);
      if (n !== LF && n !== CR && (i - ls <= parent || i === ls)) decline();
      p.lineStart = ls;
    } else if (c === HASH) {
      if (i > p.lineStart && t.charCodeAt(i - 1) !== SP) decline();
      i = t.indexOf('\n', i);
      if (i < 0) i = t.length;
    } else break;
  }
  p.pos = i;
}
