/**
 * Typed views over a parsed document: the task definitions and the launch inputs (service, run-task,
 * CloudFormation launching resources) it holds. Rules read these views, never raw syntax.
 */
import { child, isObject, objects, str, strings, type AstNode, type ObjectNode, type Span } from '../documents/ast';

export type TaskDefShape = 'register' | 'describe' | 'codedeploy' | 'containers' | 'cfn';

export interface TaskDefModel {
  shape: TaskDefShape;
  /** Task-level object; undefined for a bare array of container definitions (Terraform style). */
  root?: ObjectNode;
  /** The `containerDefinitions` array node, or the root array for the containers shape. */
  containersNode?: AstNode;
  containers: ObjectNode[];
  volumes: ObjectNode[];
  family?: string;
  /** Human name for messages: the family, or the CloudFormation logical id. */
  label: string;
  /** CloudFormation logical id of the resource, when the task definition is a template resource. */
  logicalId?: string;
  /** `requiresCompatibilities` literal values, undefined when absent or not known. */
  compatibilities?: string[];
  /** Whether Fargate rules apply, and why. */
  fargate: boolean;
  /** Set when Fargate-ness comes from a launch input in another file (or resource). */
  fargateVia?: { uri: string; span: Span; label: string };
  windows: boolean;
  /**
   * Effective network mode: the literal, 'bridge' when omitted (the API default), undefined when unknown
   * or not a valid mode (task/network-mode-enum reports that value; rules that depend on the mode add
   * nothing to it: one root cause, one error).
   */
  networkMode?: string;
  /** Span of the whole task definition (the root object, or the CFN resource), for related information. */
  span: Span;
}

export type LaunchKind =
  | 'create-service'
  | 'update-service'
  | 'run-task'
  | 'cfn-service'
  | 'cfn-taskset'
  | 'cfn-events-rule'
  | 'cfn-scheduler'
  | 'cfn-pipes';

export interface LaunchModel {
  kind: LaunchKind;
  /** The object holding the launch fields (normalised to API names). */
  node: ObjectNode;
  label: string;
  /** The task definition reference node (string family, family:revision, ARN, or a CFN Ref/GetAtt). */
  taskDefinition?: AstNode;
  /** For CloudFormation: the logical id the reference resolves to (Ref / GetAtt). */
  taskDefinitionLogicalId?: string;
  platformVersion?: AstNode;
  launchType?: AstNode;
  capacityProviderStrategy?: AstNode;
  /** The awsvpc configuration node if given (any of the API / CFN spellings). */
  networkConfiguration?: AstNode;
  enableExecuteCommand?: AstNode;
  /** Task role override (run-task `overrides.taskRoleArn`). */
  taskRoleOverride?: AstNode;
  /** Span used when a finding concerns the launch as a whole (its key, or the resource's Type). */
  anchor: Span;
}

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'];

/** Whether a launch runs on Fargate: launch type, or a Fargate capacity provider. Undefined when unknown. */
export function launchIsFargate(l: LaunchModel): boolean | undefined {
  const lt = str(l.launchType);
  if (lt) return lt === 'FARGATE';
  if (l.launchType) return undefined;
  const providers = objects(l.capacityProviderStrategy).map((o) => str(child(o, 'capacityProvider')));
  if (providers.length) return providers.some((p) => p !== undefined && FARGATE_PROVIDERS.includes(p));
  return undefined;
}

const WINDOWS = /^WINDOWS_/;
const MODES = new Set(['awsvpc', 'bridge', 'host', 'none']);
const validMode = (v: string | undefined): string | undefined => (v !== undefined && MODES.has(v) ? v : undefined);

/** Builds the task-definition view of a task-level object (register, describe or CFN properties). */
export function taskDefFromObject(
  root: ObjectNode,
  shape: TaskDefShape,
  extra: { label?: string; logicalId?: string; span?: Span } = {},
): TaskDefModel {
  const containersNode = child(root, 'containerDefinitions');
  const compatNode = child(root, 'requiresCompatibilities');
  const compatibilities = compatNode && !compatNode.unknown ? strings(compatNode).map((s) => s.value) : undefined;
  const family = str(child(root, 'family'));
  const osFamily = str(child(child(root, 'runtimePlatform'), 'operatingSystemFamily'));
  const nm = child(root, 'networkMode');
  return {
    shape,
    root,
    containersNode,
    containers: objects(containersNode),
    volumes: objects(child(root, 'volumes')),
    family,
    label: extra.label ?? family ?? 'task definition',
    logicalId: extra.logicalId,
    compatibilities,
    fargate: !!compatibilities?.includes('FARGATE'),
    windows: !!osFamily && WINDOWS.test(osFamily),
    networkMode: nm === undefined ? 'bridge' : validMode(str(nm)),
    span: extra.span ?? { offset: root.offset, length: root.length },
  };
}

/** Builds the container-only view of a bare container-definition array. */
export function taskDefFromContainers(arr: AstNode): TaskDefModel {
  return {
    shape: 'containers',
    containersNode: arr,
    containers: objects(arr),
    volumes: [],
    label: 'container definitions',
    fargate: false,
    windows: false,
    networkMode: undefined,
    span: { offset: arr.offset, length: arr.length },
  };
}

export function isTaskLevel(td: TaskDefModel): td is TaskDefModel & { root: ObjectNode } {
  return isObject(td.root);
}

/** The container's `name` literal, if known. */
export function containerName(c: ObjectNode): string | undefined {
  return str(child(c, 'name'));
}
