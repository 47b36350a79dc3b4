/**
 * Where a run-time failure points in a task definition: the member of the workspace file that causes a
 * stopped task's failure (the image for a pull failure, the secret's valueFrom for a secret fetch
 * failure, the container's memory for an OOM kill...). Works on JSON and CloudFormation models alike
 * (their keys are already in API spelling). Pure: used by the CLI's `diagnose` and the server.
 */
import { child, isObject, objects, prop, str, type ObjectNode, type Span } from './documents/ast';
import type { DocumentModel } from './shapes/document';
import type { TaskDefModel } from './shapes/model';

/** The members a failure can point at (the failure catalogue names them, most specific first). */
export type MemberKind =
  | 'image'
  | 'repositoryCredentials'
  | 'executionRoleArn'
  | 'taskRoleArn'
  | 'secret'
  | 'logGroup'
  | 'efsVolume'
  | 'command'
  | 'memory'
  | 'runtimePlatform'
  | 'portMappings'
  | 'healthCheck'
  | 'launchNetwork'
  | 'capacityProvider';

export interface MemberLocation {
  readonly span: Span;
  /** A readable path, e.g. `containerDefinitions[name=web].memory`. */
  readonly path: string;
}

export interface LocateOptions {
  /** The container the failure is in. */
  readonly container?: string;
  /** A name or ARN ECS quoted in the reason (a secret, a log group), to pick one member among several. */
  readonly quoted?: string;
}

/** The task definitions of `family` among the documents (JSON files and CloudFormation resources). */
export function taskDefsOfFamily(
  docs: readonly DocumentModel[],
  family: string,
): { doc: DocumentModel; td: TaskDefModel }[] {
  const out: { doc: DocumentModel; td: TaskDefModel }[] = [];
  for (const doc of docs) for (const td of doc.taskDefs) if (td.family === family) out.push({ doc, td });
  return out;
}

/** The family of a task-definition ARN or `family:revision`. */
export function familyOf(taskDefinition: string): string | undefined {
  const m = /(?:task-definition\/)?([A-Za-z0-9_-]{1,255})(?::\d+)?$/.exec(taskDefinition);
  return m?.[1];
}

/** The key of an object or array member, the value of a scalar: what an editor should underline. */
function spanOf(node: ObjectNode, key: string): Span | undefined {
  const p = prop(node, key);
  if (!p) return undefined;
  const v = p.value;
  return v.type === 'object' || v.type === 'array' ? p.keySpan : { offset: v.offset, length: v.length };
}

function containerOf(td: TaskDefModel, name: string | undefined): { node: ObjectNode; index: number } | undefined {
  const i = name === undefined ? -1 : td.containers.findIndex((c) => str(child(c, 'name')) === name);
  if (i >= 0) return { node: td.containers[i], index: i };
  return td.containers.length === 1 ? { node: td.containers[0], index: 0 } : undefined;
}

function containerPath(c: { node: ObjectNode; index: number }): string {
  const name = str(child(c.node, 'name'));
  return name ? `containerDefinitions[name=${name}]` : `containerDefinitions[${c.index}]`;
}

function inContainer(c: { node: ObjectNode; index: number }, key: string): MemberLocation | undefined {
  const span = spanOf(c.node, key);
  return span ? { span, path: `${containerPath(c)}.${key}` } : undefined;
}

function atRoot(td: TaskDefModel, key: string): MemberLocation | undefined {
  const span = td.root ? spanOf(td.root, key) : undefined;
  return span ? { span, path: key } : undefined;
}

function secretOf(c: { node: ObjectNode; index: number }, quoted: string | undefined): MemberLocation | undefined {
  const secrets = objects(child(c.node, 'secrets'));
  const pick = secrets.findIndex((s) => {
    const v = str(child(s, 'valueFrom'));
    return !!v && !!quoted && (quoted.includes(v) || v.includes(quoted) || baseArn(v) === baseArn(quoted));
  });
  const index = pick >= 0 ? pick : secrets.length === 1 ? 0 : -1;
  if (index < 0) return inContainer(c, 'secrets');
  const name = str(child(secrets[index], 'name'));
  const span = spanOf(secrets[index], 'valueFrom');
  return span ? { span, path: `${containerPath(c)}.secrets[name=${name ?? index}].valueFrom` } : undefined;
}

/** A Secrets Manager ARN without the JSON key/version suffix and the random 6-character suffix. */
function baseArn(arn: string): string {
  const m = /^(arn:[^:]+:secretsmanager:[^:]+:\d+:secret:[^:]+?)(?:-[A-Za-z0-9]{6})?(?::.*)?$/.exec(arn);
  return m ? m[1] : arn;
}

function efsVolumeOf(td: TaskDefModel, c: { node: ObjectNode } | undefined): MemberLocation | undefined {
  const mounted = new Set(objects(child(c?.node, 'mountPoints')).map((m) => str(child(m, 'sourceVolume'))));
  const withEfs = td.volumes.map((v, i) => ({ v, i })).filter(({ v }) => isObject(child(v, 'efsVolumeConfiguration')));
  const hit = withEfs.find(({ v }) => mounted.has(str(child(v, 'name')))) ?? withEfs[0];
  if (!hit) return atRoot(td, 'volumes');
  const span = spanOf(hit.v, 'efsVolumeConfiguration');
  const name = str(child(hit.v, 'name'));
  return span ? { span, path: `volumes[name=${name ?? hit.i}].efsVolumeConfiguration` } : undefined;
}

/** The first of `kinds` that the task definition has, for the container named (if any). */
export function locateMember(
  td: TaskDefModel,
  kinds: readonly MemberKind[],
  opts: LocateOptions = {},
): MemberLocation | undefined {
  const c = containerOf(td, opts.container);
  for (const kind of kinds) {
    let loc: MemberLocation | undefined;
    switch (kind) {
      case 'image':
      case 'repositoryCredentials':
      case 'portMappings':
      case 'healthCheck':
        loc = c && inContainer(c, kind);
        break;
      case 'command':
        loc = c && (inContainer(c, 'entryPoint') ?? inContainer(c, 'command'));
        break;
      case 'memory':
        loc = (c && (inContainer(c, 'memory') ?? inContainer(c, 'memoryReservation'))) ?? atRoot(td, 'memory');
        break;
      case 'secret':
        loc = c && secretOf(c, opts.quoted);
        break;
      case 'logGroup': {
        const lc = c && child(c.node, 'logConfiguration');
        const options = isObject(lc) ? child(lc, 'options') : undefined;
        const span = isObject(options) ? spanOf(options, 'awslogs-group') : undefined;
        loc =
          span && c
            ? { span, path: `${containerPath(c)}.logConfiguration.options.awslogs-group` }
            : c && inContainer(c, 'logConfiguration');
        break;
      }
      case 'efsVolume':
        loc = efsVolumeOf(td, c);
        break;
      case 'executionRoleArn':
      case 'taskRoleArn':
      case 'runtimePlatform':
        loc = atRoot(td, kind);
        break;
      case 'launchNetwork':
      case 'capacityProvider':
        loc = undefined; // members of the service or run-task input, not of the task definition
        break;
      default: {
        const never: never = kind;
        return never;
      }
    }
    if (loc) return loc;
  }
  // Nothing more specific: the container, else the task definition itself.
  if (c) {
    const name = prop(c.node, 'name');
    return { span: name ? name.keySpan : { offset: c.node.offset, length: 1 }, path: containerPath(c) };
  }
  return undefined;
}
