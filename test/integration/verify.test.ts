/**
 * `fargate-lens verify` against moto_server (ECR images with Docker manifests and manifest lists,
 * Secrets Manager, SSM parameters, IAM roles, CloudWatch Logs, EC2, ELBv2), behind the AwsStub for
 * what moto lacks: iam:SimulatePrincipalPolicy (answered per the IAM API reference) and an
 * AccessDenied answer for a refused call. Found, not found and access denied, in JSON and SARIF.
 * (integration)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateTargetGroupCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { run } from '../../client/src/cli/index';
import type { CliIo } from '../../client/src/cli/types';
import { AwsStub } from '../fakes/awsStub';
import { FakeKms } from '../fakes/fakeKms';
import { motoEnv, startMoto, type MotoServer } from './moto';

const ACCOUNT = '123456789012';
const REPO = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/api`;
const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
const SINGLE = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1, digest: `sha256:${'1'.repeat(64)}` },
  layers: [],
});
const ARM_ONLY = JSON.stringify({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 1,
      digest: `sha256:${'2'.repeat(64)}`,
      platform: { architecture: 'arm64', os: 'linux' },
    },
  ],
});

interface Out {
  file: string;
  diagnostics: { ruleId: string; severity: string; message: string; range: { start: { line: number } } }[];
}

describe('fargate-lens verify against moto_server (integration)', () => {
  let moto: MotoServer;
  let stub: AwsStub;
  let dir: string;
  let secretArn: string;
  let otherSecretArn: string;
  const deny: string[] = [];
  const simulation = { refused: false };

  const cli = async (argv: string[], extraEnv: Record<string, string> = {}) => {
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      env: { ...motoEnv(stub.endpoint), ...extraEnv },
      cwd: dir,
      signal: new AbortController().signal,
    };
    const code = await run(['verify', ...argv], io);
    return { code, out, err };
  };

  before(async () => {
    moto = await startMoto();
    stub = await AwsStub.start({
      upstream: moto.endpoint,
      kms: new FakeKms(),
      session: () => ({ sessionId: 's', streamUrl: 'ws://127.0.0.1:1', tokenValue: 't' }),
      deny,
      simulationRefused: () => simulation.refused,
    });
    Object.assign(process.env, motoEnv(stub.endpoint));
    delete process.env.AWS_PROFILE;
    const cfg = {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    const ecr = new ECRClient(cfg);
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'api' }));
    await ecr.send(new PutImageCommand({ repositoryName: 'api', imageTag: '2.4.0', imageManifest: SINGLE }));
    await ecr.send(
      new PutImageCommand({
        repositoryName: 'api',
        imageTag: '2.4.2',
        imageManifest: ARM_ONLY,
        imageManifestMediaType: 'application/vnd.oci.image.index.v1+json',
      }),
    );
    const iam = new IAMClient(cfg);
    await iam.send(
      new CreateRoleCommand({ RoleName: 'exec', AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com') }),
    );
    await iam.send(
      new CreateRoleCommand({ RoleName: 'lambda-role', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
    );
    const sm = new SecretsManagerClient(cfg);
    secretArn = (await sm.send(new CreateSecretCommand({ Name: 'prod/db', SecretString: '{"password":"p"}' }))).ARN!;
    otherSecretArn = (await sm.send(new CreateSecretCommand({ Name: 'prod/api', SecretString: 'k' }))).ARN!;
    await new SSMClient(cfg).send(new PutParameterCommand({ Name: '/app/token', Value: 'v', Type: 'SecureString' }));
    await new CloudWatchLogsClient(cfg).send(new CreateLogGroupCommand({ logGroupName: '/ecs/web' }));
    const ec2 = new EC2Client(cfg);
    const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!;
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups!;
    const vpc = subnets[0].VpcId!;
    const elb = new ElasticLoadBalancingV2Client(cfg);
    const tg = (type: 'ip' | 'instance', name: string) =>
      elb.send(new CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: type }));
    const ipTg = (await tg('ip', 'web-ip')).TargetGroups![0].TargetGroupArn!;
    const instanceTg = (await tg('instance', 'web-instance')).TargetGroups![0].TargetGroupArn!;

    dir = mkdtempSync(join(tmpdir(), 'fl-verify-'));
    const container = (name: string, image: string, extra: Record<string, unknown> = {}) => ({
      name,
      image,
      essential: name === 'web',
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': name === 'web' ? '/ecs/web' : '/ecs/missing',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': name,
        },
      },
      ...extra,
    });
    const td = {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec`,
      taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
      containerDefinitions: [
        container('web', `${REPO}:2.4.0`, {
          secrets: [
            { name: 'DB', valueFrom: `${secretArn}:password::` },
            { name: 'API', valueFrom: otherSecretArn },
            { name: 'TOKEN', valueFrom: '/app/token' },
            { name: 'GONE', valueFrom: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/gone-AbCdEf` },
            { name: 'OLD', valueFrom: `${secretArn}::AWSPREVIOUS:` },
          ],
        }),
        container('worker', `${REPO}:2.4.1`),
        container('arm', `${REPO}:2.4.2`),
        container('proxy', 'public.ecr.aws/nginx/nginx:1.27'),
      ],
    };
    writeFileSync(join(dir, 'task-def.json'), JSON.stringify(td, null, 2));
    writeFileSync(
      join(dir, 'batch.json'),
      JSON.stringify({
        family: 'batch',
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/missing`,
        containerDefinitions: [],
      }),
    );
    writeFileSync(
      join(dir, 'service.json'),
      JSON.stringify(
        {
          cluster: 'main',
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: [subnets[0].SubnetId, 'subnet-0000000000000dead'],
              securityGroups: [groups[0].GroupId],
            },
          },
          loadBalancers: [
            { targetGroupArn: ipTg, containerName: 'web', containerPort: 80 },
            { targetGroupArn: instanceTg, containerName: 'web', containerPort: 80 },
          ],
        },
        null,
        2,
      ),
    );
  });

  after(async () => {
    await stub?.close();
    await moto?.stop();
  });

  it('finds what is missing or wrong, is silent about what exists, and says what it could not check (json)', async () => {
    deny.splice(0, deny.length, 'secretsmanager:GetSecretValue');
    const r = await cli(['task-def.json', 'service.json', 'batch.json', '--format', 'json']);
    assert.equal(r.code, 1, r.err);
    const files = JSON.parse(r.out) as Out[];
    const td = files.find((f) => f.file.endsWith('task-def.json'))!;
    const byRule = (id: string) => td.diagnostics.filter((d) => d.ruleId === id).map((d) => d.message);
    const missing = byRule('live/image-not-found');
    assert.equal(missing.length, 1, JSON.stringify(td.diagnostics, null, 1));
    assert.match(missing[0], /api:2\.4\.1 not found in us-east-1.*tags nearby: 2\.4\.0, 2\.4\.2/);
    assert.match(
      byRule('live/image-arch')[0],
      /api:2\.4\.2 is built for linux\/arm64, not for the task's platform LINUX\/X86_64/,
    );
    assert.deepEqual(byRule('live/role-not-found'), []);
    const batch = files.find((f) => f.file.endsWith('batch.json'))!;
    assert.match(
      batch.diagnostics.find((d) => d.ruleId === 'live/role-not-found')!.message,
      /execution role missing does not exist in account 123456789012/,
    );
    assert.match(byRule('live/role-trust')[0], /task role lambda-role .* does not trust ecs-tasks\.amazonaws\.com/);
    assert.match(
      byRule('live/log-group-missing').join('\n'),
      /\/ecs\/missing does not exist in account 123456789012, region us-east-1/,
    );
    assert.equal(byRule('live/log-group-missing').length, 3); // worker, arm, proxy; web's group exists
    const notFound = byRule('live/secret-not-found');
    assert.ok(
      notFound.some((m) => /prod\/gone-AbCdEf does not exist/.test(m)),
      notFound.join('\n'),
    );
    assert.ok(
      notFound.some((m) => /no version with the staging label AWSPREVIOUS/.test(m)),
      notFound.join('\n'),
    );
    // The simulation (AwsStub) denies GetSecretValue: both existing secrets; the parameter is allowed.
    assert.equal(byRule('live/secret-access').length, 2);
    assert.match(byRule('live/secret-access')[0], /execution role exec may not secretsmanager:GetSecretValue/);
    assert.ok(byRule('live/not-checked').some((m) => /public ECR/.test(m)));
    // Severity and location: warnings on the member's line.
    const arch = td.diagnostics.find((d) => d.ruleId === 'live/image-arch')!;
    assert.equal(arch.severity, 'warning');
    const svc = files.find((f) => f.file.endsWith('service.json'))!;
    const net = svc.diagnostics.filter((d) => d.ruleId === 'live/network').map((d) => d.message);
    assert.equal(net.length, 2, net.join('\n'));
    assert.ok(net.some((m) => /Subnet subnet-0000000000000dead does not exist/.test(m)));
    assert.ok(net.some((m) => /web-instance has target type instance/.test(m)));
  });

  it('says "permission not checked" when the caller may not simulate, and honours --rule (sarif)', async () => {
    deny.splice(0, deny.length, 'secretsmanager:GetSecretValue');
    simulation.refused = true;
    const r = await cli(['task-def.json', '--format', 'sarif', '--rule', 'live/role-trust=error']);
    simulation.refused = false;
    assert.equal(r.code, 1, r.err);
    const sarif = JSON.parse(r.out) as {
      runs: {
        results: {
          ruleId: string;
          level: string;
          locations: { physicalLocation: { region: { startLine: number } } }[];
        }[];
      }[];
    };
    const results = sarif.runs[0].results;
    assert.equal(results.find((x) => x.ruleId === 'live/role-trust')?.level, 'error');
    assert.equal(results.filter((x) => x.ruleId === 'live/secret-access').length, 0);
    const notChecked = results.filter((x) => x.ruleId === 'live/not-checked');
    assert.ok(notChecked.some((x) => x.level === 'note'));
    assert.ok(/permission not checked/.test(r.out), r.out.slice(0, 2000));
    const line = results.find((x) => x.ruleId === 'live/image-not-found')!.locations[0].physicalLocation.region
      .startLine;
    assert.ok(line > 1);
  });

  it('exits 2 with a reason when AWS cannot be reached, and 2 on bad usage', async () => {
    // The SDK reads the endpoint from the process environment (as the CLI binary would).
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
    process.env.AWS_MAX_ATTEMPTS = '1';
    try {
      const down = await cli(['task-def.json']);
      assert.equal(down.code, 2, down.out);
      assert.match(down.err, /fargate-lens verify: /);
      assert.ok(!down.err.includes('testing'), down.err);
    } finally {
      process.env.AWS_ENDPOINT_URL = saved;
      delete process.env.AWS_MAX_ATTEMPTS;
    }
    assert.equal((await cli(['--format', 'xml', 'task-def.json'])).code, 2);
    assert.equal((await cli([])).code, 2);
  });
});
