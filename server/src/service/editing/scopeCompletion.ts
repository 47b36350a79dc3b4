/**
 * Schema-driven completion inside one scope (a template resource's Properties, or an ECS file written
 * in YAML), in the document's syntax and spelling: property names with values to fill (Fargate-aware
 * choices from completionValues.ts) and block snippets, value lists, whole-item snippets, live EFS ids,
 * and `Ref`s to the template's task definitions where a service names its task definition.
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { at, str, type AstNode } from '../documents/ast';
import type { LiveEfs } from '../live';
import { schemaAt, type JsonPath } from '../schema/navigate';
import type { SchemaNode } from '../schema/schemas';
import { typeLabel } from './completion';
import { valueCompletions } from './completionValues';
import { memberItem, snippetItem, valueItem, type Offered } from './cfnItems';
import { apiKeyOf, itemsOf, schemaOf, type ApiPath, type CompletionScope } from './cfnSchema';
import { liveEfsValues } from './liveCompletion';
import { renderJson, renderYamlItem, renderYamlValue } from './snippetRender';
import { ITEM_SNIPPETS, MEMBER_SNIPPETS } from './snippets';
import type { TemplateCursor } from './templateCursor';
import { markNotOnFargate, sortMarkedLast } from './notOnFargate';

/** What the document says about the scope: its tree with API names, and whether it runs on Fargate. */
export interface Facts {
  tree?: AstNode;
  fargate: boolean;
}

const isObjectSchema = (s: SchemaNode): boolean => s.type === 'object' && !!s.properties;

/** Completion at `cur`, whose path in the scope is `api`. */
export function completeInScope(
  cur: TemplateCursor,
  res: CompletionScope,
  facts: Facts,
  api: ApiPath,
  live: LiveEfs | undefined,
): CompletionItem[] {
  const here = schemaOf(res, api.path);
  if (cur.kind === 'value') return [...valueItems(cur, res, facts, api.path, live), ...itemSnippets(cur, res, api, '')];
  if (here && isObjectSchema(here))
    return [...memberItems(cur, res, facts, api, here, ''), ...itemSnippets(cur, res, api, '')];
  if (cur.item) return valueItems(cur, res, facts, api.path, live);
  // YAML: a key typed under an array's key without `- `: offer the items' keys and items with the dash.
  const items = itemsOf(res, here);
  if (cur.syntax !== 'yaml' || !items) return [];
  const itemApi: ApiPath = { path: [...api.path, 0], ctx: api.ctx };
  if (isObjectSchema(items))
    return [...memberItems(cur, res, facts, itemApi, items, '- '), ...itemSnippets(cur, res, itemApi, '- ')];
  return valueItems(cur, res, facts, itemApi.path, live).map((i) => ({
    ...i,
    label: `- ${i.label}`,
    filterText: i.label,
    insertText: `- ${i.insertText}`,
  }));
}

function offered(items: CompletionItem[]): Offered[] {
  return items.map((i) => ({
    value: i.label,
    string: typeof i.insertText === 'string' && i.insertText.startsWith('"'),
  }));
}

/** Values for a snippet choice: in display order, retired ones left out. */
function choices(items: CompletionItem[]): Offered[] {
  const live = items.filter((i) => !i.tags?.includes(CompletionItemTag.Deprecated));
  return offered(
    live
      .map((i, n) => ({ i, n }))
      .sort((a, b) => (a.i.sortText ?? '').localeCompare(b.i.sortText ?? '') || a.n - b.n)
      .map((x) => x.i),
  );
}

function schemaValues(res: CompletionScope, facts: Facts, path: JsonPath): CompletionItem[] {
  return valueCompletions({ schema: res.schema, tree: facts.tree, path, kind: res.kind, fargate: facts.fargate });
}

