/**
 * Quoted scalars continued at or left of their key's indentation, as AWS's own samples write them:
 *
 *     License:
 *       Description: 'Copyright 2017 Amazon.com, Inc. and its affiliates. All Rights Reserved.
 *       SPDX-License-Identifier: MIT-0'
 *
 * YAML 1.2 wants the continuation lines of a flow scalar indented deeper than the mapping holding it,
 * and the `yaml` library rejects the above ("Missing closing 'quote"). The parsers CloudFormation and
 * the AWS tools use (SnakeYAML, PyYAML: `scan_flow_scalar_breaks` reads continuation lines without
 * looking at their indentation) accept it and fold the line break into one space. This pre-pass gives
 * such continuation lines the indentation YAML wants (folding drops leading spaces, so the value does not
 * change) and records the inserted spaces, so that spans can be mapped back to the text as written.
 */
import type { AstNode, Span } from './ast';

export interface Reindented {
  text: string;
  /** Spaces inserted: `count` of them before offset `at` of the original text, in text order. */
  inserts: { at: number; count: number }[];
}

/**
 * Where a line's block-context value starts with a quote (`key: '...`, `- '...`, `- key: "...`): the
 * quote's index and the column of the node it belongs to (the key, or the item). One forward scan, so a
 * crafted line costs time linear in its length.
 */
function quotedValue(line: string): { quoteAt: number; column: number } | undefined {
  let i = 0;
  while (line[i] === ' ') i++;
  let column = i;
  while (line[i] === '-' && line[i + 1] === ' ') {
    i += 2;
    while (line[i] === ' ') i++;
    column = i;
  }
  if (line[i] === "'" || line[i] === '"') {
    // A quoted key (`'a b': 'x`) or the value itself (`- 'x`).
    const close = closeOnLine(line, i);
    if (close < 0) return { quoteAt: i, column };
    if (line[close + 1] !== ':') return undefined;
    i = close + 1;
  } else {
    if (line[i] === '#' || i >= line.length) return undefined;
    while (i < line.length && !(line[i] === ':' && line[i + 1] === ' ') && line[i] !== '#') i++;
    if (line[i] !== ':') return undefined;
  }
  i++;
  while (line[i] === ' ') i++;
  return line[i] === "'" || line[i] === '"' ? { quoteAt: i, column } : undefined;
}

/** Where the quoted scalar opened at `start` (index of the quote) closes, or -1 when not on this line. */
function closeOnLine(line: string, start: number): number {
  const q = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') i++;
    else if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** The text with under-indented continuation lines of quoted scalars indented, or undefined if none. */
export function reindentQuotedContinuations(text: string): Reindented | undefined {
  const lines = text.split('\n');
  const inserts: { at: number; count: number }[] = [];
  let offset = 0;
  let open: { quote: string; min: number } | undefined;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    if (open) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent < open.min) inserts.push({ at: lineStart, count: open.min - indent });
      const close = closeOnLine(open.quote + line, 0);
      if (close >= 0) open = undefined;
      continue;
    }
    const v = quotedValue(line);
    if (!v || closeOnLine(line, v.quoteAt) >= 0) continue;
    // Continuation lines belong to the node whose key (or item) starts at this column; one more space
    // puts them inside it.
    open = { quote: line[v.quoteAt], min: v.column + 1 };
  }
  if (inserts.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const { at, count } of inserts) {
    out += text.slice(from, at) + ' '.repeat(count);
    from = at;
  }
  return { text: out + text.slice(from), inserts };
}

/** Maps offsets of the re-indented text back to the text as written. */
export function offsetMapper(inserts: Reindented['inserts']): (offset: number) => number {
  // Start of each insert in the re-indented text, and the total inserted before it.
  const starts: number[] = [];
  let before = 0;
  for (const { at, count } of inserts) {
    starts.push(at + before);
    before += count;
  }
  return (m) => {
    let shift = 0;
    for (let i = 0; i < inserts.length && starts[i] <= m; i++) {
      if (m < starts[i] + inserts[i].count) return inserts[i].at;
      shift += inserts[i].count;
    }
    return m - shift;
  };
}

/** Rewrites every span of a tree (and of the given spans) from re-indented to original offsets. */
export function mapSpans(root: AstNode | undefined, spans: Span[], map: (offset: number) => number): void {
  const fix = (s: Span): void => {
    const start = map(s.offset);
    s.length = map(s.offset + s.length) - start;
    s.offset = start;
  };
  const seen = new Set<object>();
  const walk = (n: AstNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    fix(n);
    if (n.type === 'object')
      for (const p of n.properties) {
        fix(p.keySpan);
        fix(p.span);
        walk(p.value);
      }
    else if (n.type === 'array') n.items.forEach(walk);
  };
  if (root) walk(root);
  spans.forEach(fix);
}
