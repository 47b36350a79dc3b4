/**
 * Renders snippet data (snippets.ts, written with API names) as LSP snippet text: JSON with tabs (the
 * client re-indents it), or block YAML with explicit spaces from a given column (inserted as is, so
 * it is right in every client). Keys are spelled by a Naming: the API's, or CloudFormation's for the
 * context each object sits in (cfnNames.ts).
 */
import type { NameCtx } from '../shapes/cfn/names';
import { isInline, Placeholder, type SnippetObject, type SnippetValue } from './snippets';
import { yamlScalar } from './yamlScalar';

export interface Naming {
  /** The key as written in this dialect, for an object of context `ctx`. */
  key(ctx: NameCtx, apiKey: string): string;
  /** The context of the value under `apiKey`. */
  child(ctx: NameCtx, apiKey: string): NameCtx;
}

export const API_NAMING: Naming = { key: (_ctx, k) => k, child: () => 'plain' };

/** Escapes literal text for LSP snippet syntax. */
export function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function placeholder(p: Placeholder): string {
  return p.choice
    ? `\${${p.tab}|${p.choice.map((c) => c.replace(/[,|\\]/g, '\\$&')).join(',')}|}`
    : `\${${p.tab}:${snippetEscape(p.text)}}`;
}

const isObjectValue = (v: SnippetValue): v is SnippetObject =>
  typeof v === 'object' && !Array.isArray(v) && !(v instanceof Placeholder);
const isScalarValue = (v: SnippetValue): boolean => !Array.isArray(v) && !isObjectValue(v);

export function renderJson(v: SnippetValue, naming: Naming = API_NAMING, ctx: NameCtx = 'plain', depth = 0): string {
  if (v instanceof Placeholder) return v.scalar === 'string' ? `"${placeholder(v)}"` : placeholder(v);
  if (typeof v === 'string') return snippetEscape(JSON.stringify(v));
  if (typeof v !== 'object') return String(v);
  const pad = '\t'.repeat(depth);
  if (Array.isArray(v)) {
    if (v.every(isScalarValue)) return `[${v.map((i) => renderJson(i, naming, ctx, depth)).join(', ')}]`;
    return `[\n${v.map((i) => `${pad}\t${renderJson(i, naming, ctx, depth + 1)}`).join(',\n')}\n${pad}]`;
  }
  const entries = Object.entries(v).map(
    ([k, val]) => `${JSON.stringify(naming.key(ctx, k))}: ${renderJson(val, naming, naming.child(ctx, k), depth + 1)}`,
  );
  if (isInline(v)) return `{ ${entries.join(', ')} }`;
  return `{\n${entries.map((e) => `${pad}\t${e}`).join(',\n')}\n${pad}}`;
}

export interface YamlLayout {
  /** Column of the key the value belongs to (or of the item's first key after `- `). */
  col: number;
  /** Spaces per nesting level. */
  unit: number;
}

function yamlLeaf(v: SnippetValue): string {
  if (v instanceof Placeholder) return placeholder(v);
  return typeof v === 'string' ? snippetEscape(yamlScalar(v)) : JSON.stringify(v);
}

/** The text after `Key:` for the member whose key sits at `at.col`: ` scalar`, or a block on the next lines. */
export function renderYamlValue(v: SnippetValue, at: YamlLayout, naming: Naming, ctx: NameCtx): string {
  if (isScalarValue(v)) return ` ${yamlLeaf(v)}`;
  const col = at.col + at.unit;
  const pad = ' '.repeat(col);
  if (Array.isArray(v))
    return v.map((i) => `\n${pad}- ${renderYamlItem(i, { col: col + 2, unit: at.unit }, naming, ctx)}`).join('');
  return Object.entries(v as SnippetObject)
    .map(([k, val]) => `\n${pad}${renderYamlMember(k, val, { col, unit: at.unit }, naming, ctx)}`)
    .join('');
}

/** `Key: value` with the key spelled for `ctx` (the context of the object holding it). */
export function renderYamlMember(
  apiKey: string,
  v: SnippetValue,
  at: YamlLayout,
  naming: Naming,
  ctx: NameCtx,
): string {
  return `${naming.key(ctx, apiKey)}:${renderYamlValue(v, at, naming, naming.child(ctx, apiKey))}`;
}

/** An array item written after `- `, its first key at `at.col`. */
export function renderYamlItem(v: SnippetValue, at: YamlLayout, naming: Naming, ctx: NameCtx): string {
  if (isScalarValue(v)) return yamlLeaf(v);
  const pad = ' '.repeat(at.col);
  if (Array.isArray(v))
    return v
      .map((i, n) => `${n ? `\n${pad}` : ''}- ${renderYamlItem(i, { col: at.col + 2, unit: at.unit }, naming, ctx)}`)
      .join('');
  return Object.entries(v as SnippetObject)
    .map(([k, val], n) => `${n ? `\n${pad}` : ''}${renderYamlMember(k, val, at, naming, ctx)}`)
    .join('');
}
