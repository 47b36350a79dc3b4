/**
 * The generated ECS schemas (schemas/*.schema.json, see scripts/gen-schemas.ts) and the variant the
 * language service validates each file shape against. Variants are derived in memory so the committed
 * files stay exactly the SDK's request shapes.
 */
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../facts/readOnlyFields';

/** A JSON schema node as generated (plus the few keywords we read). */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  markdownDescription?: string;
  deprecationMessage?: string;
  enum?: string[];
  'x-aws-enum'?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

/** File shapes the schemas apply to; the same names as shapes/model.ts (TaskDefShape, LaunchKind). */
export type SchemaKind =
  | 'register'
  | 'describe'
  | 'describe-wrapped'
  | 'codedeploy'
  | 'containers'
  | 'create-service'
  | 'update-service'
  | 'run-task';

/**
 * The generated schemas, read on first use: CloudFormation templates and most CLI runs never need
 * them, and as `require` calls a bundle keeps their ~400 KB of literals unevaluated until then.
 */
let generated: { td: SchemaNode; svc: SchemaNode; run: SchemaNode } | undefined;
function schemas(): { td: SchemaNode; svc: SchemaNode; run: SchemaNode } {
  return (generated ??= {
    td: require('../../../../schemas/task-definition.schema.json') as SchemaNode,
    svc: require('../../../../schemas/service.schema.json') as SchemaNode,
    run: require('../../../../schemas/run-task.schema.json') as SchemaNode,
  });
}

function withDefinitions(root: SchemaNode, defs: Record<string, SchemaNode> | undefined): SchemaNode {
  return { ...root, definitions: defs };
}

/**
 * Launch inputs are `--cli-input-json` files: the CLI takes any top-level member from the command line
 * too (`--service-name`), so the root's required members are not required in the file.
 */
function launchRoot(root: SchemaNode): SchemaNode {
  return { ...root, required: undefined, definitions: undefined };
}

/**
 * The task-definition root: RegisterTaskDefinition input plus the read-only describe fields (any value).
 * `family` and `containerDefinitions` are not required here: task/family-required and
 * task/container-definitions-required report them.
 */
function taskDefRoot(): SchemaNode {
  const { td } = schemas();
  const described = td.definitions!.TaskDefinition.properties!;
  const readonly = Object.fromEntries(
    DESCRIBE_ONLY_TASKDEF_FIELDS.map((f) => [
      f,
      { description: described[f]?.description, markdownDescription: described[f]?.markdownDescription },
    ]),
  );
  return {
    type: 'object',
    title: 'RegisterTaskDefinitionRequest',
    properties: { ...td.properties, ...readonly },
    additionalProperties: false,
  };
}

function build(kind: SchemaKind): SchemaNode {
  const { td, svc, run } = schemas();
  switch (kind) {
    case 'register':
    case 'codedeploy':
    case 'describe':
      return withDefinitions(taskDefRoot(), td.definitions);
    case 'describe-wrapped':
      return withDefinitions(
        {
          type: 'object',
          title: 'DescribeTaskDefinition output',
          properties: { taskDefinition: taskDefRoot(), tags: td.properties!.tags },
          additionalProperties: false,
        },
        td.definitions,
      );
    case 'containers':
      return withDefinitions(
        { type: 'array', title: 'Container definitions', items: { $ref: '#/definitions/ContainerDefinition' } },
        td.definitions,
      );
    case 'create-service':
      return withDefinitions(launchRoot(svc.definitions!.CreateServiceRequest), svc.definitions);
    case 'update-service':
      return withDefinitions(launchRoot(svc.definitions!.UpdateServiceRequest), svc.definitions);
    case 'run-task':
      return withDefinitions(launchRoot({ ...run, title: 'RunTaskRequest' }), run.definitions);
  }
}

const built = new Map<SchemaKind, SchemaNode>();

/** The schema a file shape is validated against (built once per kind; the inputs never change). */
export function schemaFor(kind: SchemaKind): SchemaNode {
  let s = built.get(kind);
  if (!s) built.set(kind, (s = build(kind)));
  return s;
}

export const ALL_SCHEMA_KINDS: SchemaKind[] = [
  'register',
  'describe',
  'describe-wrapped',
  'codedeploy',
  'containers',
  'create-service',
  'update-service',
  'run-task',
];

const SERVICE_ONLY = [
  'desiredCount',
  'loadBalancers',
  'schedulingStrategy',
  'deploymentController',
  'deploymentConfiguration',
  'serviceRegistries',
  'healthCheckGracePeriodSeconds',
  'serviceConnectConfiguration',
  'role',
];

function hasAnyKey(root: unknown, keys: string[]): boolean {
  const r = root as { type?: string; properties?: { key: string }[] } | undefined;
  return r?.type === 'object' && !!r.properties?.some((p) => keys.includes(p.key));
}

/**
 * The schema kind of a parsed document from the shape detector's result (DocumentModel): its first
 * task definition's shape, else its first launch input's kind. CloudFormation files have none.
 */
export function schemaKindOf(model: {
  dialect?: string;
  root?: unknown;
  taskDefs: { shape: string }[];
  launches: { kind: string }[];
}): SchemaKind | undefined {
  if (model.dialect === 'cfn') return undefined;
  const shape = model.taskDefs[0]?.shape;
  if (shape === 'describe') {
    return hasAnyKey(model.root, ['taskDefinition']) ? 'describe-wrapped' : 'describe';
  }
  if (shape && shape !== 'cfn') return shape as SchemaKind;
  const kind = model.launches[0]?.kind;
  // create-service files often leave `serviceName` to the command line; service-only members say which.
  if (kind === 'run-task' && hasAnyKey(model.root, SERVICE_ONLY)) return 'create-service';
  return kind === 'create-service' || kind === 'update-service' || kind === 'run-task' ? kind : undefined;
}
