/**
 * The deploy operations against moto_server through the real SDK: register (and keep an identical
 * file), Update Service to the revision, Force New Deployment, Set Desired Count, the circuit breaker
 * setting and Roll Back. moto creates a service's deployment as COMPLETED when MOTO_ECS_SERVICE_RUNNING
 * tasks cover the desired count, so each watch ends at once in a steady state; rollout states moto
 * does not simulate are the FakeAws tests' job (test/unit/deploy).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { createApiFactory } from '../../client/src/aws/factory';
import type { ApiFactory, Connection, UpdateServiceInput } from '../../client/src/aws/types';
import { COMMANDS } from '../../client/src/commands/index';
import type { CommandDeps } from '../../client/src/commands/types';
import { DEFAULT_DRIFT_OPTIONS, DriftCache } from '../../client/src/deploy/drift';
import { RolloutStore } from '../../client/src/deploy/rolloutStore';
import { pickLabel, ScriptedUi, value } from '../unit/explorer/scriptedUi';
import { commandDeps, explorerModel } from '../shared/commandDeps';
import { motoEnv, startMoto, type MotoServer } from './moto';

const conn: Connection = { profile: undefined, region: 'us-east-1' };
const FILE = 'file:///ws/web.json';
const td = {
  family: 'deployweb',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
};

describe('deploy operations against moto_server (integration)', () => {
  let moto: MotoServer;
  let factory: ReturnType<typeof createApiFactory>;
  let ecs: ECSClient;
  let clusterArn: string;

  before(async () => {
    process.env.MOTO_ECS_SERVICE_RUNNING = '10';
    moto = await startMoto();
    Object.assign(process.env, motoEnv(moto.endpoint));
    delete process.env.AWS_PROFILE;
    factory = createApiFactory(() => ({}));
    const config = {
      endpoint: moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    ecs = new ECSClient(config);
    const ec2 = new EC2Client(config);
    const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
    const groups = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
    ec2.destroy();
    clusterArn = (await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }))).cluster!.clusterArn!;
    await ecs.send(new RegisterTaskDefinitionCommand(td as never));
    await ecs
      .send(
        new CreateServiceCommand({
          cluster: 'prod',
          serviceName: 'web',
          taskDefinition: 'deployweb:1',
          desiredCount: 2,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: [subnets[0].SubnetId!], securityGroups: [groups[0].GroupId!] },
          },
        }),
      )
      .catch((e: unknown) => {
        throw new Error(`${(e as Error).message}\n${moto.logTail()}`);
      });
  });
  after(async () => {
    delete process.env.MOTO_ECS_SERVICE_RUNNING;
    ecs?.destroy();
    factory?.dispose();
    await moto?.stop();
  });

  /** Every UpdateService input the commands send (then sent on to moto through the SDK), to assert it exactly. */
  const sent: UpdateServiceInput[] = [];
  const recording: ApiFactory = async (c) => {
    const apis = await factory.get(c);
    const ecs = new Proxy(apis.ecs, {
      get: (target, member) =>
        member === 'updateService'
          ? (input: UpdateServiceInput) => {
              sent.push(structuredClone(input));
              return target.updateService(input);
            }
          : Reflect.get(target, member),
    });
    return new Proxy(apis, { get: (target, member) => (member === 'ecs' ? ecs : Reflect.get(target, member)) });
  };
  const lastUpdate = () => {
    assert.ok(sent.length > 0, 'an UpdateService was sent');
    return sent[sent.length - 1];
  };
  const deps = (ui: ScriptedUi): CommandDeps =>
    commandDeps(ui, recording, conn, {
      model: explorerModel(factory.get, [conn]),
      deploy: {
        drift: new DriftCache(factory.get, () => DEFAULT_DRIFT_OPTIONS),
        rollouts: new RolloutStore(),
        sleep: async () => undefined,
        now: () => 0,
        watch: { timeoutMs: 1 },
      },
    });
  const service = async () =>
    (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services![0];
  const node = async (_d: CommandDeps) => ({ kind: 'service', id: 'n', conn, clusterArn, service: await service() });
  const withFile = (ui: ScriptedUi, value: object) =>
    ui.documents.set(FILE, { text: JSON.stringify(value, null, 2), languageId: 'json' });

  it('an identical file is kept (no new revision); the service list names prod/web; "Do not update" stops', async () => {
    const ui = new ScriptedUi([pickLabel(/Do not update/)]);
    withFile(ui, td);
    await COMMANDS['fargateLens.deployTaskDefinitionFile'](deps(ui), FILE, 'deployweb');
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos[0], /deployweb:1 already matches web\.json: keeping it/);
    assert.equal((await service()).taskDefinition?.endsWith('deployweb:1'), true);
    assert.deepEqual(sent, []);
  });

  it('a changed file is registered as deployweb:2 and prod/web is updated to it (only the task definition changes)', async () => {
    const ui = new ScriptedUi([value(true), pickLabel(/^prod\/web$/), value(true)]);
    withFile(ui, { ...td, memory: '1024' });
    await COMMANDS['fargateLens.deployTaskDefinitionFile'](deps(ui), FILE, 'deployweb');
    assert.deepEqual(ui.errors, []);
    assert.match(ui.infos.join('\n'), /Registered deployweb:2/);
    const s = await service();
    assert.match(s.taskDefinition ?? '', /deployweb:2$/);
    assert.deepEqual(lastUpdate(), { cluster: clusterArn, service: 'web', taskDefinition: s.taskDefinition });
    assert.equal(s.desiredCount, 2);
    assert.equal(s.launchType, 'FARGATE');
    assert.equal(ui.notices.length, 1);
  });

  it('Set Desired Count changes only the desired count', async () => {
    const ui = new ScriptedUi([value('3'), value(true)]);
    const d = deps(ui);
    await COMMANDS['fargateLens.setDesiredCount'](d, await node(d));
    assert.deepEqual(ui.errors, []);
    const s = await service();
    assert.equal(s.desiredCount, 3);
    assert.match(s.taskDefinition ?? '', /deployweb:2$/);
    assert.deepEqual(lastUpdate(), { cluster: clusterArn, service: 'web', desiredCount: 3 });
  });

  it('Force New Deployment starts a new deployment of the same revision', async () => {
    const before = (await service()).deployments?.[0]?.id;
    const ui = new ScriptedUi([value(true)]);
    const d = deps(ui);
    await COMMANDS['fargateLens.forceNewDeployment'](d, await node(d));
    assert.deepEqual(ui.errors, []);
    const s = await service();
    assert.notEqual(s.deployments?.[0]?.id, before);
    assert.match(s.taskDefinition ?? '', /deployweb:2$/);
    assert.equal(s.desiredCount, 3);
    assert.deepEqual(lastUpdate(), { cluster: clusterArn, service: 'web', forceNewDeployment: true });
  });

  it('the circuit breaker setting is sent with the rest of the deployment configuration', async () => {
    const ui = new ScriptedUi([pickLabel(/^Enable with rollback/), value(true)]);
    const d = deps(ui);
    const current = (await service()).deploymentConfiguration;
    await COMMANDS['fargateLens.setCircuitBreaker'](d, await node(d));
    assert.deepEqual(lastUpdate(), {
      cluster: clusterArn,
      service: 'web',
      deploymentConfiguration: { ...current, deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    assert.deepEqual(ui.errors, []);
    assert.deepEqual((await service()).deploymentConfiguration?.deploymentCircuitBreaker, {
      enable: true,
      rollback: true,
    });
  });

  it('the circuit breaker is disabled again: enable and rollback false, the rest of the configuration unchanged', async () => {
    const ui = new ScriptedUi([pickLabel(/^Disable$/), value(true)]);
    const d = deps(ui);
    const current = (await service()).deploymentConfiguration;
    await COMMANDS['fargateLens.setCircuitBreaker'](d, await node(d));
    assert.deepEqual(ui.errors, []);
    assert.match(ui.confirms[0].message, /^Disable the deployment circuit breaker of prod\/web\?/);
    assert.deepEqual(lastUpdate(), {
      cluster: clusterArn,
      service: 'web',
      deploymentConfiguration: { ...current, deploymentCircuitBreaker: { enable: false, rollback: false } },
    });
    assert.deepEqual((await service()).deploymentConfiguration?.deploymentCircuitBreaker, {
      enable: false,
      rollback: false,
    });
  });

  it('Roll Back: moto keeps no deployment history, so the user picks the older revision (told why); the service returns to it', async () => {
    let title = '';
    const ui = new ScriptedUi([
      ({ items, title: t }) => {
        title = t;
        return items![0].value;
      },
      value(true),
    ]);
    const d = deps(ui);
    await COMMANDS['fargateLens.rollBackService'](d, await node(d));
    assert.deepEqual(ui.errors, []);
    assert.match(title, /Roll back web to/);
    assert.match(ui.confirms[0].message, /Roll back web from deployweb:2 to deployweb:1\?/);
    const s = await service();
    assert.match(s.taskDefinition ?? '', /deployweb:1$/);
    assert.deepEqual(lastUpdate(), { cluster: clusterArn, service: 'web', taskDefinition: s.taskDefinition });
  });
  it('Update Service to Revision… from the explorer: the picked revision, only the task definition sent, watched', async () => {
    const ui = new ScriptedUi([pickLabel(/^deployweb:2$/), value(true)]);
    const d = deps(ui);
    await COMMANDS['fargateLens.updateServiceRevision'](d, await node(d));
    assert.deepEqual(ui.errors, []);
    assert.match(ui.confirms[0].message, /^Update prod\/web from deployweb:1 to deployweb:2\?/);
    assert.match(ui.confirms[0].detail, /Only the task definition is sent/);
    const s = await service();
    assert.match(s.taskDefinition ?? '', /deployweb:2$/);
    assert.deepEqual(lastUpdate(), { cluster: clusterArn, service: 'web', taskDefinition: s.taskDefinition });
    assert.equal(s.desiredCount, 3);
    assert.equal(ui.notices.length, 1);
  });
});
