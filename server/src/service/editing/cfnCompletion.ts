/**
 * Completion in CloudFormation templates, YAML and JSON: resource attributes and ECS `Type` values
 * under a logical id, and inside the Properties of AWS::ECS::TaskDefinition, Service and TaskSet the
 * same schema-driven, Fargate-aware completion as ECS JSON files (completionValues.ts), with
 * CloudFormation's key spellings (cfnSchema.ts) and block YAML snippets. `!Ref` / `!GetAtt` targets
 * and `Ref`s to the template's task definitions are offered too. The cursor comes from the text
 * (templateCursor.ts), the document facts (cpu, containers, volumes) from the parse tree when it has
 * the resource.
 */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { at, child, isObject, objects, str } from '../documents/ast';
import type { LiveEfs } from '../live';
import type { SchemaKind } from '../schema/schemas';
import { normalise } from '../shapes/cfn/normalise';
import { FARGATE_PROVIDERS, launchIsFargate, type LaunchModel } from '../shapes/model';
import type { CompletionResult } from './completion';
import { resourceAttributeItems, valueItem } from './cfnItems';
import { ALL_ECS_TYPES, apiScope, cfnResourceSchema, toApiPath, type CompletionScope } from './cfnSchema';
import { completeInScope, type Facts } from './scopeCompletion';
import { templateCursor, type TemplateCursor, type TemplateText } from './templateCursor';
import { isFargateTask, taskDefView } from './view';
import { own } from '../own';

export interface TemplateDoc extends TemplateText {
  launches: LaunchModel[];
}

export interface TemplateOptions {
  live?: LiveEfs;
  /** The character that triggered the request: a space typed to indent a new line offers nothing. */
  trigger?: string;
}

export function completeTemplate(doc: TemplateDoc, offset: number, opts: TemplateOptions = {}): CompletionResult {
  const cur = templateCursor(doc, offset);
  if (!cur) return { items: [], replace: { offset, length: 0 } };
  return { items: route(doc, cur, opts), replace: cur.replace };
}

/** An ECS file written in YAML (not a template): the same completion with API names from the root. */
export function completeYamlFile(
  doc: TemplateText,
  offset: number,
  kind: SchemaKind,
  opts: TemplateOptions & { fargate?: boolean } = {},
): CompletionResult {
  const cur = templateCursor({ ...doc, syntax: 'yaml' }, offset);
  if (!cur || (opts.trigger === ' ' && cur.kind === 'key' && !cur.item && cur.typed === ''))
    return { items: [], replace: { offset, length: 0 } };
  const scope = apiScope(kind);
  const api = toApiPath(scope, cur.path);
  const facts = { tree: doc.root, fargate: opts.fargate ?? isFargateTask(taskDefView(doc.root)) };
  return {
    items: api ? completeInScope({ ...cur, resources: () => [] }, scope, facts, api, opts.live) : [],
    replace: cur.replace,
  };
}

function route(doc: TemplateDoc, cur: TemplateCursor, opts: TemplateOptions): CompletionItem[] {
  const p = cur.path;
  if (p[0] !== 'Resources' || typeof p[1] !== 'string') return [];
  if (cur.syntax === 'yaml' && opts.trigger === ' ' && cur.kind === 'key' && !cur.item && cur.typed === '') return [];
  const intrinsic = cur.kind === 'value' ? intrinsicItems(cur) : undefined;
  if (intrinsic) return intrinsic;
  if (p.length === 2) return cur.kind === 'key' ? resourceAttributeItems(cur) : [];
  if (p.length === 3 && p[2] === 'Type') {
    return cur.kind === 'value'
      ? ALL_ECS_TYPES.map((t, i) =>
          valueItem(
            cur,
            { value: t, string: true },
            { kind: CompletionItemKind.Class, sortText: String(i).padStart(2, '0') },
          ),
        )
      : [];
  }
  if (p[2] !== 'Properties') return [];
  const res = cfnResourceSchema(cur.resourceType);
  const api = res && toApiPath(res, p.slice(3));
  if (!res || !api) return [];
  return completeInScope(cur, res, resourceFacts(doc, p[1], res), api, opts.live);
}

/** The normalised Properties of the resource and whether it runs on Fargate (from the template). */
function resourceFacts(doc: TemplateDoc, id: string, res: CompletionScope): Facts {
  const raw = at(doc.root, 'Resources', id, 'Properties');
  const env = { params: new Map(), resources: new Set<string>(), ctxOf: new WeakMap(), propCtx: new WeakMap() };
  const tree = isObject(raw) ? normalise(raw, res.ctx, env) : undefined;
  if (res.type === 'AWS::ECS::TaskDefinition') {
    const launched = doc.launches.some((l) => l.taskDefinitionLogicalId === id && launchIsFargate(l) === true);
    return { tree, fargate: launched || isFargateTask(taskDefView(tree)) };
  }
  const providers = objects(child(tree, 'capacityProviderStrategy')).map(
    (o) => str(child(o, 'capacityProvider')) ?? '',
  );
  return {
    tree,
    fargate: str(child(tree, 'launchType')) === 'FARGATE' || providers.some((p) => FARGATE_PROVIDERS.includes(p)),
  };
}

/** Attributes `!GetAtt` offers per resource type. */
const GETATT: Record<string, string[]> = {
  'AWS::ECS::TaskDefinition': ['TaskDefinitionArn'],
  'AWS::ECS::Service': ['ServiceArn', 'Name'],
  'AWS::ECS::TaskSet': ['Id'],
  'AWS::ECS::Cluster': ['Arn'],
};

/** Targets of `Ref` / `!Ref` and `Fn::GetAtt` / `!GetAtt`; [] inside another intrinsic; undefined elsewhere. */
function intrinsicItems(cur: TemplateCursor): CompletionItem[] | undefined {
  const last = cur.path[cur.path.length - 1];
  const prev = cur.path[cur.path.length - 2];
  const ref = cur.tag === '!Ref' || (cur.syntax === 'json' && last === 'Ref');
  const getAtt = cur.tag === '!GetAtt' || (cur.syntax === 'json' && prev === 'Fn::GetAtt' && last === 0);
  const ids = (withAttrs: boolean) =>
    cur
      .resources()
      .filter((r) => r.id !== cur.path[1])
      .flatMap((r) => {
        const attrs = withAttrs ? (own(GETATT, r.type ?? '') ?? []) : [];
        const names = attrs.length ? attrs.map((a) => `${r.id}.${a}`) : [r.id];
        return names.map((n) =>
          valueItem(
            cur,
            { value: n, string: true },
            { kind: CompletionItemKind.Reference, detail: r.type ?? 'resource' },
          ),
        );
      });
  if (ref)
    return [
      ...ids(false),
      ...cur
        .parameters()
        .map((p) =>
          valueItem(cur, { value: p, string: true }, { kind: CompletionItemKind.Variable, detail: 'parameter' }),
        ),
    ];
  if (getAtt) return ids(cur.syntax === 'yaml');
  if (cur.tag || cur.path.some((s) => s === 'Ref' || (typeof s === 'string' && s.startsWith('Fn::')))) return [];
  return undefined;
}
