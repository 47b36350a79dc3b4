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

/** A string none of IN_STRING can match lacks all of these (one scan instead of nine on plain values). */
const MAYBE_TEMPLATED = /[{$<#]|__|YOUR|REPLACE|CHANGE/i;

export function isTemplatedString(value: string): boolean {
  return MAYBE_TEMPLATED.test(value) && IN_STRING.some((re) => re.test(value));
}

/** A template token found outside any string literal in JSON text. */
export interface BareToken {
  offset: number;
  length: number;
}

const BARE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\$\{[^}\n]*\}|\$[A-Za-z_][A-Za-z0-9_]*|<[A-Z][A-Z0-9_]*>/y;

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
      BARE.lastIndex = i;
      const m = BARE.exec(text);
      // `{` alone opens an object; only `{{` / `{%` are template tokens.
      if (m && (c !== '{' || m[0].length > 1)) {
        tokens.push({ offset: i, length: m[0].length });
        i += m[0].length;
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
