/**
 * Template tokens: values that are filled in later by a deploy tool (Jinja/Helm `{{ x }}`, shell and
 * envsubst `${X}`/`$X`, CodeDeploy `<IMAGE1_NAME>`, `REPLACE_ME` markers, `%NAME%` of Windows batch files
 * and token-replacement steps (TeamCity `%env.NAME%`)). A value containing one is unknown and never judged.
 */

/**
 * Token shapes inside a string value. Each is linear in the value: quantifiers are bounded where a
 * failed match could otherwise be retried from every start position (`YOUR_YOUR_..._x` took
 * quadratic time with `+` before `\b`), and the tokens with a closer are found by hasClosedToken.
 */
const IN_STRING = [
  /(^|[^\\$])\$[A-Za-z_][A-Za-z0-9_]*/,
  /<[A-Za-z][A-Za-z0-9_ .:-]{0,128}>/,
  /\b(REPLACE|CHANGE)[_-]?ME\b/i,
  /\bREPLACE_WITH[A-Z0-9_]{0,128}\b/,
  /\bYOUR[_-][A-Z0-9_-]{1,128}\b/,
  /\b__[A-Z0-9_]{1,128}__\b/,
  // At least two characters between the percent signs: strftime's `%Y%m%d` and printf's `%s%s` are not tokens.
  /%[A-Za-z_][A-Za-z0-9_.]{1,128}%/,
  // Prose placeholders of sample files: `{INSERT core dump build image}`, `{your-account-id}`, `<image of your app` (unclosed).
  // Bounded repetitions keep the scan linear (no nested or unbounded quantifiers).
  /\{[A-Z]{3,32}\b[^{}]{0,128}\}/,
  /\{your[-_ ][^{}]{0,128}\}/i,
  /^<[A-Za-z][^<>\s]{0,128}\s[^<>]{0,256}$/,
];

/**
 * A string none of the token shapes can match lacks all of these (one scan instead of nine on plain
 * values). The JSON fast path (fastPaths/jsonFastParser.ts scanString) checks the same while scanning: change both together.
 */
const MAYBE_TEMPLATED = /[{$<#%]|__|YOUR|REPLACE|CHANGE/i;

export function isTemplatedString(value: string): boolean {
  return (
    MAYBE_TEMPLATED.test(value) &&
    (hasClosedToken(value, '{{', '}}', true) ||
      hasClosedToken(value, '${', '}', false) ||
      hasClosedToken(value, '#{', '}', false) ||
      IN_STRING.some((re) => re.test(value)))
  );
}

/**
 * Whether `open` occurs with a later `close` (on the same line when `sameLine`). One pass: after a
 * failed opener the search resumes past the point where it failed, since every opener before that point
 * fails there too.
 */
function hasClosedToken(value: string, open: string, close: string, sameLine: boolean): boolean {
  for (let at = value.indexOf(open); at >= 0;) {
    const end = value.indexOf(close, at + open.length);
    if (end < 0) return false;
    if (!sameLine) return true;
    const nl = value.indexOf('\n', at + open.length);
    if (nl < 0 || end < nl) return true;
    at = value.indexOf(open, nl + 1);
  }
  return false;
}

/** A template token found outside any string literal in JSON text. */
export interface BareToken {
  offset: number;
  length: number;
}

/**
 * What failed searches learnt, for callers that try many starts in one text (a failed search for a closer
 * fails from every later start too, up to where it stopped): keeps a scan over `{{{{...` linear.
 */
export interface TokenMemo {
  noBraceClose?: boolean;
  noPercentClose?: boolean;
  /** A `${` starting before this offset has no `}` on its line. */
  dollarFailsBefore: number;
}

/**
 * End (exclusive) of the bare template token starting at `i`, or -1 when none starts there. The
 * tokens, tried in this order: `{{ ... }}` and `{% ... %}` (to the first closer, across lines),
 * `${...}` (no `}` or newline inside), `$NAME`, and `<UPPER_NAME>`. A `{` that starts none of these
 * opens a JSON object. Char codes only: the JSON fast path calls this at every value that starts with
 * `{`, `$` or `<`.
 */
export function bareTokenEnd(text: string, i: number, memo?: TokenMemo): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  if (c === 123 /* { */) {
    if (d === 123 /* { */) {
      if (memo?.noBraceClose) return -1;
      const e = text.indexOf('}}', i + 2);
      if (e < 0 && memo) memo.noBraceClose = true;
      return e < 0 ? -1 : e + 2;
    }
    if (d === 37 /* % */) {
      if (memo?.noPercentClose) return -1;
      const e = text.indexOf('%}', i + 2);
      if (e < 0 && memo) memo.noPercentClose = true;
      return e < 0 ? -1 : e + 2;
    }
    return -1;
  }
  if (c === 36 /* $ */) {
    if (d === 123 /* { */) {
      if (memo && i < memo.dollarFailsBefore) return -1;
      let j = i + 2;
      for (; j < text.length; j++) {
        const e = text.charCodeAt(j);
        if (e === 125 /* } */) return j + 1;
        if (e === 10 /* \n */) break;
      }
      if (memo) memo.dollarFailsBefore = j;
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
  const memo: TokenMemo = { dollarFailsBefore: -1 };
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
      const end = bareTokenEnd(text, i, memo);
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
