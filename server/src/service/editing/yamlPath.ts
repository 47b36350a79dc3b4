/**
 * Where the cursor is in a block YAML document, from indentation alone (so it works on the
 * half-typed line that does not parse): the path of keys and item indexes above it, whether a key or
 * a value is being typed, the text to replace, the keys already present in the object, and the
 * document's indentation step. Used by template completion.
 */
import type { Span } from '../documents/ast';
import type { JsonPath } from '../schema/navigate';
import { isDocumentMarker, opensBlock, stripComment, YamlLines, type YamlToken } from './yamlLines';

export interface YamlCursor {
  /** 'key': a key of the object at `path` (or, after `- `, maybe a scalar item: `item`); 'value': the value at `path`. */
  kind: 'key' | 'value';
  path: JsonPath;
  /** Line and column of each path segment's key or dash. */
  at: { line: number; col: number }[];
  /** Keys already in the object (kind 'key'), as written. */
  siblings: string[];
  /** Column where the key being typed starts, or where the value's key starts. */
  col: number;
  replace: Span;
  /** What is typed from the start of `replace` to the cursor. */
  typed: string;
  /** A `:` already follows the key being edited. */
  keyOnly: boolean;
  /** The key position directly follows `- ` (an item that may be a scalar). */
  item: boolean;
  /** The value is an item of a flow sequence `[...]`. */
  inFlow: boolean;
  /** The cursor is right after `Key:`: a value needs a space first. */
  needsSpace: boolean;
  /** A short-form tag before the value (`!Ref`, `!GetAtt`). */
  tag?: string;
  /** Spaces per nesting level. */
  unit: number;
  lines: YamlLines;
}

type State = { kind: 'object' | 'array'; col: number; idx: number };

