/**
 * Block YAML read line by line, for text that may not parse (the line being typed usually does not):
 * each line's tokens with their columns (`- ` dashes, `key:` keys, other scalars), comments and
 * blank lines skipped. Flow collections and block scalars spanning lines are not understood; callers
 * stop where they meet one.
 */
import { lineOfOffset } from '../documents/lineIndex';

export interface YamlToken {
  kind: 'dash' | 'key' | 'scalar';
  col: number;
  /** The key, unquoted (kind 'key'). */
  key?: string;
  /** The text after `key:` or the scalar, comment removed, trimmed. */
  value: string;
}

const QUOTED_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')[ \t]*:(?=[ \t]|$)/;
/** A plain key: up to the first `:` followed by a space or the end (so `Fn::If:` and `a:b:` work). */
const PLAIN_KEY = /^([^\s#'"{}[\]&*!|>%@`,?-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** Removes a trailing ` # comment` outside quotes. */
export function stripComment(s: string): string {
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s[{,:]/.test(s[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return s.slice(0, i);
  }
  return s;
}

/** Tokens of one line (without its line break). Blank and comment-only lines have none. */
export function lineTokens(line: string): YamlToken[] {
  const out: YamlToken[] = [];
  let i = 0;
  const n = line.length;
  const skipSpace = () => {
    while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  };
  skipSpace();
  while (i < n && line[i] === '-' && (i + 1 === n || line[i + 1] === ' ' || line[i + 1] === '\t')) {
    out.push({ kind: 'dash', col: i, value: '' });
    i++;
    skipSpace();
  }
  if (i >= n || line[i] === '#' || line[i] === '\r') return out;
  const rest = line.slice(i);
  const m = QUOTED_KEY.exec(rest) ?? PLAIN_KEY.exec(rest);
  if (m) {
    const key = m[1] !== undefined ? m[1] : (m[2] ?? '').replace(/''/g, "'");
    out.push({
      kind: 'key',
      col: i,
      key: QUOTED_KEY.test(rest) ? key : key.trimEnd(),
      value: stripComment(rest.slice(m[0].length)).trim(),
    });
  } else out.push({ kind: 'scalar', col: i, value: stripComment(rest).trim() });
  return out;
}

/** A document marker (`---`, `...`): scans stop there. */
export function isDocumentMarker(line: string): boolean {
  return /^(?:---|\.\.\.)(?:\s|$)/.test(line);
}

/** The value after a key opens a nested block (empty, or only tags and anchors). */
export function opensBlock(value: string): boolean {
  return value === '' || /^(?:[!&]\S*)(?:\s+[!&]\S*)*$/.test(value);
}

/** Lines of a text with their start offsets (line breaks excluded, a trailing `\r` dropped). */
export class YamlLines {
  readonly lines: string[];
  readonly starts: number[];
  private readonly cache = new Map<number, YamlToken[]>();

  constructor(text: string) {
    this.lines = text.split('\n');
    this.starts = [];
    let at = 0;
    for (let i = 0; i < this.lines.length; i++) {
      this.starts.push(at);
      at += this.lines[i].length + 1;
      if (this.lines[i].endsWith('\r')) this.lines[i] = this.lines[i].slice(0, -1);
    }
  }

  /** Index of the line holding `offset`. */
  lineOf(offset: number): number {
    return lineOfOffset(this.starts, offset);
  }

  /** Leading spaces of a line (its first token's column; any token of the line is at least there). */
  indent(line: number): number {
    const s = this.lines[line];
    let i = 0;
    while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
    return i;
  }

  tokens(line: number): YamlToken[] {
    let t = this.cache.get(line);
    if (!t) this.cache.set(line, (t = lineTokens(this.lines[line])));
    return t;
  }

  /** The keys (and their values) directly under the key at (`line`, `col`), or of the item whose dash is there. */
  childKeys(line: number, col: number): { key: string; value: string; line: number }[] {
    const out: { key: string; value: string; line: number }[] = [];
    let childCol = -1;
    for (const t of this.tokens(line)) {
      if (t.col > col && t.kind === 'key') {
        childCol = t.col;
        out.push({ key: t.key!, value: t.value, line });
        break;
      }
    }
    for (let i = line + 1; i < this.lines.length; i++) {
      if (isDocumentMarker(this.lines[i])) break;
      if (childCol >= 0 && this.indent(i) > childCol) continue;
      const first = this.tokens(i)[0];
      if (!first) continue;
      if (first.col <= col) break;
      if (childCol < 0) childCol = first.col;
      if (first.col === childCol && first.kind === 'key') out.push({ key: first.key!, value: first.value, line: i });
    }
    return out;
  }
}
