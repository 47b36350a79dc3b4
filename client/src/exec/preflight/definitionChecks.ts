/**
 * Task-definition checks (docs/ecs-exec.md §1.10): task role, read-only root file system, init process,
 * `pidMode: task`, and AWS keys in the container environment that would override the task role.
 */
import type { Finding, PreflightInput } from './types';

const AWS_KEY_VARS = ['AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];

function showDef(input: PreflightInput): Finding['fix'] {
  const arn = input.taskDefinition?.taskDefinitionArn ?? input.task.taskDefinitionArn;
  return arn ? { title: 'Show task definition', action: 'showTaskDefinition', taskDefinitionArn: arn } : undefined;
}

export function taskRoleOf(input: PreflightInput): string | undefined {
  return input.task.taskRoleOverride ?? input.taskDefinition?.taskRoleArn;
}

export function checkTaskRole(input: PreflightInput): Finding[] {
  if (!input.taskDefinition || taskRoleOf(input)) return [];
  return [
    {
      id: 'exec/task-role',
      severity: 'error',
      message: 'The task has no task role; the ECS Exec agent needs one with the ssmmessages permissions.',
      fix: showDef(input),
    },
  ];
}

export function checkContainerDefinition(input: PreflightInput): Finding[] {
  const def = input.taskDefinition?.containerDefinitions.find((c) => c.name === input.containerName);
  if (!def) return [];
  const findings: Finding[] = [];
  if (def.readonlyRootFilesystem) {
    findings.push({
      id: 'exec/readonly-root',
      severity: 'warning',
      message: `Container ${def.name} has readonlyRootFilesystem: true, which stops the SSM agent unless /managed-agents, /var/lib/amazon/ssm and /var/log/amazon/ssm are writable volumes.`,
      fix: showDef(input),
    });
  }
  if (!def.initProcessEnabled && !input.taskDefinition?.operatingSystemFamily?.toUpperCase().startsWith('WINDOWS')) {
    findings.push({
      id: 'exec/init-process',
      severity: 'info',
      message: `Container ${def.name} does not set linuxParameters.initProcessEnabled; enabling it avoids zombie processes from exec sessions.`,
    });
  }
  const keys = (def.environmentNames ?? []).filter((n) => AWS_KEY_VARS.includes(n));
  if (keys.length) {
    findings.push({
      id: 'exec/aws-keys-env',
      severity: 'warning',
      message: `Container ${def.name} sets ${keys.join(', ')} in its environment; the SSM agent will use those credentials instead of the task role.`,
      fix: showDef(input),
    });
  }
  return findings;
}

export function checkPidMode(input: PreflightInput): Finding[] {
  if (input.taskDefinition?.pidMode !== 'task') return [];
  return [
    {
      id: 'exec/pid-mode-task',
      severity: 'warning',
      message: "The task uses pidMode: task, so only one container in it can be exec'd into.",
    },
  ];
}