function memberItems(
  cur: TemplateCursor,
  res: CompletionScope,
  facts: Facts,
  api: ApiPath,
  obj: SchemaNode,
  dash: string,
): CompletionItem[] {
  const present = new Set(dash ? [] : cur.siblings.map((k) => apiKeyOf(obj, api.ctx, k, res.naming)));
  const out: CompletionItem[] = [];
  for (const [apiKey, member] of Object.entries(obj.properties ?? {})) {
    if (present.has(apiKey)) continue;
    const path = [...api.path, apiKey];
    const resolved = schemaOf(res, path) ?? member;
    const name = res.naming.key(api.ctx, apiKey);
    const known =
      resolved.type === 'array' || resolved.type === 'object' ? [] : choices(schemaValues(res, facts, path));
    const itemKnown = resolved.type === 'array' ? choices(schemaValues(res, facts, [...path, 0])) : [];
    const detail = typeLabel(resolved);
    const item = memberItem(
      cur,
      {
        name,
        schema: resolved,
        detail,
        documentation: member.markdownDescription,
        deprecated: !!member.deprecationMessage,
        known,
        itemKnown,
      },
      dash,
    );
    out.push(markNotOnFargate(item, obj.title, apiKey, facts.fargate));
    const block = MEMBER_SNIPPETS[`${obj.title}.${apiKey}`];
    if (!block || cur.keyOnly) continue;
    const ctx = res.naming.child(api.ctx, apiKey);
    const text =
      cur.syntax === 'yaml'
        ? `${dash}${name}:${renderYamlValue(block.body, { col: cur.col + dash.length, unit: cur.unit }, res.naming, ctx)}`
        : `${JSON.stringify(name)}: ${renderJson(block.body, res.naming, ctx)}`;
    const snippet = {
      ...snippetItem(cur, `${name} (${block.label})`, block.detail, text, `~${name}`),
      filterText: cur.syntax === 'yaml' ? name : JSON.stringify(name),
    };
    out.push(markNotOnFargate(snippet, obj.title, apiKey, facts.fargate));
  }
  return sortMarkedLast(out);
}

/** Whole-item snippets (a container, an EFS volume, a port mapping) where a new array item starts. */
function itemSnippets(cur: TemplateCursor, res: CompletionScope, api: ApiPath, dash: string): CompletionItem[] {
  const last = api.path[api.path.length - 1];
  if (typeof last !== 'number') return [];
  const fresh =
    cur.syntax === 'json'
      ? cur.kind === 'value' && cur.bare
      : cur.kind === 'key' && !cur.keyOnly && cur.siblings.length === 0;
  if (!fresh) return [];
  const arrayStep = schemaAt(res.schema, api.path.slice(0, -1));
  const block = arrayStep?.owner && arrayStep.key ? ITEM_SNIPPETS[`${arrayStep.owner}.${arrayStep.key}`] : undefined;
  if (!block) return [];
  const text =
    cur.syntax === 'yaml'
      ? `${dash}${renderYamlItem(block.body, { col: cur.col + dash.length, unit: cur.unit }, res.naming, api.ctx)}`
      : renderJson(block.body, res.naming, api.ctx);
  return [snippetItem(cur, block.label, block.detail, text)];
}

function valueItems(
  cur: TemplateCursor,
  res: CompletionScope,
  facts: Facts,
  path: JsonPath,
  live: LiveEfs | undefined,
): CompletionItem[] {
  const out: CompletionItem[] = [];
  if (path.length === 1 && path[0] === 'taskDefinition') {
    for (const r of cur.resources()) {
      if (r.type !== 'AWS::ECS::TaskDefinition') continue;
      const insertText = cur.syntax === 'yaml' ? `!Ref ${r.id}` : `{ "Ref": ${JSON.stringify(r.id)} }`;
      out.push(
        valueItem(
          cur,
          { value: r.id, string: true },
          {
            label: `!Ref ${r.id}`,
            kind: CompletionItemKind.Reference,
            detail: 'task definition in this template',
            insertText,
            filterText: insertText,
            sortText: '0',
          },
        ),
      );
    }
  }
  for (const i of schemaValues(res, facts, path)) {
    const extra: Partial<CompletionItem> = { kind: i.kind, detail: i.detail, sortText: i.sortText };
    if (i.tags?.includes(CompletionItemTag.Deprecated)) Object.assign(extra, { tags: [CompletionItemTag.Deprecated] });
    out.push(valueItem(cur, offered([i])[0], extra));
  }
  for (const v of liveEfsValues(path, (efs) => str(at(facts.tree, ...efs, 'fileSystemId')), live)) {
    out.push(
      valueItem(
        cur,
        { value: v.value, string: true },
        { detail: v.detail, documentation: v.documentation, sortText: v.sortText },
      ),
    );
  }
  return out;
}
