/**
 * Completion for ECS JSON files, driven by the generated schema and the Fargate facts. Works on text
 * being typed: the cursor's JSON path comes from jsonc-parser's scanner over the raw text, the rest of
 * the document (cpu, volumes, containers) from our tree when it parses.
 */
import { getLocation, type Node as JNode } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { at, type AstNode } from '../documents/ast';
import { parseJson } from '../documents/json';
import { schemaAt, type JsonPath } from '../schema/navigate';
import { schemaFor, type SchemaKind, type SchemaNode } from '../schema/schemas';
import type { Span } from '../documents/ast';
import { valueCompletions } from './completionValues';
import { ITEM_SNIPPETS, MEMBER_SNIPPETS } from './snippets';

export interface CompletionContext {
  /** Overrides Fargate detection (e.g. the file is launched on Fargate by a paired service file). */
  fargate?: boolean;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The text every item replaces (the adapter turns it into each item's textEdit range). */
  replace: Span;
}

export function complete(text: string, root: AstNode | undefined, offset: number, kind: SchemaKind, ctx: CompletionContext = {}): CompletionResult {
  const tree = root ?? parseJson(text).root;
  const loc = getLocation(text, offset);
  const prev = loc.previousNode;
  const literal = prev && ['string', 'number', 'boolean', 'null'].includes(prev.type) && offset >= prev.offset && offset <= prev.offset + prev.length ? prev : undefined;
  const replace: Span = literal ? { offset: literal.offset, length: literal.length } : { offset, length: 0 };
  const schema = schemaFor(kind);
  if (loc.isAtPropertyKey) {
    const objectPath = loc.path.slice(0, -1);
    return { replace, items: propertyCompletions(schema, tree, objectPath, !!literal && hasValueAfter(text, literal)) };
  }
  const path: JsonPath = loc.path;
  const items = valueCompletions({ schema, tree, path, kind, fargate: ctx.fargate, typed: literal ? String(literal.value ?? '') : '' });
  if (!literal && typeof path[path.length - 1] === 'number') items.push(...itemSnippets(schema, path));
  return { replace, items };
}

/** Whether a key string is already followed by a colon (then only the key is replaced). */
function hasValueAfter(text: string, key: JNode): boolean {
  return /^\s*:/.test(text.slice(key.offset + key.length));
}

function propertyCompletions(schema: SchemaNode, tree: AstNode | undefined, objectPath: JsonPath, keyOnly: boolean): CompletionItem[] {
  const step = schemaAt(schema, objectPath);
  const props = step?.schema.properties ?? {};
  const existing = new Set(at(tree, ...objectPath)?.type === 'object' ? (at(tree, ...objectPath) as { properties: { key: string }[] }).properties.map((p) => p.key) : []);
  const owner = step?.schema.title ?? '';
  const items: CompletionItem[] = [];
  for (const [name, member] of Object.entries(props)) {
    if (existing.has(name)) continue;
    const resolved = schemaAt(schema, [...objectPath, name])?.schema ?? member;
    const doc = member.markdownDescription ? { kind: 'markdown' as const, value: member.markdownDescription } : undefined;
    const base: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      detail: typeLabel(resolved),
      documentation: doc,
      filterText: `"${name}"`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: keyOnly ? `"${name}"` : `"${name}": ${valueSnippet(resolved)}`,
      ...(member.deprecationMessage ? { tags: [1] } : {}),
    };
    items.push(base);
    const block = MEMBER_SNIPPETS[`${owner}.${name}`];
    if (block && !keyOnly) {
      items.push({ ...base, label: `${name} (${block.label})`, detail: block.detail, insertText: `"${name}": ${block.body}`, kind: CompletionItemKind.Snippet, sortText: `~${name}` });
    }
  }
  return items;
}

function itemSnippets(schema: SchemaNode, path: JsonPath): CompletionItem[] {
  const arrayStep = schemaAt(schema, path.slice(0, -1));
  const key = arrayStep?.owner && arrayStep.key ? `${arrayStep.owner}.${arrayStep.key}` : path.length === 1 && schema.type === 'array' ? 'RegisterTaskDefinitionRequest.containerDefinitions' : '';
  const block = ITEM_SNIPPETS[key];
  return block ? [{ label: block.label, kind: CompletionItemKind.Snippet, detail: block.detail, insertTextFormat: InsertTextFormat.Snippet, insertText: block.body }] : [];
}

export function typeLabel(s: SchemaNode): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array') return `${s.items?.$ref ? s.items.$ref.split('/').pop() : s.items?.type ?? 'any'}[]`;
  return s.title ?? (Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? 'any');
}

function valueSnippet(s: SchemaNode): string {
  if (s.enum) return `"\${1|${s.enum.join(',')}|}"`;
  switch (s.type) {
    case 'string': return '"$1"';
    case 'integer':
    case 'number': return '${1:0}';
    case 'boolean': return '${1|true,false|}';
    case 'array': return s.items?.type === 'string' ? '["$1"]' : '[$1]';
    case 'object': return '{$1}';
    default: return '$1';
  }
}
