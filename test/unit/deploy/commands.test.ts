import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service } from '../../../client/src/aws/types';
import { COMMANDS } from '../../../client/src/commands/index';
import { COMMAND_SPECS } from '../../../client/src/commands/registry';
import type { CommandDeps } from '../../../client/src/commands/types';
import { pickLabel, ScriptedUi, value } from '../explorer/scriptedUi';
import { toTreeItem } from '../../../client/src/explorer/treeItems';
import { circuitBreakerTrips, serviceOf, steady, tasksFailed, tasksRunning } from './rolloutDriver';
import { account, deployDeps, REGION, tdArn } from './setup';

const FILE = 'file:///ws/web.json';
const fileText = (patch: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'nginx', essential: true }],
      ...patch,
    },
    null,
    2,
  );
const run = (id: keyof typeof COMMANDS, deps: CommandDeps, ...args: unknown[]) => COMMANDS[id](deps, ...args);
/** The explorer's node of `service` on the deps' connection, as commands get it. */
const serviceNode = (deps: CommandDeps, service: Service) => ({
  kind: 'service',
  id: 'x',
  conn: deps.connections()[0],
  clusterArn: service.clusterArn!,
  service,
});
const updates = (fake: ReturnType<typeof account>['fake']) => fake.calls.filter((c) => c.op === 'UpdateService').length;

function withFile(ui: ScriptedUi, text = fileText()): void {
  ui.documents.set(FILE, { text, languageId: 'json' });
}

test('deploy refuses a file with errors, in an untrusted workspace, or with placeholders, before any AWS call (unit)', async () => {
  for (const [setup, why] of [
    [(ui: ScriptedUi) => (ui.diagnostics = ['line 3: bad cpu']), /1 error from Fargate Lens \(line 3: bad cpu\)/],
    [(ui: ScriptedUi) => (ui.trusted = false), /trusted workspace/],
    [
      (ui: ScriptedUi) => withFile(ui, fileText({ containerDefinitions: [{ name: 'app', image: '${IMAGE}' }] })),
      /placeholders.*containerDefinitions\[0\]\.image: \$\{IMAGE\}/,
    ],
  ] as const) {
    const { fake } = account();
    const ui = new ScriptedUi();
    withFile(ui);
    setup(ui);
    const { deps } = deployDeps(fake, ui);
    await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
    assert.match(ui.errors.join('\n'), why);
    assert.equal(fake.calls.length, 0);
  }
});

test('token-like text only in a command line is confirmed ("Deploy As Written") and registered exactly as written (unit)', async () => {
  const command = ['sh', '-c', 'i=0; while true; do echo "$i: $(date)<br>" >> /tmp/ids.htm; i=$((i+1)); sleep 5; done'];
  const text = fileText({ containerDefinitions: [{ name: 'app', image: 'nginx', command }] });
  {
    const { fake } = account();
    const ui = new ScriptedUi([value(false)]);
    withFile(ui, text);
    const { deps } = deployDeps(fake, ui);
    await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
    assert.match(ui.confirms[0].message, /command text that looks like a template token\. Deploy it as written\?/);
    assert.match(ui.confirms[0].detail, /containerDefinitions\[0\]\.command\[2\]: i=0; while true/);
    assert.deepEqual(ui.errors, []);
    assert.equal(fake.calls.length, 0);
  }
  const { fake } = account();
  const ui = new ScriptedUi([value(true), value(true), pickLabel(/Do not update/)]);
  withFile(ui, text);
  const { deps } = deployDeps(fake, ui);
  await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
  assert.deepEqual(ui.errors, []);
  assert.equal(fake.count('RegisterTaskDefinition'), 1);
  const registered = await fake.apis({ profile: undefined, region: REGION }).ecs.describeTaskDefinition('web:3');
  assert.deepEqual(registered.taskDefinition.containerDefinitions?.[0].command, command);
});

test('warnings are confirmed ("Deploy Anyway"); declining stops before any AWS call (unit)', async () => {
  const { fake } = account();
  const ui = new ScriptedUi([value(false)]);
  withFile(ui);
  ui.warnings = ['line 9: no log configuration'];
  const { deps } = deployDeps(fake, ui);
  await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
  assert.match(ui.confirms[0].message, /1 warning from Fargate Lens\. Deploy anyway\?/);
  assert.equal(fake.calls.length, 0);
});

