/**
 * (unit) Pre-flight findings as VS Code shows them (client/src/exec/commands.ts vscodeUi, under the vscode
 * stub): one notification whose text fits (VS Code cuts long notification text), the fixes as buttons
 * and Details; Details opens every finding with its fixes, then the same choices come back (without
 * Details) so a fix is still one click away.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { runPreflight, SUMMARY_MAX, type Finding, type PreflightInput } from '../../../client/src/exec/preflight';
import type { ExecUi } from '../../../client/src/exec/ports';
import { createVscodeStub, withVscode } from '../client/vscodeStub';

const requireHere = createRequire(__filename);
const stub = createVscodeStub();
const api = stub.api as Record<string, Record<string, unknown>>;
const shown: { kind: string; message: string; buttons: string[] }[] = [];
let answers: (string | undefined)[] = [];
const answer =
  (kind: string) =>
  async (message: string, ...buttons: string[]) => {
    shown.push({ kind, message, buttons });
    return answers.shift();
  };
api.window.showErrorMessage = answer('error');
api.window.showWarningMessage = answer('warning');
const docs: { content: string; language: string }[] = [];
api.workspace.openTextDocument = async (d: { content: string; language: string }) => (docs.push(d), d);
api.window.showTextDocument = async () => undefined;

const { vscodeUi } = withVscode(stub, () => requireHere('../../../client/src/exec/commands')) as {
  vscodeUi: (output: unknown, commandOutput: unknown) => ExecUi;
};
const channel = { appendLine: () => undefined, append: () => undefined, show: () => undefined };

const CLUSTER = 'arn:aws:ecs:us-east-1:111122223333:cluster/prod';
const TASK = 'arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef';

/** A task started before its service had ECS Exec, on a retired platform version, its agent not running. */
function oldTask(): Finding[] {
  const input: PreflightInput = {
    containerName: 'app',
    serviceExecEnabled: true,
    task: {
      taskArn: TASK,
      clusterArn: CLUSTER,
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      platformVersion: '1.3.0',
      enableExecuteCommand: false,
      group: 'service:web',
      taskDefinitionArn: 'arn:td/web:3',
      containers: [{ name: 'app', runtimeId: 'r1', lastStatus: 'RUNNING', managedAgents: [] }],
    },
  };
  return runPreflight(input);
}

test('several blocking findings: one short notification, Details opens them all, then the fixes are offered again (unit)', async () => {
  const findings = oldTask();
  assert.ok(findings.filter((f) => f.severity !== 'info').length >= 3, 'several findings');
  shown.length = 0;
  docs.length = 0;
  answers = ['Details', 'Stop task 01234567 (service web starts a new one)'];
  const choice = await vscodeUi(channel, channel).presentFindings(findings, true);
  assert.equal(shown.length, 2);
  const [first, again] = shown;
  assert.equal(first.kind, 'error');
  assert.ok(first.message.length <= 'ECS Exec: '.length + SUMMARY_MAX, first.message);
  assert.match(first.message, /\(\+\d+ more: /);
  assert.deepEqual(first.buttons, [
    'Redeploy service web (force new deployment)',
    'Stop task 01234567 (service web starts a new one)',
    'Details',
  ]);
  assert.equal(docs.length, 1);
  assert.equal(docs[0].language, 'markdown');
  for (const f of findings) assert.ok(docs[0].content.includes(f.message), f.id);
  assert.match(docs[0].content, /- Or: Stop task 01234567/);
  assert.deepEqual(again.buttons, first.buttons.slice(0, -1), 'the same fixes, without Details');
  assert.equal(again.message, first.message);
  assert.deepEqual(choice, {
    title: 'Stop task 01234567 (service web starts a new one)',
    action: 'stopTask',
    clusterArn: CLUSTER,
    taskArn: TASK,
    service: 'web',
  });
});

test('warnings only: a warning with Continue, and dismissing it after Details picks nothing (unit)', async () => {
  const warning: Finding = {
    id: 'exec/readonly-root',
    severity: 'warning',
    message: 'Container app has a read-only root.',
  };
  shown.length = 0;
  answers = ['Details', undefined];
  const choice = await vscodeUi(channel, channel).presentFindings([warning], false);
  assert.deepEqual(
    shown.map((s) => [s.kind, s.buttons]),
    [
      ['warning', ['Continue', 'Details']],
      ['warning', ['Continue']],
    ],
  );
  assert.equal(choice, undefined);
});
