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
 * - awsfirelens: the options are the output plugin's (Fluent Bit reads option names case-insensitively);
 *   `Name cloudwatch_logs` (Fluent Bit core) or `cloudwatch` (the Go plugin) write to `log_group_name` in
 *   `region`, stream `log_stream_name`, or `log_stream_prefix` + the tag, which FireLens sets to
 *   `<container name>-firelens-<task id>`. `log_group_template` / `log_stream_template` (core plugin,
 *   record-accessor syntax `$key`) override the names, and the Go plugin fills `$(key)` in its names;
 *   the ECS metadata FireLens adds (`ecs_task_arn`, `container_name`), `ecs_task_id` and `tag` are
 *   filled in here, anything else (a record field) makes the name unpredictable, said with its member.
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
  /** Why no stream can be named (no stream prefix, a template with record fields), with the member. */
  unnamed?: string;
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
  // No prefix: the stream is the Docker container id (EC2 launch type only; Fargate requires a prefix).
  if (ctx.runtimeId) return { ...base, stream: ctx.runtimeId };
  const prefixMember = `${at}.logConfiguration.options["awslogs-stream-prefix"]`;
  return {
    ...base,
    unnamed: `The log stream of "${name}" cannot be named: there is no ${prefixMember}, so the stream is named after the Docker container id, which ECS has not reported. Set "awslogs-stream-prefix" (Fargate requires it).`,
  };
}

const CLOUDWATCH_OUTPUTS = new Set(['cloudwatch_logs', 'cloudwatch']);

/** Fluent Bit option lookup: names are case-insensitive. Returns the key as written and its value. */
function option(options: Obj, key: string): { key: string; value: string } | undefined {
  const k = Object.keys(options).find((x) => x.toLowerCase() === key);
  const value = k === undefined ? undefined : str(options[k]);
  return k === undefined || value === undefined ? undefined : { key: k, value };
}

const member = (at: string, key: string): string =>
  /^\w+$/.test(key) ? `${at}.logConfiguration.options.${key}` : `${at}.logConfiguration.options["${key}"]`;

/**
 * Fills a Go-plugin `$(var)` or core-plugin `$var` template with what is known of the task; undefined
 * when it names anything else (a record field, `$(uuid)`), whose value only the router knows.
 */
function fillTemplate(template: string, vars: Record<string, string | undefined>): string | undefined {
  let unknown = false;
  const filled = template.replace(
    /\$\((\w+)\)|\$(\w+)(\[[^\]]*\])?/g,
    (_m, goVar?: string, raVar?: string, sub?: string) => {
      const v = sub ? undefined : vars[(goVar ?? raVar) as string];
      if (v === undefined) unknown = true;
      return v ?? '';
    },
  );
  return unknown ? undefined : filled;
}

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
  const nameOpt = option(options, 'name');
  const output = nameOpt?.value;
  const nameMember = member(at, nameOpt?.key ?? 'Name');
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
  if (!CLOUDWATCH_OUTPUTS.has(output.toLowerCase()))
    return {
      kind: 'elsewhere',
      container: name,
      member: nameMember,
      reason: `Container "${name}" sends its logs through FireLens to the "${output}" output (${nameMember}), not to CloudWatch Logs.`,
    };
  const tag = `${name}-firelens-`;
  const vars = {
    ecs_task_id: taskId,
    ecs_task_arn: ctx.taskArn,
    container_name: name,
    tag: taskId ? `${tag}${taskId}` : undefined,
  };
  const groupOpt = option(options, 'log_group_template') ?? option(options, 'log_group_name');
  const groupMember = member(at, groupOpt?.key ?? 'log_group_name');
  const group = groupOpt && fillTemplate(groupOpt.value, vars);
  if (!group)
    return {
      kind: 'elsewhere',
      container: name,
      member: groupMember,
      reason: groupOpt
        ? `Container "${name}" routes to CloudWatch through FireLens into a log group named per record (${groupMember}: ${groupOpt.value}), which cannot be predicted.`
        : `Container "${name}" routes to CloudWatch through FireLens without "log_group_name" (${groupMember}).`,
    };
  const regionOpt = option(options, 'region');
  const region = regionOpt?.value ?? ctx.region;
  const createGroup = /^(true|on|yes)$/i.test(option(options, 'auto_create_group')?.value ?? '');
  const base = {
    kind: 'cloudwatch' as const,
    container: name,
    group,
    region,
    createGroup,
    driver: 'awsfirelens' as const,
    member: groupMember,
    regionNote: regionNote(region, ctx, member(at, regionOpt?.key ?? 'region')),
  };
  // log_stream_template overrides the other stream options; log_stream_name excludes log_stream_prefix.
  const streamOpt =
    option(options, 'log_stream_template') ??
    option(options, 'log_stream_name') ??
    option(options, 'log_stream_prefix');
  const template =
    streamOpt?.key.toLowerCase() === 'log_stream_prefix' ? `${streamOpt.value}$(tag)` : (streamOpt?.value ?? '$(tag)');
  const stream = fillTemplate(template, vars);
  if (stream) return { ...base, stream };
  // Without a task (a definition not run yet) the names stop at the task id: a prefix is all there is.
  const HOLE = '\u0000';
  const partial = fillTemplate(template, { ...vars, ecs_task_id: HOLE, ecs_task_arn: HOLE, tag: `${tag}${HOLE}` });
  const streamPrefix = (partial ?? template).split(partial ? HOLE : '$')[0];
  return {
    ...base,
    ...(streamPrefix ? { streamPrefix } : {}),
    unnamed: taskId
      ? `The log stream of "${name}" cannot be named: ${member(at, streamOpt?.key ?? 'log_stream_name')} (${streamOpt?.value}) uses a record field only the log router knows.`
      : undefined,
  };
}
