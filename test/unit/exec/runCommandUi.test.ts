/**
 * (unit) Run Command in Container as a user meets it: the target first (titled pickers, tasks shown
 * by what runs in them, not bare ids), then the command (its title names the container), then a
 * cancellable progress; the command's output goes to its own channel, not the ECS Exec log.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExecDeps } from '../../../client/src/exec/flow';
import { execHandlers } from '../../../client/src/exec/handlers';
import type { ExecApi, ExecUi } from '../../../client/src/exec/ports';
import type { TaskInfo } from '../../../client/src/exec/preflight';
import { execSettings } from '../../shared/execSettings';

const A = 'arn:aws:ecs:eu-west-1:111122223333';
const TASKS: TaskInfo[] = [
  {
    taskArn: `${A}:task/prod/0123456789abcdef0123456789abcdef`,
    clusterArn: `${A}:cluster/prod`,
    lastStatus: 'RUNNING',
    group: 'service:web',
    taskDefinitionArn: `${A}:task-definition/web:7`,
    containers: [{ name: 'app' }, { name: 'sidecar' }],
  },
  {
    taskArn: `${A}:task/prod/fedcba9876543210fedcba9876543210`,
    clusterArn: `${A}:cluster/prod`,
    lastStatus: 'RUNNING',
    group: 'family:migrate',
    taskDefinitionArn: `${A}:task-definition/migrate:2`,
    containers: [{ name: 'job' }],
  },
];

test('Run Command in Container: target first, titled pickers, readable tasks, then the command, under a cancellable progress (unit)', async () => {
  const events: string[] = [];
  const picks: Array<{ title: string; labels: string[]; descriptions: Array<string | undefined> }> = [];
  const api = {
    region: 'eu-west-1',
    ssmEndpointUrl: 'https://ssm.eu-west-1.amazonaws.com',
    listClusters: async () => [`${A}:cluster/prod`, `${A}:cluster/dev`],
    listRunningTasks: async () => TASKS.map((t) => t.taskArn),
    describeTasks: async (_c: string, arns: string[]) => {
      events.push(`DescribeTasks ${arns.length}`);
      return TASKS.filter((t) => arns.includes(t.taskArn));
    },
    describeTask: async (_c: string, arn: string) => TASKS.find((t) => t.taskArn === arn),
    describeTaskDefinition: async () => undefined,
    describeCluster: async () => undefined,
    describeServiceExec: async () => undefined,
    executeCommand: async () => {
      events.push('ExecuteCommand');
      throw new Error('stop here');
    },
  } as unknown as ExecApi;
  const ui = {
    pick: async (items: Array<{ label: string; description?: string; value: unknown }>, opts: { title: string }) => {
      picks.push({
        title: opts.title,
        labels: items.map((i) => i.label),
        descriptions: items.map((i) => i.description),
      });
      events.push(`pick ${opts.title}`);
      return items[0].value;
    },
    withProgress: async (title: string, task: (c: { cancelled: boolean; onCancel(): void }) => Promise<unknown>) => {
      events.push(`progress ${title}`);
      return task({ cancelled: false, onCancel: () => undefined });
    },
    presentFindings: async () => 'continue',
    output: (t: string) => events.push(`log ${t.trim()}`),
    commandOutput: (t: string) => events.push(`out ${t.trim()}`),
    showOutput: () => undefined,
    showCommandOutput: () => undefined,
    showError: (m: string) => events.push(`error ${m}`),
    showInfo: (m: string) => events.push(`info ${m}`),
  } as unknown as ExecUi;
  const deps: ExecDeps = {
    apiFor: () => api,
    ui,
    settings: () => execSettings({ simulateIamPolicies: false }),
    defaultTarget: () => ({ region: 'eu-west-1' }),
  };
  const handlers = execHandlers(deps, async (target) => {
    events.push(`ask command for ${target}`);
    return 'ls -la /app';
  });
  await handlers['fargateLens.runCommandInContainer']();

  assert.deepEqual(
    events.filter((e) => !e.startsWith('log ')),
    [
      'pick Run command: cluster',
      'DescribeTasks 2',
      'pick Run command: task',
      'pick Run command: container',
      'ask command for app @ 01234567 (ECS Exec)',
      'progress Running "ls -la /app" in app',
      'out $ ls -la /app   (app @ 01234567 (ECS Exec))',
      'ExecuteCommand',
      'error ECS ExecuteCommand failed for app: Error: stop here',
    ],
  );
  assert.deepEqual(picks[1].labels, ['web:7 · 01234567', 'migrate:2 · fedcba98']);
  assert.deepEqual(picks[1].descriptions, ['service web', 'family:migrate']);
  assert.ok(!events.some((e) => e.startsWith('log $')), 'the command line goes to the command output, not the log');
});
