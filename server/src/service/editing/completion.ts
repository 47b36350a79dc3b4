/**
 * Completion for ECS JSON files, driven by the generated schema and the Fargate facts. Works on text
 * being typed: the cursor's JSON path comes from jsonc-parser's scanner over the raw text, the rest of
 * the document (cpu, volumes, containers) from our tree when it parses.
 */
import { createScanner, getLocation, ScanError, SyntaxKind } from 'jsonc-parser';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { at, type AstNode } from '../documents/ast';
import { MAX_PARSE_DEPTH, nestingDepth, parseJson } from '../documents/json';
import { schemaAt, type JsonPath } from '../schema/navigate';
import { schemaFor, type SchemaKind, type SchemaNode } from '../schema/schemas';
import type { Span } from '../documents/ast';
import { valueCompletions } from './completionValues';
import { ITEM_SNIPPETS, MEMBER_SNIPPETS } from './snippets';
import { renderJson } from './snippetRender';
import { own } from '../own';
import { markNotOnFargate, sortMarkedLast } from './notOnFargate';
import { isFargateTask, taskDefView } from './view';

export interface CompletionContext {
  /** Overrides Fargate detection (e.g. the file is launched on Fargate by a paired service file). */
  fargate?: boolean;
}

export interface CompletionResult {
  items: CompletionItem[];
  /** The text every item replaces (the adapter turns it into each item's textEdit range). */
  replace: Span;
  /** Items that insert at the cursor as they are (no textEdit): live EFS ids in JSON files. */
  asIs?: CompletionItem[];
}

export function complete(
  text: string,
  root: AstNode | undefined,
  offset: number,
  kind: SchemaKind,
  ctx: CompletionContext = {},
): CompletionResult {
  // jsonc-parser's getLocation is recursive: a pathologically nested text gets no completion, not a stack overflow.
  if (nestingDepth(text) > MAX_PARSE_DEPTH) return { items: [], replace: { offset, length: 0 } };
  const tree = root ?? parseJson(text).root;
  const loc = getLocation(text, offset);
  const literal = literalAt(text, offset);
  const replace: Span = literal ? { offset: literal.offset, length: literal.length } : { offset, length: 0 };
  const schema = schemaFor(kind);
  if (loc.isAtPropertyKey) {
    const objectPath = loc.path.slice(0, -1);
    return {
      replace,
      items: propertyCompletions(
        schema,
        tree,
        objectPath,
        !!literal && /^\s*:/.test(text.slice(literal.offset + literal.length)),
        separatorAfter(text, replace.offset + replace.length),
        ctx.fargate ?? isFargateTask(taskDefView(tree)),
      ),
    };
  }
  const path: JsonPath = loc.path;
  const items = valueCompletions({ schema, tree, path, kind, fargate: ctx.fargate });
  if (!literal && typeof path[path.length - 1] === 'number')
    items.push(...itemSnippets(schema, path, separatorAfter(text, offset)));
  return { replace, items };
}

/**
 * The literal token under the cursor (a string, also an empty or unterminated one, or a number or
 * keyword), found with the scanner because the parser reports no node for `""` while typing.
 */
export function literalAt(text: string, offset: number): Span | undefined {
  const scanner = createScanner(text, false);
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (start >= offset) return undefined;
    const literal =
      k === SyntaxKind.StringLiteral ||
      k === SyntaxKind.NumericLiteral ||
      k === SyntaxKind.TrueKeyword ||
      k === SyntaxKind.FalseKeyword ||
      k === SyntaxKind.NullKeyword;
    if (
      literal &&
      offset <= end &&
      (k !== SyntaxKind.StringLiteral || offset < end || scanner.getTokenError() !== ScanError.None)
    )
      return { offset: start, length: end - start };
  }
  return undefined;
}

function propertyCompletions(
  schema: SchemaNode,
  tree: AstNode | undefined,
  objectPath: JsonPath,
  keyOnly: boolean,
  sep: string,
  fargate: boolean,
): CompletionItem[] {
  const step = schemaAt(schema, objectPath);
  const props = step?.schema.properties ?? {};
  const existing = new Set(
    at(tree, ...objectPath)?.type === 'object'
      ? (at(tree, ...objectPath) as { properties: { key: string }[] }).properties.map((p) => p.key)
      : [],
  );
  const owner = step?.schema.title ?? '';
  const items: CompletionItem[] = [];
  for (const [name, member] of Object.entries(props)) {
    if (existing.has(name)) continue;
    const resolved = schemaAt(schema, [...objectPath, name])?.schema ?? member;
    const doc = member.markdownDescription
      ? { kind: 'markdown' as const, value: member.markdownDescription }
      : undefined;
    const base: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      detail: typeLabel(resolved),
      documentation: doc,
      filterText: `"${name}"`,
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: keyOnly ? `"${name}"` : `"${name}": ${valueSnippet(resolved)}${sep}`,
      ...(member.deprecationMessage ? { tags: [1] } : {}),
    };
    items.push(markNotOnFargate(base, owner, name, fargate));
    const block = MEMBER_SNIPPETS[`${owner}.${name}`];
    if (block && !keyOnly) {
      const snippet: CompletionItem = {
        ...base,
        label: `${name} (${block.label})`,
        detail: block.detail,
        insertText: `"${name}": ${renderJson(block.body)}${sep}`,
        kind: CompletionItemKind.Snippet,
        sortText: `~${name}`,
      };
      items.push(markNotOnFargate(snippet, owner, name, fargate));
    }
  }
  return sortMarkedLast(items);
}

function itemSnippets(schema: SchemaNode, path: JsonPath, sep: string): CompletionItem[] {
  const arrayStep = schemaAt(schema, path.slice(0, -1));
  const key =
    arrayStep?.owner && arrayStep.key
      ? `${arrayStep.owner}.${arrayStep.key}`
      : path.length === 1 && schema.type === 'array'
        ? 'RegisterTaskDefinitionRequest.containerDefinitions'
        : '';
  const block = own(ITEM_SNIPPETS, key);
  return block
    ? [
        {
          label: block.label,
          kind: CompletionItemKind.Snippet,
          detail: block.detail,
          insertTextFormat: InsertTextFormat.Snippet,
          insertText: `${renderJson(block.body)}${sep}`,
        },
      ]
    : [];
}

/**
 * The separator an insertion at `end` needs so the document stays valid JSON: a comma when another
 * member or item follows (`"a": 1 | "b": 2`), nothing before `}`, `]`, `,` or the end.
 */
export function separatorAfter(text: string, end: number): string {
  const scanner = createScanner(text, true);
  scanner.setPosition(end);
  switch (scanner.scan()) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.OpenBraceToken:
    case SyntaxKind.OpenBracketToken:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return ',';
    default:
      return '';
  }
}

export function typeLabel(s: SchemaNode): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.type === 'array') {
    const item = s.items?.$ref ? s.items.$ref.split('/').pop() : s.items?.type;
    return `${Array.isArray(item) ? item.join(' | ') : (item ?? 'any')}[]`;
  }
  return s.title ?? (Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any'));
}

export function valueSnippet(s: SchemaNode): string {
  if (s.enum) return `"\${1|${s.enum.join(',')}|}"`;
  switch (s.type) {
    case 'string':
      return '"$1"';
    case 'integer':
    case 'number':
      return '${1:0}';
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      return s.items?.type === 'string' ? '["$1"]' : '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}
