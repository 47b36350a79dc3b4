/** (e2e) Follow Container Logs on a container of the seeded sandbox: the seeded lines, then a line written while following. */
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import * as vscode from 'vscode';
import { activeExtension, seededAccount, waitFor } from '../helpers';

interface Seed {
  region: string;
  clusters: { prod: string };
  tasks: { web: string[] };
}

describe('container logs (e2e)', () => {
  it('Follow Container Logs on a container shows the seeded lines, then a new line while following, and stops when closed', async function () {
    this.timeout(60_000);
    await activeExtension();
    const seed = seededAccount<Seed>();
    const task = seed.tasks.web[0];
    const taskId = task.split('/').pop()!;
    // The node the explorer passes for a container (plain data, client/src/explorer/nodes.ts).
    const node = {
      kind: 'container',
      id: `e2e/task:${task}/container:app`,
      conn: { profile: undefined, region: seed.region },
      clusterArn: seed.clusters.prod,
      taskArn: task,
      container: { name: 'app', lastStatus: 'RUNNING' },
    };
    await vscode.commands.executeCommand('fargateLens.followContainerLogs', node, { since: '1h', filter: '' });
    const doc = await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () =>
        vscode.workspace.textDocuments.find(
          (d) => d.uri.scheme === 'fargate-lens-logs' && d.getText().includes('cache refreshed (842 keys)'),
        ),
      'the seeded lines in the log view',
    );
    assert.equal(doc.languageId, 'log');
    assert.match(doc.getText(), /^# Following app · task /);
    assert.match(doc.getText(), /\[app\] Listening on 0\.0\.0\.0:80$/m);
    assert.match(doc.getText(), /\[app\] ERROR payment provider timeout/, 'ANSI escapes are not shown as text');

    const logs = new CloudWatchLogsClient({ region: seed.region });
    try {
      await logs.send(
        new PutLogEventsCommand({
          logGroupName: '/ecs/web',
          logStreamName: `ecs/app/${taskId}`,
          logEvents: [{ timestamp: Date.now(), message: 'e2e: written while following' }],
        }),
      );
    } finally {
      logs.destroy();
    }
    await waitFor(
      vscode.workspace.onDidChangeTextDocument,
      () => (doc.getText().includes('e2e: written while following') ? true : undefined),
      'the new line in the followed view',
    );
    assert.equal(doc.getText().split('e2e: written while following').length, 2, 'shown once');

    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () =>
        vscode.window.tabGroups.all.some((g) =>
          g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString()),
        )
          ? undefined
          : true,
      'the log tab to close',
    );
  });
});
