import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from '../../../client/src/aws/types';
import { COMMANDS } from '../../../client/src/commands/index';
import type { CommandDeps } from '../../../client/src/commands/types';
import { nodes } from '../../../client/src/explorer/nodes';
import { addCluster } from '../explorer/fakeAccount';
import { FakeAws } from '../explorer/fakeAws';
import { ScriptedUi } from '../explorer/scriptedUi';
import { commandDeps } from '../../shared/commandDeps';

const conn: Connection = { profile: 'dev', region: 'us-east-1' };
const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage';
const LONG_REASON = `Essential container in task exited ${'x'.repeat(300)} <end>`;

function setup(): { fake: FakeAws; deps: CommandDeps; ui: ScriptedUi } {
  const fake = new FakeAws();
  const ui = new ScriptedUi();
  return { fake, deps: commandDeps(ui, fake.factory, conn, { showStoppedTasks: true }), ui };
}

describe('Diagnose command (unit)', () => {
  it('opens one Markdown report for a stopped task: rule id, whole reason, exit code, cause, fix; offers JSON and logs', async () => {
    const { fake, deps, ui } = setup();
    const region = fake.region('us-east-1');
    const cluster = addCluster(region, 'us-east-1', 'prod', { services: 1, tasksPerService: 2 });
    const [stopped] = region.tasks.get(cluster.clusterArn)!;
    Object.assign(stopped, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: LONG_REASON,
      stoppedAt: new Date(Date.now() - 12 * 60_000),
      containers: [{ name: 'app', lastStatus: 'STOPPED', exitCode: 137, reason: OOM_REASON }],
    });
    ui.notifyAnswers.push('Open Task JSON');
    const node = nodes.task(nodes.connection(conn), cluster.clusterArn, stopped);
    await COMMANDS['fargateLens.diagnose'](deps, node);
    assert.equal(ui.opened.length, 1);
    assert.match(ui.opened[0], /^fargate-lens:\/us-east-1\/diagnosis\/.*\.md$/);
    const text = deps.documents.get(ui.opened[0])!;
    assert.match(text, /`live\/oom`/);
    assert.ok(text.includes(LONG_REASON), 'the whole stopped reason, never truncated');
    assert.match(text, /exit code 137/);
    assert.match(text, /\*\*What to change:\*\*/);
    assert.match(text, /Stopped 12 min ago/);
    assert.match(text, /profile `dev`/);
    assert.equal(ui.notices[0].severity, 'warning');
    assert.match(ui.notices[0].message, /live\/oom/);
    assert.deepEqual(
      ui.ran.map((r) => r.id),
      ['fargateLens.openAsJson'],
    );
    assert.equal(fake.count('ListTasks'), 0, 'a task node needs no listing');
  });

  it('a service: its stopped tasks; an unknown failure is unclassified with its evidence, a scale-in is not a failure', async () => {
    const { fake, deps, ui } = setup();
    const region = fake.region('us-east-1');
    const cluster = addCluster(region, 'us-east-1', 'prod', { services: 1, tasksPerService: 3 });
    const [a, b] = region.tasks.get(cluster.clusterArn)!;
    Object.assign(a, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Something entirely new happened',
      containers: [{ name: 'app', lastStatus: 'STOPPED' }],
    });
    Object.assign(b, {
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)',
      containers: [{ name: 'app', lastStatus: 'STOPPED', exitCode: 0 }],
    });
    const service = region.services.get(cluster.clusterArn)![0];
    await COMMANDS['fargateLens.diagnose'](deps, nodes.service(nodes.connection(conn), cluster.clusterArn, service));
    const text = deps.documents.get(ui.opened[0])!;
    assert.match(text, /Unclassified failure/);
    assert.match(text, /Something entirely new happened/);
    assert.match(text, /## Stopped on purpose/);
    assert.match(text, /2 recently stopped task\(s\), 1 failed/);
    assert.equal(ui.notices[0].severity, 'info');
    assert.equal(ui.ran.length, 0, 'dismissed: nothing opened');
  });

  it('a task still running: says so, opens nothing', async () => {
    const { fake, deps, ui } = setup();
    const region = fake.region('us-east-1');
    const cluster = addCluster(region, 'us-east-1', 'prod', { standalone: 1 });
    const [t] = region.tasks.get(cluster.clusterArn)!;
    await COMMANDS['fargateLens.diagnose'](deps, nodes.task(nodes.connection(conn), cluster.clusterArn, t));
    assert.equal(ui.opened.length, 0);
    assert.match(ui.infos[0], /has not stopped/);
  });
});
