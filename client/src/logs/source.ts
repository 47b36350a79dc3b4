/**
 * Where a container's logs are, read from its task definition as DescribeTaskDefinition returns it
 * (definitions registered from JSON and from CloudFormation look the same there; PascalCase template
 * keys are accepted too, so a template's own text can be resolved). Pure: no AWS call.
 *
 * Facts (AWS docs "Using the awslogs log driver", "Send Amazon ECS logs to an AWS service or AWS
 * Partner" (FireLens), Fluent Bit cloudwatch_logs / amazon-cloudwatch-logs-for-fluent-bit READMEs):
 * - awslogs: group `awslogs-group`, region `awslogs-region`, stream `<awslogs-stream-prefix>/<container
 *   name>/<task id>`. Without a prefix the stream is named after the Docker container id (EC2 only;
 *   Fargate requires the prefix).
 * - awsfirelens: the options are the output plugin's; `Name cloudwatch_logs` (Fluent Bit core) or
 *   `cloudwatch` (the Go plugin) write to `log_group_name`, stream `log_stream_name`, or
 *   `log_stream_prefix` + the FireLens tag `<container name>-firelens-<task id>`.
 * - Any other driver (splunk, fluentd, gelf, syslog, json-file, ...) or FireLens output is not CloudWatch.
 */

export interface CloudWatchSource {
  kind: 'cloudwatch';
  container: string;
  group: string;
  /** Region of the log group: the options' region, else the task's. */
  region: string;
  /** Exact stream name, when predictable. */
  stream?: string;
  /** Otherwise a prefix the streams of this container start with (FireLens templates, no task id yet). */
  streamPrefix?: string;
  /** The group is created on first write (`awslogs-create-group` / `auto_create_group`). */
  createGroup: boolean;
  driver: 'awslogs' | 'awsfirelens';
  /** The task-definition member that names the group, e.g. `containerDefinitions[1].logConfiguration.options["awslogs-group"]`. */
  member: string;
  /** The options' region differs from the connection's: said once to the user. */
  regionNote?: string;
}

export interface NotInCloudWatch {
  kind: 'elsewhere';
  container: string;
  /** A sentence naming the destination and the member that says so. */
  reason: string;
  member: string;
}