test('a file identical to the latest revision is kept (no new revision), then the chosen service is updated to it and watched to steady state (unit)', async () => {
  const { fake, web } = account();
  // The file as registered: web:2 is what addTaskDefinition registers.
  const ui = new ScriptedUi([pickLabel(/^prod\/web$/), value(true)]);
  withFile(ui, fileText({ containerDefinitions: [{ name: 'app', image: 'nginx' }] }));
  const { deps, rollouts } = deployDeps(fake, ui, [() => tasksRunning(web, 2), () => steady(web, fake)]);
  await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
  assert.equal(fake.count('RegisterTaskDefinition'), 0);
  assert.match(ui.infos[0], /web:2 already matches web\.json: keeping it/);
  assert.match(ui.confirms[0].message, /Update prod\/web from web:1 to web:2\?/);
  assert.match(ui.confirms[0].detail, /up to 4 run at once .*you pay for both/s);
  assert.match(ui.confirms[0].detail, /Only the task definition is sent/);
  const update = fake.calls.filter((c) => c.op === 'UpdateService');
  assert.equal(update.length, 1);
  assert.equal(serviceOf(fake, REGION, 'web').taskDefinition, tdArn(2));
  assert.equal(serviceOf(fake, REGION, 'web').desiredCount, 2);
  assert.match(ui.progressTitles.join(), /prod\/web: rolling out web:2/);
  assert.ok(ui.progressMessages.some((m) => /^2\/2 running/.test(m)));
  assert.deepEqual(
    ui.notices.map((n) => n.severity),
    ['info'],
  );
  assert.match(ui.notices[0].message, /reached a steady state/);
  assert.equal(rollouts.get(web.serviceArn)?.phase, 'steady');
});

test('a changed file is registered as a new revision after confirmation; "Do not update a service" stops there (unit)', async () => {
  const { fake } = account();
  const ui = new ScriptedUi([value(true), pickLabel(/Do not update/)]);
  withFile(ui, fileText({ memory: '1024' }));
  const { deps } = deployDeps(fake, ui);
  await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
  assert.match(ui.confirms[0].message, /Register web\.json as a new revision of web\?/);
  assert.match(ui.confirms[0].detail, /differs from web:2 in 1 field: memory/);
  assert.equal(fake.count('RegisterTaskDefinition'), 1);
  assert.match(ui.infos.join(), /Registered web:3/);
  assert.equal(updates(fake), 0);
});

test('a launch conflict found by the language server is confirmed before the update (unit)', async () => {
  const { fake } = account();
  const ui = new ScriptedUi([pickLabel(/^prod\/web$/), value(false)]);
  withFile(ui, fileText({ containerDefinitions: [{ name: 'app', image: 'nginx' }] }));
  const { deps } = deployDeps(fake, ui);
  const seen: Array<Record<string, unknown>> = [];
  deps.deploy!.checkLaunch = async (_uri, launch) => {
    seen.push(launch);
    return ['error: platform version 1.3.0 does not support EFS volumes (pv/feature-requires-1.4)'];
  };
  await run('fargateLens.deployTaskDefinitionFile', deps, FILE, 'web');
  assert.equal(seen[0].taskDefinition, 'web');
  assert.equal(seen[0].launchType, 'FARGATE');
  assert.match(ui.confirms[0].message, /launch settings conflict with web\.json\. Update anyway\?/);
  assert.equal(updates(fake), 0);
});

test('Set Desired Count sends only the desired count; Force New Deployment only the flag (unit)', async () => {
  const { fake, web } = account();
  const ui = new ScriptedUi([value('5'), value(true)]);
  const { deps } = deployDeps(fake, ui, [() => steady(web)]);
  const node = serviceNode(deps, web);
  await run('fargateLens.setDesiredCount', deps, node);
  assert.match(
    ui.confirms[0].detail,
    /starts 3 more tasks of web:1; Fargate bills each per second.*256 CPU units, 512 MiB/s,
  );
  const s = serviceOf(fake, REGION, 'web');
  assert.equal(s.desiredCount, 5);
  assert.equal(s.taskDefinition, tdArn(1));
  assert.equal(s.deploymentConfiguration?.maximumPercent, 200);

  const ui2 = new ScriptedUi([value(true)]);
  const { deps: deps2 } = deployDeps(fake, ui2, [() => steady(s)]);
  const before = s.deployments![0].id;
  await run('fargateLens.forceNewDeployment', deps2, { ...node, service: s });
  assert.notEqual(serviceOf(fake, REGION, 'web').deployments![0].id, before);
  assert.equal(serviceOf(fake, REGION, 'web').desiredCount, 5);
});

test('the circuit breaker setting sends back the whole deployment configuration with only the breaker changed (unit)', async () => {
  const { fake, web } = account();
  const ui = new ScriptedUi([pickLabel(/^Enable without rollback/), value(true)]);
  const { deps } = deployDeps(fake, ui);
  await run('fargateLens.setCircuitBreaker', deps, serviceNode(deps, web));
  assert.deepEqual(serviceOf(fake, REGION, 'web').deploymentConfiguration, {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: false },
    alarms: { alarmNames: ['web-5xx'], enable: true, rollback: false },
  });
  assert.match(ui.confirms[0].detail, /No deployment starts now/);
  assert.equal(serviceOf(fake, REGION, 'web').deployments!.length, 1);
});

