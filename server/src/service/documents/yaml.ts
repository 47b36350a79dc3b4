/**
 * YAML to the document tree, through the `yaml` library (source ranges kept). CloudFormation short-form
 * tags (`!Ref X`, `!GetAtt A.B`, `!If [...]`, ...) become the same object shape as their long forms
 * (`{ Ref: X }`, `{ "Fn::GetAtt": [A, B] }`), with the tag's span as the key span, so the rest of the
 * service never sees the difference. Syntax errors are reported as `yaml/syntax` at their position.
 * Alias expansion and nesting are capped (billion-laughs documents and deep nesting stay cheap).
 * Documents in the subset CloudFormation and compose YAML use take a hand-written fast path
 * (fastPaths/yamlFastParser.ts) that builds the same tree; anything else, errors included, goes through the library.
 */
import type * as YamlLib from 'yaml';
import type { Document, Node as YNode, Tags } from 'yaml';
import type { AstNode, Property, Span } from './ast';
import { MAX_DEPTH } from './json';
import { parseYamlFast } from '../fastPaths/yamlFastParser';
import { YAML_MAX_PARSE_DEPTH, yamlNestingDepth } from './yamlDepth';
import { literal, SHORT_FORMS, tagged, type ParsedYaml } from './yamlNodes';
import { mapSpans, offsetMapper, reindentQuotedContinuations } from './yamlQuoted';
import type { Finding } from '../types';

export { SHORT_FORMS, type ParsedYaml };

/** Nodes produced by alias expansion beyond this are not converted (billion laughs). */
export const MAX_ALIAS_NODES = 10000;
/** Aliases resolved by the library's whole-document walk (anchors on nodes conversion skips). */
const MAX_SLOW_ALIAS_RESOLVES = 64;

const CUSTOM_TAGS: Tags = Object.keys(SHORT_FORMS).flatMap((n) => [
  { tag: `!${n}`, resolve: (s: string) => s },
  { tag: `!${n}`, collection: 'seq' as const, resolve: (s: unknown) => s },
  { tag: `!${n}`, collection: 'map' as const, resolve: (m: unknown) => m },
]);

export function parseYaml(text: string): ParsedYaml {
  // The fast path bounds its own nesting (MAX_FAST_DEPTH, far below the limit) and declines deeper
  // text; only the recursive library needs the pre-scan, so well-formed templates skip that pass.
  const fast = parseYamlFast(text);
  if (fast) return fast;
  const depth = yamlNestingDepth(text);
  if (depth > YAML_MAX_PARSE_DEPTH) {
    const message = `Not checked: the YAML nests about ${depth} levels deep (the limit is ${YAML_MAX_PARSE_DEPTH}); no ECS file or template nests this deep.`;
    return {
      root: undefined,
      flowRanges: [],
      findings: [{ ruleId: 'yaml/syntax', severity: 'warning', span: { offset: 0, length: 1 }, message }],
    };
  }
  return parseYamlLibrary(text);
}

let yamlLib: typeof YamlLib | undefined;
/**
 * The `yaml` library, loaded on first use: most templates take the fast path, and a bundle keeps a
 * module required here unevaluated until then (~0.6 ms of every CLI start-up otherwise).
 */
function lib(): typeof YamlLib {
  return (yamlLib ??= require('yaml') as typeof YamlLib);
}

/** The `yaml` library path alone (the reference the fast path is tested against). */
export function parseYamlLibrary(text: string): ParsedYaml {
  const parsed = parseWithLibrary(text);
  // Quoted scalars continued left of YAML's indentation, which CloudFormation's parser accepts
  // (yamlQuoted.ts): parsed again with those lines indented, spans mapped back to the text as written.
  if (!parsed.findings.some((f) => f.message.includes('Missing closing'))) return parsed;
  const fixed = reindentQuotedContinuations(text);
  if (!fixed) return parsed;
  const again = parseWithLibrary(fixed.text);
  if (again.findings.some((f) => f.severity === 'error')) return parsed;
  mapSpans(again.root, [...again.flowRanges, ...again.findings.map((f) => f.span)], offsetMapper(fixed.inserts));
  return again;
}

