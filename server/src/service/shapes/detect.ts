/**
 * Content-based detection of the file shapes Fargate Lens checks, for JSON documents:
 * RegisterTaskDefinition input, describe-task-definition output (wrapped or not), CodeDeploy
 * taskdef.json, a bare array of container definitions, and create-service / update-service /
 * run-task inputs. Anything else is not ours and gets no diagnostics.
 */
import { DESCRIBE_ONLY_TASKDEF_FIELDS } from '../facts/readOnlyFields';
import { child, isArray, isObject, objects, prop, str, type AstNode, type ObjectNode } from '../documents/ast';
import {
  taskDefFromContainers,
  taskDefFromObject,
  type LaunchKind,
  type LaunchModel,
  type TaskDefModel,
} from './model';

const IMAGE_PLACEHOLDER = /^<IMAGE\d+_NAME>$/;

export interface Detected {
  taskDefs: TaskDefModel[];
  launches: LaunchModel[];
}

export function detectJsonShapes(root: AstNode | undefined, force = false): Detected {
  const none: Detected = { taskDefs: [], launches: [] };
  if (!root) return none;
  if (isArray(root)) {
    const objs = objects(root);
    const looksLikeContainers = objs.length > 0 && objs.every((o) => prop(o, 'name') && prop(o, 'image'));
    return looksLikeContainers || (force && objs.length > 0)
      ? { taskDefs: [taskDefFromContainers(root)], launches: [] }
      : none;
  }
  if (!isObject(root)) return none;

  const wrapped = child(root, 'taskDefinition');
  if (isObject(wrapped) && (prop(wrapped, 'containerDefinitions') || prop(wrapped, 'family'))) {
    return { taskDefs: [taskDefFromObject(wrapped, 'describe')], launches: [] };
  }
  if (prop(root, 'containerDefinitions')) {
    const td = taskDefFromObject(root, 'register');
    if (td.containers.some((c) => IMAGE_PLACEHOLDER.test(rawString(child(c, 'image')) ?? ''))) td.shape = 'codedeploy';
    else if (DESCRIBE_ONLY_TASKDEF_FIELDS.some((f) => prop(root, f))) td.shape = 'describe';
    return { taskDefs: [td], launches: [] };
  }
  const launch = launchFromObject(root);
  if (launch) return { taskDefs: [], launches: [launch] };
  if (force && prop(root, 'family')) return { taskDefs: [taskDefFromObject(root, 'register')], launches: [] };
  return none;
}

function rawString(node: AstNode | undefined): string | undefined {
  return node && node.type === 'string' ? String(node.value) : undefined;
}

/** Members only CreateService has (the service name may come from the command line instead). */
const SERVICE_ONLY_KEYS = [
  'serviceName',
  'desiredCount',
  'loadBalancers',
  'serviceRegistries',
  'schedulingStrategy',
  'deploymentConfiguration',
  'deploymentController',
  'healthCheckGracePeriodSeconds',
  'serviceConnectConfiguration',
  'placementStrategy',
];
const RUN_TASK_KEYS = [
  'count',
  'overrides',
  'startedBy',
  'group',
  'placementConstraints',
  'referenceId',
  'clientToken',
  'volumeConfigurations',
];
const COMMON_KEYS = [
  'cluster',
  'launchType',
  'platformVersion',
  'networkConfiguration',
  'capacityProviderStrategy',
  'enableExecuteCommand',
];

/** A create-service, update-service or run-task input (the AWS CLI's --cli-input-json files). */
export function launchFromObject(root: ObjectNode): LaunchModel | undefined {
  // A create-task-set input (`scale`, `externalId`: members only CreateTaskSet has) is not a service.
  if (prop(root, 'scale') || prop(root, 'externalId')) return undefined;
  // An ecspresso configuration (`cluster:`, `service:`, `task_definition:`) is not an update-service input.
  if (prop(root, 'task_definition') || prop(root, 'service_definition')) return undefined;
  const td = child(root, 'taskDefinition');
  let kind: LaunchKind | undefined;
  const isUpdate = str(child(root, 'service')) !== undefined;
  if (isUpdate && (td || COMMON_KEYS.some((k) => prop(root, k)) || prop(root, 'desiredCount'))) kind = 'update-service';
  else if (
    !isUpdate &&
    SERVICE_ONLY_KEYS.some((k) => prop(root, k)) &&
    (td || prop(root, 'launchType') || prop(root, 'serviceName'))
  )
    kind = 'create-service';
  else if (td && td.type === 'string' && [...RUN_TASK_KEYS, ...COMMON_KEYS].some((k) => prop(root, k)))
    kind = 'run-task';
  if (!kind) return undefined;
  const name = str(child(root, 'serviceName')) ?? str(child(root, 'service'));
  return {
    kind,
    node: root,
    label: kind === 'run-task' ? 'run-task input' : `service ${name ?? ''}`.trim(),
    taskDefinition: td,
    platformVersion: child(root, 'platformVersion'),
    launchType: child(root, 'launchType'),
    capacityProviderStrategy: child(root, 'capacityProviderStrategy'),
    networkConfiguration: child(child(root, 'networkConfiguration'), 'awsvpcConfiguration'),
    enableExecuteCommand: child(root, 'enableExecuteCommand'),
    taskRoleOverride: child(child(root, 'overrides'), 'taskRoleArn'),
    anchor: td ? { offset: td.offset, length: td.length } : { offset: root.offset, length: 1 },
  };
}
