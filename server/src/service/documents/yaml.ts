/**
 * YAML to the document tree, through the `yaml` library (source ranges kept). CloudFormation short-form
 * tags (`!Ref X`, `!GetAtt A.B`, `!If [...]`, ...) become the same object shape as their long forms
 * (`{ Ref: X }`, `{ "Fn::GetAtt": [A, B] }`), with the tag's span as the key span, so the rest of the
 * service never sees the difference. Syntax errors are reported as `yaml/syntax` at their position.
 * Alias expansion and nesting are capped (billion-laughs documents and deep nesting stay cheap).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YNode, type Tags } from 'yaml';
import type { AstNode, LiteralNode, Property, Span } from './ast';
import { MAX_DEPTH } from './json';
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
  ['Ref', 'Condition', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'FindInMap', 'ImportValue', 'Split', 'Base64', 'Cidr', 'GetAZs', 'Equals', 'Not', 'And', 'Or', 'Transform', 'ToJsonString', 'Length']
    .map((n) => [n, n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`]),
);

/** Nodes produced by alias expansion beyond this are not converted (billion laughs). */
export const MAX_ALIAS_NODES = 10000;

const CUSTOM_TAGS: Tags = Object.keys(SHORT_FORMS).flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq' as const, resolve: (s: unknown) => s },
  { tag: `!${n}`, collection: 'map' as const, resolve: (m: unknown) => m },
]) as Tags;

export function parseYaml(text: string): ParsedYaml {
  const findings: Finding[] = [];
  const flowRanges: Span[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    findings.push({ ruleId: 'yaml/syntax', severity: 'error', span: { offset: 0, length: 1 }, message: `YAML could not be parsed: ${(e as Error).message}` });
    return { root: undefined, findings, flowRanges };
  }
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    findings.push({ ruleId: 'yaml/syntax', severity: 'error', span: { offset: start, length: Math.max(1, end - start) }, message: `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.` });
  }
  let aliasBudget = MAX_ALIAS_NODES;
  const expanding = new Set<YNode>();
  let limited: 'alias' | 'depth' | undefined;

  const tagSpan = (tag: string, start: number): Span => {
    const at = text.lastIndexOf(tag, start);
    return at >= 0 && /^\s*$/.test(text.slice(at + tag.length, start)) ? { offset: at, length: tag.length } : { offset: start, length: 0 };
  };

  const convert = (n: YNode | null | undefined, depth: number, viaAlias: boolean, fallback: number): AstNode => {
    if (!n) return { type: 'null', value: null, offset: fallback, length: 0 };
    if (depth > MAX_DEPTH || (viaAlias && --aliasBudget < 0)) {
      limited = depth > MAX_DEPTH ? 'depth' : 'alias';
      return { type: 'null', value: null, offset: n.range?.[0] ?? fallback, length: 0, unknown: 'template' };
    }
    if (isAlias(n)) {
      const target = n.resolve(doc);
      const [start, end] = n.range ?? [fallback, fallback];
      if (!target || expanding.has(target)) return { type: 'null', value: null, offset: start, length: end - start, unknown: 'template' };
      expanding.add(target);
      const inner = convert(target, depth + 1, true, start);
      expanding.delete(target);
      return { ...inner, offset: start, length: end - start };
    }
    const plain = convertUntagged(n, depth, viaAlias);
    const tag = n.tag;
    if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return plain;
    const long = SHORT_FORMS[tag.slice(1)];
    if (!long) return { ...plain, unknown: 'intrinsic' } as AstNode;
    const ts = tagSpan(tag, plain.offset);
    let value: AstNode = plain;
    if (long === 'Fn::GetAtt' && plain.type === 'string' && !plain.unknown) value = splitGetAtt(plain, text);
    const span = { offset: ts.offset, length: plain.offset + plain.length - ts.offset };
    const p: Property = { key: long, rawKey: tag, keySpan: ts, value, span };
    return { type: 'object', properties: [p], ...span };
  };

  const convertUntagged = (n: YNode, depth: number, viaAlias: boolean): AstNode => {
    const [start, valueEnd] = n.range ?? [0, 0];
    if (isMap(n)) {
      if (n.flow && !viaAlias) flowRanges.push({ offset: start, length: valueEnd - start });
      const properties: Property[] = [];
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const keySpan = { offset: pair.key.range[0], length: pair.key.range[1] - pair.key.range[0] };
        const value = convert(pair.value as YNode | null, depth + 1, viaAlias, pair.key.range[1] + 1);
        const endAt = Math.max(value.offset + value.length, keySpan.offset + keySpan.length);
        properties.push({ key, rawKey: key, keySpan, value, span: { offset: keySpan.offset, length: endAt - keySpan.offset } });
      }
      const last = properties[properties.length - 1];
      const end = n.flow || !last ? valueEnd : last.span.offset + last.span.length;
      return { type: 'object', properties, offset: start, length: end - start };
    }
    if (isSeq(n)) {
      if (n.flow && !viaAlias) flowRanges.push({ offset: start, length: valueEnd - start });
      const items = n.items.map((it) => convert(it as YNode, depth + 1, viaAlias, start));
      const last = items[items.length - 1];
      const end = n.flow || !last ? valueEnd : last.offset + last.length;
      return { type: 'array', items, offset: start, length: end - start };
    }
    if (isScalar(n)) return scalar(n.value, start, valueEnd - start);
    return { type: 'null', value: null, offset: start, length: valueEnd - start, unknown: 'template' };
  };

  const root = doc.contents ? convert(doc.contents as YNode, 0, false, 0) : undefined;
  if (limited) {
    const message = limited === 'alias'
      ? `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes; the rest is not checked.`
      : `Nesting deeper than ${MAX_DEPTH} levels is not checked.`;
    findings.push({ ruleId: 'yaml/syntax', severity: 'warning', span: { offset: 0, length: 1 }, message });
  }
  return { root, findings, flowRanges };
}

function scalar(value: unknown, offset: number, length: number): LiteralNode {
  if (value === null || value === undefined) return { type: 'null', value: null, offset, length };
  if (typeof value === 'number' || typeof value === 'boolean') return { type: typeof value as 'number' | 'boolean', value, offset, length };
  const s = typeof value === 'string' ? value : String(value);
  const node: LiteralNode = { type: 'string', value: s, offset, length };
  if (isTemplatedString(s)) node.unknown = 'template';
  return node;
}

/** `A.B` (a !GetAtt scalar) -> `[A, B]`, each part with its own span (best effort for quoted scalars). */
function splitGetAtt(node: LiteralNode, text: string): AstNode {
  const s = node.value as string;
  const dot = s.indexOf('.');
  const quoted = /^['"]/.test(text.slice(node.offset, node.offset + 1)) ? 1 : 0;
  const base = node.offset + quoted;
  if (dot < 0) return { type: 'array', items: [node], offset: node.offset, length: node.length };
  const a: LiteralNode = { type: 'string', value: s.slice(0, dot), offset: base, length: dot };
  const b: LiteralNode = { type: 'string', value: s.slice(dot + 1), offset: base + dot + 1, length: s.length - dot - 1 };
  return { type: 'array', items: [a, b], offset: node.offset, length: node.length };
}
