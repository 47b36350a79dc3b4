/**
 * Template tokens: values that are filled in later by a deploy tool (Jinja/Helm `{{ x }}`, shell and
 * envsubst `${X}`/`$X`, CodeDeploy `<IMAGE1_NAME>`, `REPLACE_ME` markers). A value containing one is
 * unknown and never judged.
 */

const IN_STRING = [
  /\{\{.*?\}\}/,
  /\$\{[^}]*\}/,
  /(^|[^\\$])\$[A-Za-z_][A-Za-z0-9_]*/,
  /<[A-Za-z][A-Za-z0-9_ .:-]*>/,
  /#\{[^}]*\}/,
  /\b(REPLACE|CHANGE)[_-]?ME\b/i,
  /\bREPLACE_WITH[A-Z0-9_]*\b/,
  /\bYOUR[_-][A-Z0-9_-]+\b/,
  /\b__[A-Z0-9_]+__\b/,
];

/**
 * A string none of IN_STRING can match lacks all of these (one scan instead of nine on plain values).
 * The JSON fast path (jsonFast.ts scanString) checks the same while scanning: change both together.
 */
const MAYBE_TEMPLATED = /[{$<#]|__|YOUR|REPLACE|CHANGE/i;

export function isTemplatedString(value: string): boolean {
  return MAYBE_TEMPLATED.test(value) && IN_STRING.some((re) => re.test(value));
}

/** A template token found outside any string literal in JSON text. */
export interface BareToken {
  offset: number;
  length: number;
}

/**
 * End (exclusive) of the bare template token starting at `i`, or -1 when none starts there. The
 * tokens, tried in this order: `{{ ... }}` and `{% ... %}` (to the first closer, across lines),
 * `${...}` (no `}` or newline inside), `$NAME`, and `<UPPER_NAME>`. A `{` that starts none of these
 * opens a JSON object. Char codes only: the JSON fast path calls this at every value that starts with
 * `{`, `$` or `<`.
 */
export function bareTokenEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  if (c === 123 /* { */) {
    if (d === 123 /* { */) {
      const e = text.indexOf('}}', i + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (d === 37 /* % */) {
      const e = text.indexOf('%}', i + 2);
      return e < 0 ? -1 : e + 2;
    }
    return -1;
  }
  if (c === 36 /* $ */) {
    if (d === 123 /* { */) {
      for (let j = i + 2; j < text.length; j++) {
        const e = text.charCodeAt(j);
        if (e === 125 /* } */) return j + 1;
        if (e === 10 /* \n */) break;
      }
      return -1;
    }
    if (!isIdentStart(d)) return -1;
    let j = i + 2;
    while (isIdentStart(text.charCodeAt(j)) || isDigit(text.charCodeAt(j))) j++;
    return j;
  }
  if (c === 60 /* < */) {
    if (!(d >= 65 && d <= 90)) return -1;
    let j = i + 2;
    for (let e = text.charCodeAt(j); (e >= 65 && e <= 90) || isDigit(e) || e === 95; e = text.charCodeAt(++j));
    return text.charCodeAt(j) === 62 /* > */ ? j + 1 : -1;
  }
  return -1;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Finds template tokens that sit where a JSON value should be (outside strings and comments) and
 * returns the text with each replaced by `0` padded with spaces, so offsets are preserved and the
 * result parses. Returns undefined when there is nothing to replace.
 */
export function neutraliseBareTemplates(text: string): { text: string; tokens: BareToken[] } | undefined {
  const tokens: BareToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '{' || c === '$' || c === '<') {
      const end = bareTokenEnd(text, i);
      if (end >= 0) {
        tokens.push({ offset: i, length: end - i });
        i = end;
        continue;
      }
    }
    i++;
  }
  if (tokens.length === 0) return undefined;
  let out = '';
  let last = 0;
  for (const t of tokens) {
    // Keep newlines inside multi-line tokens so line numbers stay the same.
    const body = text.slice(t.offset, t.offset + t.length).replace(/[^\n]/g, ' ');
    out += text.slice(last, t.offset) + '0' + body.slice(1);
    last = t.offset + t.length;
  }
  out += text.slice(last);
  return { text: out, tokens };
}