const KEY_ON_LINE = /^((?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\]&*!|>%@`,?][^#]*?))[ \t]*:(?=[ \t]|$)/;
const KEY_CHARS = /^[A-Za-z0-9_-]*$/;

export function yamlCursor(text: string, offset: number, lines = new YamlLines(text)): YamlCursor | undefined {
  const ln = lines.lineOf(offset);
  const line = lines.lines[ln];
  const pos = Math.min(offset - lines.starts[ln], line.length);
  const before = line.slice(0, pos);
  const after = line.slice(pos);
  if (isDocumentMarker(line) || /^\s*#/.test(before) || stripComment(before) !== before) return undefined;

  // Dashes on the cursor line, then a key being typed or `key:` and its value.
  const dashes: YamlToken[] = [];
  let i = 0;
  while (i < before.length && before[i] === ' ') i++;
  while (i < before.length && before[i] === '-' && /[ \t]/.test(before[i + 1] ?? '')) {
    dashes.push({ kind: 'dash', col: i, value: '' });
    i++;
    while (i < before.length && before[i] === ' ') i++;
  }
  if (before.slice(i) === '-') return undefined;
  const col = i;
  const rest = before.slice(i);
  const keyMatch = KEY_ON_LINE.exec(rest);

  const base = { col, siblings: [] as string[], keyOnly: false, item: false, inFlow: false, needsSpace: false, lines };
  let cursor: Omit<YamlCursor, 'path' | 'at' | 'unit'>;
  let inner: { seg: string | number; line: number; col: number }[] = [];
  if (keyMatch) {
    const key = unquote(keyMatch[1]);
    let valueAt = col + keyMatch[0].length;
    let value = before.slice(valueAt);
    const needsSpace = value === '';
    const lead = value.length - value.trimStart().length;
    valueAt += lead;
    value = value.trimStart();
    let tag: string | undefined;
    const tagged = /^(![A-Za-z]+)[ \t]+/.exec(value);
    if (tagged) {
      tag = tagged[1];
      valueAt += tagged[0].length;
      value = value.slice(tagged[0].length);
    }
    inner = [{ seg: key, line: ln, col }];
    let inFlow = false;
    if (value.startsWith('[')) {
      const body = value.slice(1);
      if (/[[\]{}]/.test(body)) return undefined;
      const parts = body.split(',');
      const last = parts[parts.length - 1];
      inner.unshift({ seg: parts.length - 1, line: ln, col });
      valueAt += value.length - last.trimStart().length;
      value = last.trimStart();
      inFlow = true;
    } else if (/^[{|>&*]/.test(value) || /:[ \t]/.test(value) || /^['"].*['"]\s/.test(value)) return undefined;
    const tail = inFlow ? /^[^,\]#]*/.exec(after)![0] : stripComment(after);
    const start = lines.starts[ln] + valueAt;
    cursor = {
      ...base,
      kind: 'value',
      needsSpace,
      inFlow,
      tag,
      typed: value,
      replace: { offset: start, length: offset - start + tail.trimEnd().length },
    };
  } else {
    const item = dashes.length > 0;
    if (!KEY_CHARS.test(rest) && !(item && !/^[{[|>&*!]/.test(rest))) return undefined;
    const wordEnd = /^[A-Za-z0-9_-]*/.exec(after)![0].length;
    const keyOnly = /^[A-Za-z0-9_-]*[ \t]*:/.test(after);
    const start = lines.starts[ln] + col;
    const tail = KEY_CHARS.test(rest) ? wordEnd : stripComment(after).trimEnd().length;
    cursor = {
      ...base,
      kind: 'key',
      item,
      keyOnly,
      typed: rest,
      replace: { offset: start, length: offset - start + tail },
    };
  }

  // Walk up: the cursor line's dashes first (right to left), then the lines above.
  const siblings: string[] = [];
  let collecting = true;
  let st: State = { kind: 'object', col, idx: 0 };
  const segs = [...inner];
  const feed = (t: YamlToken, at: number): boolean => {
    if (st.kind === 'object') {
      if (t.col > st.col) return true;
      if (t.col === st.col) {
        if (t.kind === 'key' && collecting) siblings.push(t.key!);
        return true;
      }
      collecting = false;
      if (t.kind === 'dash') st = { kind: 'array', col: t.col, idx: 0 };
      else if (t.kind === 'key') {
        if (!opensBlock(t.value)) return false;
        segs.push({ seg: t.key!, line: at, col: t.col });
        st = { kind: 'object', col: t.col, idx: 0 };
      }
      return true;
    }
    if (t.col > st.col) return true;
    if (t.kind === 'dash' && t.col === st.col) {
      st.idx++;
      return true;
    }
    if (t.kind === 'scalar') return true;
    segs.push({ seg: st.idx, line: at, col: st.col });
    if (t.kind === 'dash') st = { kind: 'array', col: t.col, idx: 0 };
    else {
      if (!opensBlock(t.value)) return false;
      segs.push({ seg: t.key!, line: at, col: t.col });
      st = { kind: 'object', col: t.col, idx: 0 };
    }
    return true;
  };
  for (let d = dashes.length - 1; d >= 0; d--) if (!feed(dashes[d], ln)) return undefined;
  for (let l = ln - 1; l >= 0; l--) {
    if (lines.indent(l) > st.col) continue;
    if (isDocumentMarker(lines.lines[l])) break;
    const toks = lines.tokens(l);
    for (let k = toks.length - 1; k >= 0; k--) if (!feed(toks[k], l)) return undefined;
    if (st.kind === 'object' && st.col === 0 && !collecting) break;
  }
  if (st.kind === 'array') segs.push({ seg: st.idx, line: -1, col: st.col });
  if (cursor.kind === 'key') cursor.siblings = [...siblings, ...siblingsBelow(lines, ln, col)];
  segs.reverse();
  return {
    ...cursor,
    path: segs.map((s) => s.seg),
    at: segs.map((s) => ({ line: s.line, col: s.col })),
    unit: unitOf(segs),
  };
}

function unquote(k: string): string {
  if (k.startsWith('"')) return k.slice(1, -1).replace(/\\(.)/g, '$1');
  if (k.startsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k.trimEnd();
}

/** Keys at `col` on the lines below, until the object ends. */
function siblingsBelow(lines: YamlLines, ln: number, col: number): string[] {
  const out: string[] = [];
  for (let l = ln + 1; l < lines.lines.length; l++) {
    if (lines.indent(l) > col) continue;
    if (isDocumentMarker(lines.lines[l])) break;
    const first = lines.tokens(l)[0];
    if (!first) continue;
    if (first.col < col) break;
    if (first.col === col && first.kind === 'key') out.push(first.key!);
  }
  return out;
}

/** The indentation step: the first key directly under another key, else 2. */
function unitOf(segs: { seg: string | number; col: number; line: number }[]): number {
  for (let k = 1; k < segs.length; k++) {
    const a = segs[k - 1];
    const b = segs[k];
    if (typeof a.seg === 'string' && typeof b.seg === 'string' && b.col > a.col && b.line > a.line)
      return b.col - a.col;
  }
  return 2;
}
