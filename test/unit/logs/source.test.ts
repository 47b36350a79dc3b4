import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSource, resolveSources, taskIdOf } from '../../../client/src/logs/source';

const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const ctx = { region: 'us-east-1', taskArn: TASK };

/** What DescribeTaskDefinition returns for a definition registered from JSON (server-filled members included). */
const registeredFromJson = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  family: 'web',
  revision: 7,
  status: 'ACTIVE',
  requiresCompatibilities: ['FARGATE'],
  compatibilities: ['EC2', 'FARGATE'],
  containerDefinitions: [
    {
      name: 'app',
      image: 'nginx',
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
        secretOptions: [],
      },
    },
    { name: 'sidecar', image: 'busybox', essential: false },
  ],
};

/** The same service registered by CloudFormation: DescribeTaskDefinition has the identical shape; the names come from the stack. */
const registeredByCfn = {
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/mystack-WebTask-AbC123:1',
  family: 'mystack-WebTask-AbC123',
  containerDefinitions: [
    {
      name: 'web',
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': 'mystack-WebLogGroup-9XyZ',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'web',
          'awslogs-create-group': 'true',
        },
      },
    },
  ],
};

/** A template's own text (PascalCase keys) resolves the same way. */
const cfnTemplateProperties = {
  ContainerDefinitions: [
    {
      Name: 'web',
      LogConfiguration: {
        LogDriver: 'awslogs',
        Options: { 'awslogs-group': '/ecs/tpl', 'awslogs-stream-prefix': 'p' },
      },
    },
  ],
};

const firelens = (appOptions: Record<string, string> | undefined, routerOptions?: Record<string, string>) => ({
  containerDefinitions: [
    {
      name: 'log_router',
      image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      firelensConfiguration: { type: 'fluentbit', ...(routerOptions ? { options: routerOptions } : {}) },
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/firelens', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'router' },
      },
    },
    { name: 'app', logConfiguration: { logDriver: 'awsfirelens', ...(appOptions ? { options: appOptions } : {}) } },
  ],
});

