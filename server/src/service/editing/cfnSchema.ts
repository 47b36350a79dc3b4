/**
 * The ECS resources of a CloudFormation template as completion sees them: each resource type's
 * Properties as an API schema with CloudFormation's differences applied (members CloudFormation lacks
 * removed, its own members added, `PlacementStrategies`), the CloudFormation spelling of every key for
 * where it sits (shapes/cfn/names.ts, reversed), and the walk from a path of template keys to the API
 * path the schema and the Fargate facts speak.
 */
import { childCtx, toApiKey, toCfnKey, type NameCtx } from '../shapes/cfn/names';
import { resolveRef, schemaAt, type JsonPath } from '../schema/navigate';
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../facts/readOnlyFields';
import { schemaFor, type SchemaKind, type SchemaNode } from '../schema/schemas';
import { API_NAMING, type Naming } from './snippetRender';
import { own } from '../own';

export const CFN_NAMING: Naming = {
  key: toCfnKey,
  child: childCtx,
};

/** What completion walks: an API-named schema, and how keys are spelled in the document. */
export interface CompletionScope {
  /** The CloudFormation resource type, or the schema kind of an ECS file. */
  type: string;
  /** The API-named schema of the resource's Properties or the file (definitions included). */
  schema: SchemaNode;
  /** The schema kind whose facts apply (task definition or service). */
  kind: SchemaKind;
  /** Naming context of the scope's root object. */
  ctx: NameCtx;
  naming: Naming;
}

export const ECS_RESOURCE_TYPES = ['AWS::ECS::TaskDefinition', 'AWS::ECS::Service', 'AWS::ECS::TaskSet'];

/** Every AWS::ECS type, the three above first (what `Type:` completes). */
export const ALL_ECS_TYPES = [
  ...ECS_RESOURCE_TYPES,
  'AWS::ECS::Cluster',
  'AWS::ECS::CapacityProvider',
  'AWS::ECS::ClusterCapacityProviderAssociations',
  'AWS::ECS::PrimaryTaskSet',
];

function omit(props: Record<string, SchemaNode> | undefined, keys: readonly string[]): Record<string, SchemaNode> {
  return Object.fromEntries(Object.entries(props ?? {}).filter(([k]) => !keys.includes(k)));
}

function pick(props: Record<string, SchemaNode> | undefined, keys: readonly string[]): Record<string, SchemaNode> {
  return Object.fromEntries(Object.entries(props ?? {}).filter(([k]) => keys.includes(k)));
}

const doc = (text: string): Pick<SchemaNode, 'description' | 'markdownDescription'> => ({
  description: text,
  markdownDescription: text,
});

function taskDefinition(): SchemaNode {
  const base = schemaFor('register');
  return { ...base, properties: omit(base.properties, DESCRIBE_ONLY_TASKDEF_FIELDS) };
}

/** CloudFormation's AWS::ECS::Service: no client token, `PlacementStrategies`, an object ForceNewDeployment. */
function service(): SchemaNode {
  const base = schemaFor('create-service');
  const props = omit(base.properties, ['clientToken', 'gatewayConnectors', 'monitoring', 'placementStrategy']);
  const strategies = base.properties?.placementStrategy;
  return {
    ...base,
    properties: {
      ...props,
      ...(strategies ? { placementStrategies: strategies } : {}),
      forceNewDeployment: {
        type: 'object',
        title: 'ForceNewDeployment',
        ...doc('Forces a new deployment of the service on stack update (CloudFormation only).'),
        properties: {
          enableForceNewDeployment: { type: 'boolean', ...doc('Whether to force a new deployment.') },
          forceNewDeploymentNonce: { type: 'string', ...doc('Change this value to force a new deployment.') },
        },
      },
    },
  };
}

