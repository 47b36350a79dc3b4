import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { COMMANDS } from '../../../client/src/commands/index';
import { consoleUrl } from '../../../client/src/commands/openInConsole';
import { refusePlatformVersion } from '../../../client/src/commands/platformVersions';
import { launchablePlatformVersions, RETIRED_LINUX } from '../../../server/src/service/facts/platformVersions';
import { parseRegisterInput, toRegisterShape } from '../../../client/src/commands/registerShape';
import type { CommandDeps } from '../../../client/src/commands/types';
import { ExplorerModel } from '../../../client/src/explorer/model';
import type { ExplorerNode } from '../../../client/src/explorer/nodes';
import { addCluster, addTaskDefinition } from './fakeAccount';
import { FakeAws } from './fakeAws';
import { pickLabel, ScriptedUi, value } from './scriptedUi';
import { commandDeps } from '../../shared/commandDeps';

const conn: Connection = { profile: 'dev', region: 'us-east-1' };

function setup(ui: ScriptedUi): { fake: FakeAws; deps: CommandDeps; model: ExplorerModel } {
  const fake = new FakeAws();
  const deps = commandDeps(ui, fake.factory, conn);
  return { fake, deps, model: deps.model };
}

async function find(
  model: ExplorerModel,
  pred: (n: ExplorerNode) => boolean,
  from?: ExplorerNode,
): Promise<ExplorerNode | undefined> {
  for (const kid of await model.getChildren(from)) {
    if (pred(kid)) return kid;
    if (
      [
        'connection',
        'clusters',
        'cluster',
        'services',
        'service',
        'standaloneTasks',
        'taskDefinitions',
        'family',
      ].includes(kid.kind)
    ) {
      const hit = await find(model, pred, kid);
      if (hit) return hit;
    }
  }
  return undefined;
}