describe('log stream resolution (unit)', () => {
  it('awslogs: group, region and <prefix>/<container>/<task id>', () => {
    const s = resolveSource(registeredFromJson, 'app', ctx);
    assert.deepEqual(s, {
      kind: 'cloudwatch',
      container: 'app',
      group: '/ecs/web',
      region: 'us-east-1',
      stream: 'ecs/app/0123456789abcdef0123456789abcdef',
      createGroup: false,
      driver: 'awslogs',
      member: 'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
      regionNote: undefined,
    });
  });

  it('a container without logConfiguration is reported with the member that says so', () => {
    const s = resolveSource(registeredFromJson, 'sidecar', ctx);
    assert.equal(s?.kind, 'elsewhere');
    assert.equal(s?.member, 'containerDefinitions[1].logConfiguration');
    assert.match(s?.kind === 'elsewhere' ? s.reason : '', /"sidecar" has no logConfiguration/);
  });

  it('CloudFormation-registered: stack-made names, create-group, and the region note when the group is elsewhere', () => {
    const s = resolveSource(registeredByCfn, 'web', ctx);
    assert.equal(s?.kind, 'cloudwatch');
    if (s?.kind !== 'cloudwatch') return;
    assert.equal(s.group, 'mystack-WebLogGroup-9XyZ');
    assert.equal(s.region, 'eu-west-1');
    assert.equal(s.stream, 'web/web/0123456789abcdef0123456789abcdef');
    assert.equal(s.createGroup, true);
    assert.match(
      s.regionNote ?? '',
      /in eu-west-1 \(containerDefinitions\[0\]\.logConfiguration\.options\["awslogs-region"\]\), not in the connection's region us-east-1/,
    );
  });

  it('PascalCase template properties resolve like the API shape; missing region = the task region', () => {
    const s = resolveSource(cfnTemplateProperties, 'web', ctx);
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'p/web/0123456789abcdef0123456789abcdef');
    assert.equal(s?.kind === 'cloudwatch' && s.region, 'us-east-1');
  });

  it('without a task, only the stream prefix is known', () => {
    const s = resolveSource(registeredFromJson, 'app', { region: 'us-east-1' });
    assert.equal(s?.kind === 'cloudwatch' && s.streamPrefix, 'ecs/app/');
    assert.equal(s?.kind === 'cloudwatch' && s.stream, undefined);
  });

  it('awslogs without a prefix (EC2): the stream is the container runtime id', () => {
    const td = {
      containerDefinitions: [
        { name: 'a', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } } },
      ],
    };
    const s = resolveSource(td, 'a', { ...ctx, runtimeId: 'abc123def' });
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'abc123def');
  });

  it('FireLens cloudwatch_logs: log_group_name and log_stream_prefix + <container>-firelens-<task id>', () => {
    const s = resolveSource(
      firelens({
        Name: 'cloudwatch_logs',
        region: 'us-west-2',
        log_group_name: '/app/logs',
        log_stream_prefix: 'from-fb-',
        auto_create_group: 'true',
      }),
      'app',
      ctx,
    );
    assert.equal(s?.kind, 'cloudwatch');
    if (s?.kind !== 'cloudwatch') return;
    assert.equal(s.driver, 'awsfirelens');
    assert.equal(s.group, '/app/logs');
    assert.equal(s.region, 'us-west-2');
    assert.equal(s.stream, 'from-fb-app-firelens-0123456789abcdef0123456789abcdef');
    assert.equal(s.createGroup, true);
    assert.equal(s.member, 'containerDefinitions[1].logConfiguration.options.log_group_name');
  });

  it('FireLens cloudwatch (Go plugin) with a fixed log_stream_name', () => {
    const s = resolveSource(
      firelens({ Name: 'cloudwatch', log_group_name: 'g', log_stream_name: 'fixed' }),
      'app',
      ctx,
    );
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'fixed');
  });

  it('FireLens to another destination names the output and its member', () => {
    const s = resolveSource(
      firelens({ Name: 'kinesis_firehose', region: 'us-east-1', delivery_stream: 'x' }),
      'app',
      ctx,
    );
    assert.equal(s?.kind, 'elsewhere');
    assert.equal(s?.member, 'containerDefinitions[1].logConfiguration.options.Name');
    assert.match(s?.kind === 'elsewhere' ? s.reason : '', /"kinesis_firehose" output/);
  });

  it('FireLens with the destination in the router config file names the router member', () => {
    const s = resolveSource(
      firelens(undefined, { 'config-file-type': 's3', 'config-file-value': 'arn:aws:s3:::b/fb.conf' }),
      'app',
      ctx,
    );
    assert.equal(s?.member, 'containerDefinitions[0].firelensConfiguration.options["config-file-value"]');
  });

  it('the router itself logs with awslogs', () => {
    const s = resolveSource(firelens({ Name: 'cloudwatch_logs', log_group_name: 'g' }), 'log_router', ctx);
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'router/log_router/0123456789abcdef0123456789abcdef');
  });

  it('splunk is not CloudWatch: the reason names logDriver', () => {
    const td = {
      containerDefinitions: [
        { name: 'a', logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://x' } } },
      ],
    };
    const s = resolveSource(td, 'a', ctx);
    assert.equal(s?.member, 'containerDefinitions[0].logConfiguration.logDriver');
    assert.match(s?.kind === 'elsewhere' ? s.reason : '', /"splunk" driver/);
  });

  it('resolveSources covers every container; unknown container is undefined; task ids of both ARN formats', () => {
    assert.equal(resolveSources(registeredFromJson, ctx).length, 2);
    assert.equal(resolveSource(registeredFromJson, 'nope', ctx), undefined);
    assert.equal(taskIdOf('arn:aws:ecs:us-east-1:1:task/abc'), 'abc');
    assert.equal(taskIdOf(TASK), '0123456789abcdef0123456789abcdef');
  });

  it('FireLens options are read as Fluent Bit reads them: case-insensitive names, auto_create_group On/true/yes', () => {
    const s = resolveSource(
      firelens({
        NAME: 'Cloudwatch_Logs',
        Log_Group_Name: '/app/logs',
        Log_Stream_Prefix: 'fb/',
        Auto_Create_Group: 'On',
      }),
      'app',
      ctx,
    );
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'fb/app-firelens-0123456789abcdef0123456789abcdef');
    assert.equal(s?.kind === 'cloudwatch' && s.createGroup, true);
    assert.equal(s?.member, 'containerDefinitions[1].logConfiguration.options.Log_Group_Name');
  });

  it('FireLens names with templates: task variables filled ($(ecs_task_id), $container_name), record fields named as unpredictable', () => {
    const go = resolveSource(
      firelens({ Name: 'cloudwatch', log_group_name: '/ecs/$(container_name)', log_stream_name: 'app-$(ecs_task_id)' }),
      'app',
      ctx,
    );
    assert.equal(go?.kind === 'cloudwatch' && go.group, '/ecs/app');
    assert.equal(go?.kind === 'cloudwatch' && go.stream, 'app-0123456789abcdef0123456789abcdef');
    // log_stream_template overrides log_stream_prefix (core plugin, record-accessor syntax).
    const core = resolveSource(
      firelens({
        Name: 'cloudwatch_logs',
        log_group_name: 'g',
        log_stream_prefix: 'ignored-',
        log_stream_template: '$container_name.$ecs_task_id',
      }),
      'app',
      ctx,
    );
    assert.equal(core?.kind === 'cloudwatch' && core.stream, 'app.0123456789abcdef0123456789abcdef');
    const byRecord = resolveSource(
      firelens({ Name: 'cloudwatch_logs', log_group_name: 'g', log_stream_template: "svc-$kubernetes['pod_name']" }),
      'app',
      ctx,
    );
    assert.equal(byRecord?.kind === 'cloudwatch' && byRecord.stream, undefined);
    assert.match(
      byRecord?.kind === 'cloudwatch' ? (byRecord.unnamed ?? '') : '',
      /containerDefinitions\[1\]\.logConfiguration\.options\.log_stream_template .*record field/,
    );
    const groupByRecord = resolveSource(
      firelens({ Name: 'cloudwatch_logs', log_group_template: '/x/$level', log_stream_prefix: 'p' }),
      'app',
      ctx,
    );
    assert.equal(groupByRecord?.kind, 'elsewhere');
    assert.equal(groupByRecord?.member, 'containerDefinitions[1].logConfiguration.options.log_group_template');
    // Without a task, the prefix up to the task id.
    const noTask = resolveSource(
      firelens({ Name: 'cloudwatch', log_group_name: 'g', log_stream_prefix: 'fb/' }),
      'app',
      { region: 'us-east-1' },
    );
    assert.equal(noTask?.kind === 'cloudwatch' && noTask.streamPrefix, 'fb/app-firelens-');
  });

  it('FireLens in a CloudFormation template (PascalCase members) resolves like the registered definition', () => {
    const td = {
      ContainerDefinitions: [
        { Name: 'log_router', FirelensConfiguration: { Type: 'fluentbit' } },
        {
          Name: 'app',
          LogConfiguration: {
            LogDriver: 'awsfirelens',
            Options: { Name: 'cloudwatch_logs', region: 'eu-west-1', log_group_name: 'g', log_stream_prefix: 'p-' },
          },
        },
      ],
    };
    const s = resolveSource(td, 'app', ctx);
    assert.equal(s?.kind === 'cloudwatch' && s.stream, 'p-app-firelens-0123456789abcdef0123456789abcdef');
    assert.match(s?.kind === 'cloudwatch' ? (s.regionNote ?? '') : '', /in eu-west-1 .*options\.region/);
  });

  it('awslogs without a prefix and no container id: no stream, and the reason names the prefix member', () => {
    const td = {
      containerDefinitions: [
        { name: 'a', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': 'g' } } },
      ],
    };
    const s = resolveSource(td, 'a', ctx);
    assert.equal(s?.kind === 'cloudwatch' && s.stream, undefined);
    assert.match(
      s?.kind === 'cloudwatch' ? (s.unnamed ?? '') : '',
      /no containerDefinitions\[0\]\.logConfiguration\.options\["awslogs-stream-prefix"\].*Fargate requires it/,
    );
  });
});