export type LogSource = CloudWatchSource | NotInCloudWatch;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `key` in camelCase or PascalCase (CloudFormation). */
function get(o: Obj, key: string): unknown {
  return o[key] ?? o[key[0].toUpperCase() + key.slice(1)];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The last part of a task ARN (both the long `task/<cluster>/<id>` and the old `task/<id>` formats). */
export function taskIdOf(taskArn: string): string {
  return taskArn.split('/').pop() ?? taskArn;
}

export function containerDefinitions(taskDefinition: Obj): Obj[] {
  const defs = get(taskDefinition, 'containerDefinitions');
  return Array.isArray(defs) ? defs.filter(isObj) : [];
}

export interface ResolveContext {
  /** Region the task runs in (the connection's). */
  region: string;
  /** The task's ARN; without it (a definition not yet run) only a prefix can be given. */
  taskArn?: string;
  /** DescribeTasks' `runtimeId` of the container (Docker id), for awslogs without a prefix on EC2. */
  runtimeId?: string;
}

/** Resolves every container of a task definition. */
export function resolveSources(taskDefinition: Obj, ctx: ResolveContext): LogSource[] {
  return containerDefinitions(taskDefinition).map((_, i) => resolveAt(taskDefinition, i, ctx));
}

/** Resolves one container by name; undefined when the definition has no such container. */
export function resolveSource(taskDefinition: Obj, container: string, ctx: ResolveContext): LogSource | undefined {
  const i = containerDefinitions(taskDefinition).findIndex((d) => get(d, 'name') === container);
  return i < 0 ? undefined : resolveAt(taskDefinition, i, ctx);
}

function resolveAt(taskDefinition: Obj, i: number, ctx: ResolveContext): LogSource {
  const defs = containerDefinitions(taskDefinition);
  const def = defs[i];
  const name = str(get(def, 'name')) ?? `#${i}`;
  const at = `containerDefinitions[${i}]`;
  const conf = get(def, 'logConfiguration');
  if (!isObj(conf))
    return {
      kind: 'elsewhere',
      container: name,
      member: `${at}.logConfiguration`,
      reason: `Container "${name}" has no logConfiguration (${at}.logConfiguration), so ECS sends its output nowhere that can be read back.`,
    };
  const driver = str(get(conf, 'logDriver')) ?? '';
  const options = isObj(get(conf, 'options')) ? (get(conf, 'options') as Obj) : {};
  const taskId = ctx.taskArn ? taskIdOf(ctx.taskArn) : undefined;
  if (driver === 'awslogs') return awslogs(name, at, options, ctx, taskId);
  if (driver === 'awsfirelens') return firelens(name, at, options, ctx, taskId, defs);
  return {
    kind: 'elsewhere',
    container: name,
    member: `${at}.logConfiguration.logDriver`,
    reason: `Container "${name}" logs with the "${driver || '(none)'}" driver (${at}.logConfiguration.logDriver), not to CloudWatch Logs: read them where that driver sends them.`,
  };
}

function regionNote(region: string, ctx: ResolveContext, member: string): string | undefined {
  return region !== ctx.region
    ? `The logs are in ${region} (${member}), not in the connection's region ${ctx.region}: reading them from ${region}.`
    : undefined;
}

function awslogs(name: string, at: string, options: Obj, ctx: ResolveContext, taskId?: string): LogSource {
  const groupMember = `${at}.logConfiguration.options["awslogs-group"]`;
  const group = str(options['awslogs-group']);
  if (!group)
    return {
      kind: 'elsewhere',
      container: name,
      member: groupMember,
      reason: `Container "${name}" uses awslogs without "awslogs-group" (${groupMember}); the task cannot start its log driver.`,
    };
  const region = str(options['awslogs-region']) ?? ctx.region;
  const prefix = str(options['awslogs-stream-prefix']);
  const base = {
    kind: 'cloudwatch' as const,
    container: name,
    group,
    region,
    createGroup: options['awslogs-create-group'] === 'true' || options['awslogs-create-group'] === true,
    driver: 'awslogs' as const,
    member: groupMember,
    regionNote: regionNote(region, ctx, `${at}.logConfiguration.options["awslogs-region"]`),
  };
  if (prefix)
    return taskId
      ? { ...base, stream: `${prefix}/${name}/${taskId}` }
      : { ...base, streamPrefix: `${prefix}/${name}/` };
  // No prefix: the stream is the Docker container id (EC2 launch type only).
  return ctx.runtimeId ? { ...base, stream: ctx.runtimeId } : base;
}

const CLOUDWATCH_OUTPUTS = new Set(['cloudwatch_logs', 'cloudwatch']);

function firelens(
  name: string,
  at: string,
  options: Obj,
  ctx: ResolveContext,
  taskId: string | undefined,
  defs: Obj[],
): LogSource {
  const router = defs.findIndex((d) => isObj(get(d, 'firelensConfiguration')));
  const routerConf = router >= 0 ? (get(defs[router], 'firelensConfiguration') as Obj) : undefined;
  const routerOptions = routerConf && isObj(get(routerConf, 'options')) ? (get(routerConf, 'options') as Obj) : {};
  const output = str(options.Name) ?? str(options.name);
  const nameMember = `${at}.logConfiguration.options.Name`;
  if (!output) {
    const configFile = str(routerOptions['config-file-value']);
    const where = configFile
      ? `the router's own configuration file ${configFile} (containerDefinitions[${router}].firelensConfiguration.options["config-file-value"])`
      : `the log router's configuration (no output "Name" in ${at}.logConfiguration.options)`;
    return {
      kind: 'elsewhere',
      container: name,
      member: configFile
        ? `containerDefinitions[${router}].firelensConfiguration.options["config-file-value"]`
        : nameMember,
      reason: `Container "${name}" sends its logs through FireLens to a destination set in ${where}, which Fargate Lens cannot read.`,
    };
  }
  if (!CLOUDWATCH_OUTPUTS.has(output))
    return {
      kind: 'elsewhere',
      container: name,
      member: nameMember,
      reason: `Container "${name}" sends its logs through FireLens to the "${output}" output (${nameMember}), not to CloudWatch Logs.`,
    };
  const groupMember = `${at}.logConfiguration.options.log_group_name`;
  const group = str(options.log_group_name);
  if (!group)
    return {
      kind: 'elsewhere',
      container: name,
      member: groupMember,
      reason: `Container "${name}" routes to CloudWatch through FireLens without "log_group_name" (${groupMember}) (a log_group_template is resolved per record and cannot be predicted).`,
    };
  const region = str(options.region) ?? ctx.region;
  const base = {
    kind: 'cloudwatch' as const,
    container: name,
    group,
    region,
    createGroup: String(options.auto_create_group) === 'true' || String(options.auto_create_group) === 'On',
    driver: 'awsfirelens' as const,
    member: groupMember,
    regionNote: regionNote(region, ctx, `${at}.logConfiguration.options.region`),
  };
  const fixed = str(options.log_stream_name);
  if (fixed) return { ...base, stream: fixed };
  const prefix = str(options.log_stream_prefix) ?? '';
  const tag = `${name}-firelens-`;
  return taskId ? { ...base, stream: `${prefix}${tag}${taskId}` } : { ...base, streamPrefix: `${prefix}${tag}` };
}
