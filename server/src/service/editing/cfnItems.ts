/**
 * Completion items for templates and YAML files, in the document's own syntax: `Key: ` with a block YAML value laid
 * out from the key's column (inserted as is), or `"Key": value` in JSON; values as YAML scalars
 * (`'256'` for a numeric string) or JSON literals.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem } from 'vscode-languageserver-types';
import type { SchemaNode } from '../schema/schemas';
import { valueSnippet } from './completion';
import type { TemplateCursor } from './templateCursor';
import { yamlScalar } from './yamlScalar';

/** A value to offer: the plain value, and whether it is a string (quoted in JSON, maybe in YAML). */
export interface Offered {
  value: string;
  string: boolean;
}

/** Choices longer than this are left to value completion instead of a snippet choice. */
const MAX_CHOICES = 30;

function escapeChoice(s: string): string {
  return s.replace(/[,|\\$}]/g, '\\$&');
}

export function formatValue(cur: TemplateCursor, v: Offered): string {
  if (cur.syntax === 'json') return v.string ? JSON.stringify(v.value) : v.value;
  return v.string ? yamlScalar(v.value, cur.inFlow) : v.value;
}

/** A value completion item in the cursor's syntax (a space first right after `Key:`). */
export function valueItem(cur: TemplateCursor, v: Offered, extra: Partial<CompletionItem> = {}): CompletionItem {
  const text = extra.insertText ?? formatValue(cur, v);
  const quoted = /^['"]/.test(cur.typed);
  return {
    label: v.value,
    kind: CompletionItemKind.Value,
    filterText: cur.syntax === 'json' || quoted ? text : v.value,
    ...extra,
    insertText: `${cur.needsSpace ? ' ' : ''}${text}`,
  };
}

/** The value part of a new member, for a value schema and the values known for it. */
function memberValue(cur: TemplateCursor, s: SchemaNode, known: Offered[], itemKnown: Offered[]): string {
  const choice = (vs: Offered[]) =>
    `\${1|${vs.map((v) => escapeChoice(cur.syntax === 'yaml' ? formatValue(cur, v) : v.value)).join(',')}|}`;
  const usable = (vs: Offered[]) => vs.length > 0 && vs.length <= MAX_CHOICES;
  if (cur.syntax === 'json') {
    if (usable(known)) return known[0].string ? `"${choice(known)}"` : choice(known);
    if (s.type === 'array' && usable(itemKnown))
      return itemKnown[0].string ? `["${choice(itemKnown)}"]` : `[${choice(itemKnown)}]`;
    return valueSnippet(s);
  }
  const pad = ' '.repeat(cur.col + cur.unit);
  if (usable(known)) return ` ${choice(known)}`;
  if (s.type === 'array') return `\n${pad}- ${usable(itemKnown) ? choice(itemKnown) : '$1'}`;
  if (s.type === 'object' || s.properties || s.additionalProperties) return `\n${pad}$1`;
  return ' $1';
}

export interface MemberSpec {
  name: string;
  schema: SchemaNode;
  detail: string;
  documentation?: string;
  deprecated?: boolean;
  known: Offered[];
  itemKnown: Offered[];
}

/** A property-name item: the key alone when a `:` follows already, else the key and a value to fill. */
export function memberItem(cur: TemplateCursor, m: MemberSpec, dash = ''): CompletionItem {
  const yaml = cur.syntax === 'yaml';
  const key = yaml ? m.name : JSON.stringify(m.name);
  const insertText = cur.keyOnly
    ? key
    : `${dash}${key}${yaml ? ':' : ': '}${memberValue(dash ? { ...cur, col: cur.col + dash.length } : cur, m.schema, m.known, m.itemKnown)}`;
  return {
    label: m.name,
    kind: CompletionItemKind.Property,
    detail: dash ? `new item: ${m.detail}` : m.detail,
    ...(m.documentation ? { documentation: { kind: 'markdown' as const, value: m.documentation } } : {}),
    filterText: yaml ? m.name : key,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText,
    ...(yaml ? { insertTextMode: InsertTextMode.asIs } : {}),
    ...(m.deprecated ? { tags: [1 as const] } : {}),
  };
}

/** A block snippet item (`Key (label)`, or an array item). */
export function snippetItem(
  cur: TemplateCursor,
  label: string,
  detail: string,
  insertText: string,
  sortText?: string,
): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText,
    ...(sortText ? { sortText } : {}),
    ...(cur.syntax === 'yaml' ? { insertTextMode: InsertTextMode.asIs } : {}),
  };
}

/** Resource attributes offered under a logical id. */
const RESOURCE_ATTRIBUTES: { name: string; detail: string; schema: SchemaNode; known?: string[] }[] = [
  {
    name: 'Type',
    detail: 'resource type',
    schema: { type: 'string' },
    known: ['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ECS::TaskSet'],
  },
  { name: 'Properties', detail: 'resource properties', schema: { type: 'object' } },
  { name: 'DependsOn', detail: 'logical id(s) created first', schema: { type: 'string' } },
  { name: 'Condition', detail: 'condition name', schema: { type: 'string' } },
  {
    name: 'DeletionPolicy',
    detail: 'on stack deletion',
    schema: { type: 'string' },
    known: ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'],
  },
  {
    name: 'UpdateReplacePolicy',
    detail: 'on replacement',
    schema: { type: 'string' },
    known: ['Delete', 'Retain', 'Snapshot'],
  },
  { name: 'Metadata', detail: 'resource metadata', schema: { type: 'object' } },
];

export function resourceAttributeItems(cur: TemplateCursor): CompletionItem[] {
  const present = new Set(cur.siblings);
  return RESOURCE_ATTRIBUTES.filter((a) => !present.has(a.name)).map((a, i) => ({
    ...memberItem(cur, {
      name: a.name,
      schema: a.schema,
      detail: a.detail,
      known: (a.known ?? []).map((value) => ({ value, string: true })),
      itemKnown: [],
    }),
    sortText: String(i),
  }));
}
