/**
 * `fargate-lens diagnose` against moto_server: a Fargate task of a family whose file is in the workspace
 * is run and stopped with a reason as ECS writes it (moto keeps stoppedReason as given; it has no stop
 * codes, exit codes or container reasons, which the classifier's unit tests cover with ECS's real
 * texts), and the diagnosis names the rule, the whole reason and the file:line of the member.
 * (integration)
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  CreateClusterCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { cliAccount } from './cliRun';

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

describe('fargate-lens diagnose against moto_server (integration)', () => {
  const account = cliAccount('fl-diagnose-');
  const cli = (argv: string[]) => account.cli('diagnose', argv);
  let subnet: string;
  let group: string;

  before(async () => {
    const ec2 = new EC2Client(account.sdk);
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
    await account.ecs.send(new CreateClusterCommand({ clusterName: 'prod', capacityProviders: ['FARGATE'] }));
    await account.ecs.send(new RegisterTaskDefinitionCommand(file as RegisterTaskDefinitionCommandInput));
    account.write('checkout.json', file);
  });

  const runAndStop = async (reason: string, startedBy?: string): Promise<string> => {
    const r = await account.ecs.send(
      new RunTaskCommand({
        cluster: 'prod',
        taskDefinition: 'checkout',
        launchType: 'FARGATE',
        startedBy,
        networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [group] } },
      }),
    );
    const arn = r.tasks![0].taskArn!;
    await account.ecs.send(new StopTaskCommand({ cluster: 'prod', task: arn, reason }));
    return arn;
  };

  it('pins a secret fetch failure to the secret named in the reason (json, exit 1)', async () => {
    const reason = `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret ${SECRET} from secrets manager: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/exec/x is not authorized to perform: secretsmanager:GetSecretValue`;
    const arn = await runAndStop(reason);
    const r = await cli(['--cluster', 'prod', '--task', arn, '--format', 'json']);
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
    const r = await cli(['--cluster', 'prod', '--task', arn]);
    assert.equal(r.code, 1);
    assert.match(r.out, /live\/oom: A container ran out of memory/);
    assert.match(r.out, /at checkout\.json:\d+:\d+ \(containerDefinitions\[name=web\]\.memory\)/);
    const elsewhere = mkdtempSync(join(tmpdir(), 'fl-diagnose-empty-'));
    const j = await cli(['--cluster', 'prod', '--task', arn, '--format', 'json', '--workspace', elsewhere]);
    assert.equal(JSON.parse(j.out)[0].location, undefined);
  });

  it('a task stopped by a user is not a failure (exit 0); unknown reasons stay unclassified (exit 1)', async () => {
    const user = await runAndStop('Task stopped by user');
    // moto sets no stopCode; what ECS would call UserInitiated is unclassified here unless the reason says more.
    const u = await cli(['--cluster', 'prod', '--task', user, '--format', 'json']);
    const [report] = JSON.parse(u.out) as Array<Record<string, unknown>>;
    assert.equal(report.ruleId, null);
    await account.ecs.send(new CreateClusterCommand({ clusterName: 'quiet' }));
    const none = await cli(['--cluster', 'quiet', '--format', 'json']);
    assert.equal(none.code, 0);
    assert.deepEqual(JSON.parse(none.out), []);
  });

  it('bad usage and an unreachable endpoint exit 2 with the reason on stderr', async () => {
    const both = await cli(['--cluster', 'prod', '--service', 'a', '--task', 'b']);
    assert.equal(both.code, 2);
    assert.match(both.err, /--service or --task/);
    const missing = await cli([]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /--cluster is required/);
  });
});
