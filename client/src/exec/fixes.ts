/** Carries out the fix a pre-flight finding offers, once the user picks it. */
import type { FixAction } from './preflight';
import type { ExecApi, ExecUi } from './ports';

export async function applyFix(fix: FixAction, api: ExecApi, ui: ExecUi, retry: () => Promise<unknown>): Promise<void> {
  switch (fix.action) {
    case 'enableExecOnService':
      await api.enableExecOnService(fix.clusterArn, fix.service);
      ui.showInfo(
        `ECS Exec enabled on service ${fix.service}; a new deployment is starting. Open the shell on one of its new tasks.`,
      );
      return;
    case 'redeployService':
      await api.redeployService(fix.clusterArn, fix.service);
      ui.showInfo(
        `A new deployment of service ${fix.service} is starting; its new tasks have ECS Exec. Open the shell on one of them once it runs.`,
      );
      return;
    case 'stopTask':
      await api.stopTask(fix.clusterArn, fix.taskArn, 'Stopped by Fargate Lens: replaced by a task with ECS Exec');
      ui.showInfo(
        `Task ${fix.taskArn.slice(fix.taskArn.lastIndexOf('/') + 1)} is stopping; service ${fix.service} starts a new task, which has ECS Exec. Open the shell on it once it runs.`,
      );
      return;
    case 'runNewTaskWithExec':
      ui.showInfo(
        'ECS Exec cannot be enabled on a running task. Run a new task with enableExecuteCommand: true (and a task role).',
      );
      await ui.openExternal('https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec-run.html');
      return;
    case 'showTaskDefinition': {
      const def = await api.describeTaskDefinition(fix.taskDefinitionArn);
      await ui.showText(JSON.stringify(def?.raw ?? { taskDefinitionArn: fix.taskDefinitionArn }, null, 2), 'json');
      return;
    }
    case 'showIamPolicy': {
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: fix.actions, Resource: '*' }] };
      await ui.showText(
        `// Attach to ${fix.principal === 'caller' ? 'your IAM identity' : fix.principal}\n${JSON.stringify(policy, null, 2)}\n`,
        'jsonc',
      );
      return;
    }
    case 'openDocs':
      await ui.openExternal(fix.url);
      return;
    case 'retry':
      await retry();
      return;
  }
}