function parseWithLibrary(text: string): ParsedYaml {
  const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } = lib();
  const findings: Finding[] = [];
  const flowRanges: Span[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    findings.push({
      ruleId: 'yaml/syntax',
      severity: 'error',
      span: { offset: 0, length: 1 },
      message: `YAML could not be parsed: ${(e as Error).message}`,
    });
    return { root: undefined, findings, flowRanges };
  }
  for (const e of doc.errors) {
    const [start, end] = e.pos;
    findings.push({
      ruleId: 'yaml/syntax',
      severity: 'error',
      span: { offset: start, length: Math.max(1, end - start) },
      message: `YAML syntax error: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`,
    });
  }
  let aliasBudget = MAX_ALIAS_NODES;
  const expanding = new Set<YNode>();
  let limited: 'alias' | 'depth' | undefined;
  // Anchors as conversion meets them, in text order, so an alias resolves to the latest anchor of its
  // name before it in one lookup. The library's Alias.resolve walks the whole document per alias
  // (4,000 aliases: seconds); it is kept only for anchors conversion never visits (on complex keys).
  const anchors = new Map<string, YNode>();
  let slowResolves = 0;
  const anchor = (n: YNode): void => {
    if (n.anchor) anchors.set(n.anchor, n);
  };
  const resolveAlias = (n: YamlLib.Alias): YNode | undefined => {
    const known = anchors.get(n.source);
    if (known) return known;
    return slowResolves++ < MAX_SLOW_ALIAS_RESOLVES ? n.resolve(doc) : undefined;
  };

  const convert = (n: YNode | null | undefined, depth: number, viaAlias: boolean, fallback: number): AstNode => {
    if (!n) return { type: 'null', value: null, offset: fallback, length: 0 };
    if (depth > MAX_DEPTH || (viaAlias && --aliasBudget < 0)) {
      limited = depth > MAX_DEPTH ? 'depth' : 'alias';
      return { type: 'null', value: null, offset: n.range?.[0] ?? fallback, length: 0, unknown: 'template' };
    }
    if (isAlias(n)) {
      const target = resolveAlias(n);
      const [start, end] = n.range ?? [fallback, fallback];
      if (!target || expanding.has(target))
        return { type: 'null', value: null, offset: start, length: end - start, unknown: 'template' };
      expanding.add(target);
      const inner = convert(target, depth + 1, true, start);
      expanding.delete(target);
      return { ...inner, offset: start, length: end - start };
    }
    if (!viaAlias) anchor(n);
    const plain = convertUntagged(n, depth, viaAlias);
    const tag = n.tag;
    if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return plain;
    return tagged(text, tag, plain);
  };

  const convertUntagged = (n: YNode, depth: number, viaAlias: boolean): AstNode => {
    const [start, valueEnd] = n.range ?? [0, 0];
    if (isMap(n)) {
      if (n.flow && !viaAlias) flowRanges.push({ offset: start, length: valueEnd - start });
      const properties: Property[] = [];
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
        if (!viaAlias) anchor(pair.key);
        const key = String(pair.key.value);
        const keySpan = { offset: pair.key.range[0], length: pair.key.range[1] - pair.key.range[0] };
        const value = convert(pair.value as YNode | null, depth + 1, viaAlias, pair.key.range[1] + 1);
        const endAt = Math.max(value.offset + value.length, keySpan.offset + keySpan.length);
        properties.push({
          key,
          rawKey: key,
          keySpan,
          value,
          span: { offset: keySpan.offset, length: endAt - keySpan.offset },
        });
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
    if (isScalar(n)) return literal(n.value, start, valueEnd - start);
    return { type: 'null', value: null, offset: start, length: valueEnd - start, unknown: 'template' };
  };

  const root = doc.contents ? convert(doc.contents, 0, false, 0) : undefined;
  if (limited) {
    const message =
      limited === 'alias'
        ? `YAML aliases expand to more than ${MAX_ALIAS_NODES} nodes; the rest is not checked.`
        : `Nesting deeper than ${MAX_DEPTH} levels is not checked.`;
    findings.push({ ruleId: 'yaml/syntax', severity: 'warning', span: { offset: 0, length: 1 }, message });
  }
  return { root, findings, flowRanges };
}
