/** Shared view for the logging rules: each container's log configuration with its driver and options. */
import { child, isObject, prop, str, type AstNode, type ObjectNode, type Property } from '../../documents/ast';
import type { TaskDefModel } from '../../shapes/model';
import { perTaskDef } from '../util';

export const LOG_DRIVERS = ['awsfirelens', 'awslogs', 'fluentd', 'gelf', 'journald', 'json-file', 'splunk', 'syslog'];
export const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

export interface LogConfig {
  container: ObjectNode;
  containerIndex: number;
  config: ObjectNode;
  driverNode?: AstNode;
  /** The literal driver, when known. */
  driver?: string;
  /** The options object, when it is a known object. */
  options?: ObjectNode;
  optionsProp?: Property;
}

export const logConfigs: (td: TaskDefModel) => LogConfig[] = perTaskDef((td) => {
  const out: LogConfig[] = [];
  td.containers.forEach((container, containerIndex) => {
    const config = child(container, 'logConfiguration');
    if (!isObject(config)) return;
    const driverNode = child(config, 'logDriver');
    const optionsProp = prop(config, 'options');
    out.push({
      container,
      containerIndex,
      config,
      driverNode,
      driver: str(driverNode),
      options: isObject(optionsProp?.value) ? optionsProp.value : undefined,
      optionsProp,
    });
  });
  return out;
});

/** Whether any container is computed by a template (then "exactly one router" cannot be judged). */
export function containersFullyKnown(td: TaskDefModel): boolean {
  const n = td.containersNode;
  return !!n && !n.unknown && n.type === 'array' && n.items.every((i) => !i.unknown && i.type === 'object');
}
