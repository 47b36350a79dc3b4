/**
 * `fargate-lens diagnose` against moto_server: a Fargate task of a family whose file is in the workspace
 * is run and stopped with a reason as ECS writes it (moto keeps stoppedReason as given; it has no stop
 * codes, exit codes or container reasons, which the classifier's unit tests cover with ECS's real
 * texts), and the diagnosis names the rule, the whole reason and the file:line of the member.
 * (integration)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CreateClusterCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { run } from '../../client/src/cli/index';
import type { CliIo } from '../../client/src/cli/types';
import { motoEnv, startMoto, type MotoServer } from './moto';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
const file = {
  family: 'checkout',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      memory: 256,
      secrets: [
        { name: 'DB', valueFrom: SECRET },
        { name: 'TOKEN', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/token' },
      ],
    },
  ],
};

async function cli(argv: string[], env: Record<string, string>, cwd: string) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
    cwd,
    signal: new AbortController().signal,
  };
  const code = await run(['diagnose', ...argv], io);
  return { code, out, err };
}

describe('fargate-lens diagnose against moto_server (integration)', () => {
  let moto: MotoServer;
  let env: Record<string, string>;
  let ecs: ECSClient;
  let dir: string;
  let subnet: string;
  let group: string;

  before(async () => {
    moto = await startMoto();
    env = { ...motoEnv(moto.endpoint), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    Object.assign(process.env, env);
    delete process.env.AWS_PROFILE;
    const cfg = {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    ecs = new ECSClient(cfg);
    const ec2 = new EC2Client(cfg);
    // moto creates a task's network interface only in its default VPC (as the demo seed does).
    const subnets = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
    );
    subnet = subnets.Subnets![0].SubnetId!;
    const sgs = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }),
    );
    group = sgs.SecurityGroups![0].GroupId!;
    ec2.destroy();
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod', capacityProviders: ['FARGATE'] }));
    await ecs.send(new RegisterTaskDefinitionCommand(file as RegisterTaskDefinitionCommandInput));
    dir = mkdtempSync(join(tmpdir(), 'fl-diagnose-'));
    writeFileSync(join(dir, 'checkout.json'), JSON.stringify(file, null, 2));
  });
  after(async () => {
    ecs?.destroy();
    await moto?.stop();
  });

  const runAndStop = async (reason: string, startedBy?: string): Promise<string> => {
    const r = await ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'checkout',
        launchType: 'FARGATE',
        startedBy,
        networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [group] } },
      }),
    );
    const arn = r.tasks![0].taskArn!;
    await ecs.send(new StopTaskCommand({ cluster: 'prod', task: arn, reason }));
    return arn;
  };

  it('pins a secret fetch failure to the secret named in the reason (json, exit 1)', async () => {
    const reason = `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret ${SECRET} from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/x is not authorized to perform: secretsmanager:GetSecretValue`;
    const arn = await runAndStop(reason);
    const r = await cli(['--cluster', 'prod', '--task', arn, '--format', 'json'], env, dir);
    assert.equal(r.err, '');
    assert.equal(r.code, 1);
    const [report] = JSON.parse(r.out) as Array<Record<string, unknown>>;
    assert.equal(report.task, arn);
    assert.equal(report.ruleId, 'live/secret-fetch');
    assert.equal(report.stoppedReason, reason, 'the whole reason, never truncated');
    // Line 18 of the pretty-printed file holds the first secret's valueFrom.
    assert.deepEqual(report.location, { file: 'checkout.json', line: 18, column: 24 });
  });

  it('text output for a service names the member; a workspace without the family gives no location', async () => {
    const arn = await runAndStop('OutOfMemoryError: Container killed due to memory usage');
    const r = await cli(['--cluster', 'prod', '--task', arn], env, dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /live\/oom: A container ran out of memory/);
    assert.match(r.out, /at checkout\.json:\d+:\d+ \(containerDefinitions\[name=web\]\.memory\)/);
    const elsewhere = mkdtempSync(join(tmpdir(), 'fl-diagnose-empty-'));
    const j = await cli(['--cluster', 'prod', '--task', arn, '--format', 'json', '--workspace', elsewhere], env, dir);
    assert.equal(JSON.parse(j.out)[0].location, undefined);
  });

  it('a task stopped by a user is not a failure (exit 0); unknown reasons stay unclassified (exit 1)', async () => {
    const user = await runAndStop('Task stopped by user');
    // moto sets no stopCode; what ECS would call UserInitiated is unclassified here unless the reason says more.
    const u = await cli(['--cluster', 'prod', '--task', user, '--format', 'json'], env, dir);
    const [report] = JSON.parse(u.out) as Array<Record<string, unknown>>;
    assert.equal(report.ruleId, null);
    await ecs.send(new CreateClusterCommand({ clusterName: 'quiet' }));
    const none = await cli(['--cluster', 'quiet', '--format', 'json'], env, dir);
    assert.equal(none.code, 0);
    assert.deepEqual(JSON.parse(none.out), []);
  });

  it('bad usage and an unreachable endpoint exit 2 with the reason on stderr', async () => {
    const both = await cli(['--cluster', 'prod', '--service', 'a', '--task', 'b'], env, dir);
    assert.equal(both.code, 2);
    assert.match(both.err, /--service or --task/);
    const missing = await cli([], env, dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--cluster is required/);
  });
});