describe('commands (unit)', () => {
  it('run task: walks the wizard, sends one RunTask with a clientToken, reveals the task', async () => {
    const ui = new ScriptedUi([
      pickLabel(/^web$/),
      pickLabel(/^web:2$/),
      /* one placement: no prompt */ pickLabel(/^LATEST$/),
      pickLabel(/service svc-0/),
      pickLabel(/No public IP/),
      value('3'),
      pickLabel(/Override container app/),
      value('["sh","-c","echo hi"]'),
      value('A=1 B=2'),
      pickLabel(/Enable ECS Exec/),
      value(true),
    ]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'web', 2);
    const cluster = await find(model, (n) => n.kind === 'cluster');
    await COMMANDS['fargateLens.runTask'](deps, cluster);
    assert.deepEqual(ui.errors, []);
    assert.equal(fake.count('RunTask'), 1);
    assert.equal(fake.runTaskTokens.size, 1);
    const [token, tasks] = [...fake.runTaskTokens.entries()][0];
    assert.equal(token, 'tok-1');
    assert.equal(tasks.length, 3);
    assert.equal(ui.revealed.length, 1);
    assert.ok(ui.revealed[0].kind === 'task' && ui.revealed[0].task.taskArn === tasks[0].taskArn);
  });

  it('run task: a retried RunTask with the same clientToken starts nothing twice', async () => {
    const fake = new FakeAws();
    const c = addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    const ecs = fake.ecs('us-east-1');
    const input = {
      cluster: c.clusterArn,
      taskDefinition: 'web:1',
      count: 2,
      clientToken: 'same',
      launchType: 'FARGATE',
    };
    const a = await ecs.runTask(input);
    const b = await ecs.runTask(input);
    assert.deepEqual(
      b.tasks.map((t) => t.taskArn),
      a.tasks.map((t) => t.taskArn),
    );
    assert.equal(fake.region('us-east-1').tasks.get(c.clusterArn)!.length, 2);
  });

  it('run task: refuses a retired platform version with the reason and calls nothing', async () => {
    const ui = new ScriptedUi([pickLabel(/^web$/), pickLabel(/^web:1$/), pickLabel(/^Other/), value('1.2.0')]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'web', 1);
    await COMMANDS['fargateLens.runTask'](deps, await find(model, (n) => n.kind === 'cluster'));
    assert.match(ui.errors[0], /1\.2\.0 is retired/);
    assert.equal(fake.count('RunTask'), 0);
  });

  it('run task: offers the platform versions the language server accepts, never a retired one', async () => {
    let offered: string[] = [];
    const ui = new ScriptedUi([
      pickLabel(/^web$/),
      pickLabel(/^web:1$/),
      ({ items }) => {
        offered = (items ?? []).map((i) => i.label);
        return undefined; // cancel at the platform version step
      },
    ]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod');
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'web', 1);
    await COMMANDS['fargateLens.runTask'](deps, await find(model, (n) => n.kind === 'cluster'));
    assert.deepEqual(offered, [...launchablePlatformVersions('linux').map((p) => p.value), 'Other…']);
    assert.deepEqual(offered, ['LATEST', '1.4.0', 'Other…']);
    for (const v of offered) assert.ok(!RETIRED_LINUX.includes(v), `${v} is retired`);
    assert.equal(ui.prompts.at(-1), 'Run task: platform version');
  });

  it('stop task: confirms with what will happen; cancelling calls nothing', async () => {
    const ui = new ScriptedUi([value('done'), value(false)]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 1 });
    const task = await find(model, (n) => n.kind === 'task');
    await COMMANDS['fargateLens.stopTask'](deps, task);
    assert.match(ui.confirms[0].detail, /Service svc-0 will start a replacement task/);
    assert.equal(fake.count('StopTask'), 0);
    const ui2 = new ScriptedUi([value('done'), value(true)]);
    await COMMANDS['fargateLens.stopTask']({ ...deps, ui: ui2 }, task);
    assert.equal(fake.count('StopTask'), 1);
  });

  it('stop task: an AWS failure is reported once, redacted, without throwing', async () => {
    const ui = new ScriptedUi([value('x'), value(true)]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { standalone: 1 });
    const task = await find(model, (n) => n.kind === 'task');
    fake.fail(
      'us-east-1',
      'StopTask',
      Object.assign(
        new Error('token ASIAABCDEFGHIJKLMNOP expired: FwoGZXIvYXdzEJr//////////wEaDHh4eHh4eHh4eHh4eHh4eHh4eHh4'),
        { name: 'ExpiredTokenException' },
      ),
    );
    await COMMANDS['fargateLens.stopTask'](deps, task);
    assert.equal(ui.errors.length, 1);
    assert.doesNotMatch(ui.errors[0], /ASIAABCDEFGHIJKLMNOP|FwoGZXIvYXdz/);
    assert.match(ui.errors[0], /expired/);
  });

  it('enable ECS Exec: UpdateService only after a confirmation that mentions the new deployment', async () => {
    const ui = new ScriptedUi([value(true)]);
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { services: 1, tasksPerService: 2 });
    const svc = await find(model, (n) => n.kind === 'service');
    await COMMANDS['fargateLens.enableServiceExec'](deps, svc);
    assert.match(ui.confirms[0].detail, /forces a new deployment: all 2 running tasks of /);
    assert.equal(fake.count('UpdateService'), 1);
    assert.equal(fake.region('us-east-1').services.values().next().value![0].enableExecuteCommand, true);
  });

  it('register: refused with errors unless confirmed, refused when untrusted, strips read-only fields', async () => {
    const text = JSON.stringify({
      family: 'web',
      revision: 7,
      status: 'ACTIVE',
      taskDefinitionArn: 'arn:x',
      containerDefinitions: [{ name: 'app', image: 'nginx' }],
    });
    const ui = new ScriptedUi([value(false)]);
    const { fake, deps } = setup(ui);
    ui.editor = { uri: 'file:///td.json', text, languageId: 'json' };
    ui.diagnostics = ['line 1: bad cpu'];
    await COMMANDS['fargateLens.registerTaskDefinition'](deps);
    assert.equal(fake.count('RegisterTaskDefinition'), 0);
    ui.trusted = false;
    await COMMANDS['fargateLens.registerTaskDefinition'](deps);
    assert.match(ui.errors.at(-1)!, /trusted workspace/);
    const ui2 = new ScriptedUi([value(true)]);
    ui2.editor = ui.editor;
    ui2.diagnostics = ['line 1: bad cpu'];
    await COMMANDS['fargateLens.registerTaskDefinition']({ ...deps, ui: ui2 });
    assert.equal(fake.count('RegisterTaskDefinition'), 1);
    // One confirmation, naming the errors and where the call goes.
    assert.equal(ui2.confirms.length, 1);
    assert.match(ui2.confirms[0].message, /^Register "web" with 1 error from Fargate Lens\?$/);
    assert.match(ui2.confirms[0].detail, /line 1: bad cpu[\s\S]*RegisterTaskDefinition in us-east-1/);
    assert.deepEqual(ui2.discarded, [], 'a file is not closed');
    const registered = fake.region('us-east-1').taskDefinitions[0];
    assert.equal(registered.revision, 1);
    assert.match(ui2.infos[0], /Registered web:1/);
  });

  it('open as JSON, copy ARN and open in console work from nodes', async () => {
    const ui = new ScriptedUi();
    const { fake, deps, model } = setup(ui);
    addCluster(fake.region('us-east-1'), 'us-east-1', 'prod', { standalone: 1 });
    const task = (await find(model, (n) => n.kind === 'task'))!;
    await COMMANDS['fargateLens.openAsJson'](deps, task);
    assert.match(deps.documents.get(ui.opened[0])!, /"lastStatus": "RUNNING"/);
    await COMMANDS['fargateLens.copyArn'](deps, task);
    assert.ok(task.kind === 'task' && ui.copied[0] === task.task.taskArn);
    await COMMANDS['fargateLens.openInConsole'](deps, task);
    assert.match(
      ui.external[0],
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/ecs\/v2\/clusters\/prod\/tasks\/[0-9a-f]+\/configuration\?region=us-east-1$/,
    );
    assert.equal(consoleUrl({ kind: 'message', id: 'x', conn, severity: 'info', message: 'm' }), undefined);
  });

  it('register from the untitled copy of Edit as New Revision: the toast names a real command, one confirmation, no dirty tab left', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { commands: Array<{ command: string; title: string; category?: string }> };
    };
    const titles = pkg.contributes.commands.map((c) => `${c.category ? `${c.category}: ` : ''}${c.title}`);
    const ui = new ScriptedUi([value(true)]);
    const { fake, deps, model } = setup(ui);
    addTaskDefinition(fake.region('us-east-1'), 'us-east-1', 'web', 1);
    await COMMANDS['fargateLens.editTaskDefinition'](deps, await find(model, (n) => n.kind === 'revision'));
    const named = /run "([^"]+)"/.exec(ui.infos.at(-1) ?? '')?.[1];
    assert.ok(named && titles.includes(named), `the toast names "${named}", which is no command title`);
    ui.editor = { uri: 'untitled:Untitled-1', text: ui.untitled[0], languageId: 'json' };
    await COMMANDS['fargateLens.registerTaskDefinition'](deps);
    assert.equal(fake.count('RegisterTaskDefinition'), 1);
    assert.equal(ui.confirms.length, 1);
    assert.deepEqual(ui.discarded, ['untitled:Untitled-1']);
  });

  it('platform versions, register shape and register input parsing', () => {
    const efsTd = { volumes: [{ name: 'd', efsVolumeConfiguration: { fileSystemId: 'fs-1' } }] };
    assert.match(refusePlatformVersion('1.3.0', efsTd)!, /1\.3\.0 is retired \(since 2026-03-16\)/);
    assert.equal(refusePlatformVersion('1.4.0', efsTd), undefined);
    assert.equal(refusePlatformVersion('LATEST', efsTd), undefined);
    assert.match(refusePlatformVersion('1.1.0', {})!, /retired/);
    assert.match(refusePlatformVersion('1.3.0', {})!, /retired/);
    assert.equal(
      refusePlatformVersion('1.0.0', { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }),
      undefined,
    );
    const shape = toRegisterShape(
      { family: 'f', revision: 2, status: 'ACTIVE', compatibilities: ['EC2'], registeredAt: 'x', cpu: '256' },
      [
        { key: 'team', value: 'a' },
        { key: 'aws:cloudformation:stack-name', value: 's' },
      ],
    );
    assert.deepEqual(shape, { family: 'f', cpu: '256', tags: [{ key: 'team', value: 'a' }] });
    assert.match(parseRegisterInput('{').problem!, /not valid JSON/);
    assert.match(parseRegisterInput('{"family":"x"}').problem!, /containerDefinitions/);
    assert.equal(
      parseRegisterInput('{"taskDefinition":{"family":"x","revision":3,"containerDefinitions":[{}]}}').input?.revision,
      undefined,
    );
  });
});