/** CloudFormation's AWS::ECS::TaskSet (CreateTaskSet): the launch members it shares with a service, plus its own. */
function taskSet(): SchemaNode {
  const base = schemaFor('create-service');
  const shared = pick(base.properties, [
    'cluster',
    'taskDefinition',
    'capacityProviderStrategy',
    'launchType',
    'loadBalancers',
    'networkConfiguration',
    'platformVersion',
    'serviceRegistries',
    'tags',
  ]);
  return {
    ...base,
    title: 'CreateTaskSetRequest',
    properties: {
      ...shared,
      service: { type: 'string', ...doc('The short name or full ARN of the service to create the task set in.') },
      externalId: {
        type: 'string',
        ...doc('An optional non-unique tag that identifies this task set in external systems.'),
      },
      scale: {
        type: 'object',
        title: 'Scale',
        ...doc('The percentage of the service desired count the task set runs.'),
        properties: { unit: { type: 'string', enum: ['PERCENT'] }, value: { type: 'number', ...doc('0-100') } },
      },
    },
  };
}

const BUILDERS: Record<string, { build: () => SchemaNode; kind: SchemaKind; ctx: NameCtx }> = {
  'AWS::ECS::TaskDefinition': { build: taskDefinition, kind: 'register', ctx: 'plain' },
  'AWS::ECS::Service': { build: service, kind: 'create-service', ctx: 'plain' },
  'AWS::ECS::TaskSet': { build: taskSet, kind: 'create-service', ctx: 'launch-vpc-upper' },
};

const built = new Map<string, CompletionScope>();

export function cfnResourceSchema(type: string | undefined): CompletionScope | undefined {
  const b = type ? own(BUILDERS, type) : undefined;
  if (!type || !b) return undefined;
  let s = built.get(type);
  if (!s) built.set(type, (s = { type, schema: b.build(), kind: b.kind, ctx: b.ctx, naming: CFN_NAMING }));
  return s;
}

/** An ECS file written in YAML (a task definition for a deploy action): API names throughout. */
export function apiScope(kind: SchemaKind): CompletionScope {
  return { type: kind, schema: schemaFor(kind), kind, ctx: 'plain', naming: API_NAMING };
}

/** The API member a document key names in an object of schema `obj` and context `ctx`. */
export function apiKeyOf(
  obj: SchemaNode | undefined,
  ctx: NameCtx,
  cfnKey: string,
  naming: Naming = CFN_NAMING,
): string | undefined {
  const props = obj?.properties ?? {};
  if (ctx === 'map') return cfnKey;
  if (props[cfnKey] && naming === API_NAMING) return cfnKey;
  const direct = toApiKey(ctx, cfnKey);
  if (props[direct]) return direct;
  const lower = cfnKey.toLowerCase();
  const found =
    Object.keys(props).find((k) => naming.key(ctx, k) === cfnKey) ??
    Object.keys(props).find((k) => k.toLowerCase() === lower);
  if (found) return found;
  return typeof obj?.additionalProperties === 'object' ? cfnKey : undefined;
}

export interface ApiPath {
  path: JsonPath;
  /** Naming context of the value at the path. */
  ctx: NameCtx;
}

/** Document keys (under a resource's Properties) -> API path, or undefined where the path leaves the schema. */
export function toApiPath(res: CompletionScope, cfnPath: JsonPath): ApiPath | undefined {
  const path: JsonPath = [];
  let ctx = res.ctx;
  for (const seg of cfnPath) {
    if (typeof seg === 'number') {
      path.push(seg);
      continue;
    }
    const obj = schemaAt(res.schema, path)?.schema;
    const key = apiKeyOf(obj, ctx, seg, res.naming);
    if (key === undefined) return undefined;
    path.push(key);
    ctx = childCtx(ctx, key);
  }
  return { path, ctx };
}

/** The resolved schema at an API path. */
export function schemaOf(res: CompletionScope, path: JsonPath): SchemaNode | undefined {
  return schemaAt(res.schema, path)?.schema;
}

/** The resolved item schema of an array schema. */
export function itemsOf(res: CompletionScope, s: SchemaNode | undefined): SchemaNode | undefined {
  return s?.type === 'array' ? resolveRef(res.schema, s.items) : undefined;
}
