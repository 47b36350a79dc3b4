/**
 * Node building shared by both YAML paths (the `yaml` library's and the fast parser's), so that the
 * two produce the same tree by construction: literal nodes, YAML 1.2 core-schema resolution of plain
 * scalars, and CloudFormation short-form tags turned into their long-form one-property objects.
 */
import type { AstNode, LiteralNode, Property, Span } from './ast';
import { isTemplatedString } from './templates';
import type { Finding } from '../types';

export interface ParsedYaml {
  root: AstNode | undefined;
  findings: Finding[];
  /** Spans of flow collections (`[...]`, `{...}`): edits inside them use flow syntax. */
  flowRanges: Span[];
}

/** Short-form tag name -> long-form key. */
export const SHORT_FORMS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'Ref',
    'Condition',
    'Sub',
    'GetAtt',
    'If',
    'Join',
    'Select',
    'FindInMap',
    'ImportValue',
    'Split',
    'Base64',
    'Cidr',
    'GetAZs',
    'Equals',
    'Not',
    'And',
    'Or',
    'Transform',
    'ToJsonString',
    'Length',
  ].map((n) => [n, n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`]),
);

export function literal(value: unknown, offset: number, length: number): LiteralNode {
  if (value === null || value === undefined) return { type: 'null', value: null, offset, length };
  if (typeof value === 'number' || typeof value === 'boolean')
    return { type: typeof value as 'number' | 'boolean', value, offset, length };
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const node: LiteralNode = { type: 'string', value: s, offset, length };
  if (isTemplatedString(s)) node.unknown = 'template';
  return node;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Whether a plain scalar starting with char code `c` can be anything but a string: one of `-+.0-9~nNtTfF`. */
function maybeNotString(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 45 ||
    c === 43 ||
    c === 46 ||
    c === 126 ||
    c === 110 ||
    c === 78 ||
    c === 116 ||
    c === 84 ||
    c === 102 ||
    c === 70
  );
}

/**
 * A plain (unquoted, untagged) scalar's value under the YAML 1.2 core schema, with the tests in the
 * order the `yaml` library (2.x) tries them: null, bool, octal, decimal and hex ints, .inf/.nan,
 * exponent and plain floats; anything else is a string.
 */
export function resolvePlain(s: string): string | number | boolean | null {
  if (s === '') return null;
  if (!maybeNotString(s.charCodeAt(0))) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.substring(2), 16);
  if (NAN_INF.test(s))
    return s.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : s[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** The span of a tag written just before its node (only whitespace between), else an empty span at the node. */
function tagSpan(text: string, tag: string, start: number): Span {
  const at = text.lastIndexOf(tag, start);
  return at >= 0 && /^\s*$/.test(text.slice(at + tag.length, start))
    ? { offset: at, length: tag.length }
    : { offset: start, length: 0 };
}

/**
 * A node carrying the local tag `tag` (`!Ref`, ...): a known short form becomes `{ LongForm: node }`
 * with the tag's span as the key span (`!GetAtt A.B` splits into `[A, B]`); an unknown tag leaves the
 * node as it is, marked as an unknown intrinsic.
 */
export function tagged(text: string, tag: string, plain: AstNode): AstNode {
  const long = SHORT_FORMS[tag.slice(1)];
  if (!long) return { ...plain, unknown: 'intrinsic' };
  const ts = tagSpan(text, tag, plain.offset);
  let value: AstNode = plain;
  if (long === 'Fn::GetAtt' && plain.type === 'string' && !plain.unknown) value = splitGetAtt(plain, text);
  const span = { offset: ts.offset, length: plain.offset + plain.length - ts.offset };
  const p: Property = { key: long, rawKey: tag, keySpan: ts, value, span };
  return { type: 'object', properties: [p], ...span };
}

/** `A.B` (a !GetAtt scalar) -> `[A, B]`, each part with its own span (best effort for quoted scalars). */
function splitGetAtt(node: LiteralNode, text: string): AstNode {
  const s = node.value as string;
  const dot = s.indexOf('.');
  const quoted = /^['"]/.test(text.slice(node.offset, node.offset + 1)) ? 1 : 0;
  const base = node.offset + quoted;
  if (dot < 0) return { type: 'array', items: [node], offset: node.offset, length: node.length };
  const a: LiteralNode = { type: 'string', value: s.slice(0, dot), offset: base, length: dot };
  const b: LiteralNode = {
    type: 'string',
    value: s.slice(dot + 1),
    offset: base + dot + 1,
    length: s.length - dot - 1,
  };
  return { type: 'array', items: [a, b], offset: node.offset, length: node.length };
}