test('Roll Back: from the old deployment still running, from the deployment history, else a pick that says why (unit)', async () => {
  // History: web:1 completed, then web:2 completed.
  {
    const { fake, web } = account();
    const ecs = fake.apis({ profile: undefined, region: REGION }).ecs;
    fake.recordDeployment(web, 'SUCCESSFUL');
    await ecs.updateService({ cluster: web.clusterArn!, service: 'web', taskDefinition: 'web:2' });
    steady(web, fake);
    const ui = new ScriptedUi([value(true)]);
    const { deps } = deployDeps(fake, ui, [() => steady(web, fake)]);
    await run('fargateLens.rollBackService', deps, serviceNode(deps, web));
    assert.match(ui.confirms[0].message, /Roll back web from web:2 to web:1\?/);
    assert.match(ui.confirms[0].detail, /deployment history/);
    assert.equal(serviceOf(fake, REGION, 'web').taskDefinition, tdArn(1));
  }
  // Mid-rollout: the old deployment still runs web:1.
  {
    const { fake, web } = account();
    await fake
      .apis({ profile: undefined, region: REGION })
      .ecs.updateService({ cluster: web.clusterArn!, service: 'web', taskDefinition: 'web:2' });
    const ui = new ScriptedUi([value(false)]);
    const { deps } = deployDeps(fake, ui);
    await run('fargateLens.rollBackService', deps, serviceNode(deps, web));
    assert.match(ui.confirms[0].detail, /the old deployment still runs/);
    assert.equal(fake.count('ListServiceDeployments'), 0);
  }
  // No history API (an emulator): the user picks among older revisions, told why.
  {
    const { fake, web } = account();
    web.taskDefinition = tdArn(2);
    web.deployments![0].taskDefinition = tdArn(2);
    fake.fail(
      REGION,
      'ListServiceDeployments',
      Object.assign(new Error('not implemented'), { name: 'UnknownOperationException' }),
    );
    let placeholder = '';
    const ui = new ScriptedUi([
      ({ items, title }) => {
        placeholder = title;
        return items![0].value;
      },
      value(false),
    ]);
    const { deps } = deployDeps(fake, ui);
    await run('fargateLens.rollBackService', deps, serviceNode(deps, web));
    assert.match(placeholder, /Roll back web to/);
    assert.match(ui.confirms[0].message, /to web:1\?/);
  }
});

test('a failed rollout offers the diagnosis when the extension has it, else the service events (unit)', async () => {
  for (const diagnose of [true, false]) {
    const { fake, web } = account();
    const ui = new ScriptedUi([value(true)]);
    if (diagnose) ui.commands.add('fargateLens.diagnose');
    ui.notifyAnswers = [diagnose ? 'Why Did It Fail?' : 'Show Service Events'];
    const { deps } = deployDeps(fake, ui, [() => circuitBreakerTrips(web, tdArn(1))]);
    await run('fargateLens.forceNewDeployment', deps, serviceNode(deps, web));
    assert.equal(ui.notices[0].severity, 'error');
    assert.match(ui.notices[0].message, /ECS rolled back/);
    if (diagnose) {
      assert.equal(ui.ran[0].id, 'fargateLens.diagnose');
      assert.equal((ui.ran[0].args[0] as { kind: string }).kind, 'service');
    } else {
      assert.deepEqual(ui.notices[0].actions, ['Show Service Events']);
      assert.match(ui.opened[0], /service-events/);
      assert.match(deps.documents.get(ui.opened[0]) ?? '', /rolling back to deployment/);
    }
  }
});

test('the service node follows the watched rollout: tasks started/running/failed while it runs, the circuit breaker trip and its events at the end (unit)', async () => {
  const { fake, web } = account();
  const ui = new ScriptedUi([value(true)]);
  ui.notifyAnswers = [undefined];
  const { deps, rollouts } = deployDeps(fake, ui, [
    () => tasksRunning(web, 1),
    () => tasksFailed(web, 1),
    () => circuitBreakerTrips(web, tdArn(1)),
  ]);
  const node = { kind: 'service', id: 'x', conn: deps.connections()[0], clusterArn: web.clusterArn!, service: web };
  const shown: Array<{ description?: string; tooltip?: string }> = [];
  rollouts.onDidChange((arn) => {
    const item = toTreeItem(node as never, rollouts.get(arn));
    shown.push({ description: item.description, tooltip: item.tooltip });
  });
  await run('fargateLens.forceNewDeployment', deps, node);
  const descriptions = shown.map((s) => s.description ?? '');
  assert.ok(
    descriptions.some((d) => /rolling out web:1: 1\/2 running/.test(d)),
    descriptions.join('\n'),
  );
  assert.ok(
    descriptions.some((d) => /rolling out web:1: .*1 failed/.test(d)),
    descriptions.join('\n'),
  );
  const last = shown[shown.length - 1];
  assert.match(last.description ?? '', /deployment failed; ECS rolled back web:1/);
  assert.match(last.tooltip ?? '', /circuit breaker: tasks failed to start/);
  assert.match(last.tooltip ?? '', /Circuit breaker: on, rollback/);
  assert.match(last.tooltip ?? '', /failed container health checks/);
});

test('the file commands (lens refresh, compare, deploy) are trusted-only in the registry: the runner refuses them before loading anything (unit)', () => {
  const trusted: string[] = COMMAND_SPECS.filter((s) => 'trustedOnly' in s && s.trustedOnly).map((s) => s.id);
  for (const id of [
    'fargateLens.refreshDrift',
    'fargateLens.compareWithRegistered',
    'fargateLens.deployTaskDefinitionFile',
  ])
    assert.ok(trusted.includes(id), `${id} is trustedOnly`);
});
