/**
 * Cluster exec configuration (KMS key, logging) and the IAM simulations: which actions the task role
 * and the caller need for this cluster's configuration, and findings for any that are denied.
 */
import { taskRoleOf } from './definitionChecks';
import type { ClusterInfo, Finding, IamDecision, PreflightInput } from './types';

export const SSMMESSAGES_ACTIONS = [
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
];
const LOGS_ACTIONS = ['logs:DescribeLogGroups', 'logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'];
const S3_ACTIONS = ['s3:PutObject', 's3:GetEncryptionConfiguration'];

/** Actions the task role must be allowed for exec on this cluster. */
export function requiredTaskRoleActions(cluster: ClusterInfo | undefined): string[] {
  const cfg = cluster?.executeCommandConfiguration;
  const actions = [...SSMMESSAGES_ACTIONS];
  if (cfg?.kmsKeyId) actions.push('kms:Decrypt');
  const logging = cfg?.logging ?? 'DEFAULT';
  if (logging === 'DEFAULT' || (logging === 'OVERRIDE' && cfg?.cloudWatchLogGroupName)) actions.push(...LOGS_ACTIONS);
  if (logging === 'OVERRIDE' && cfg?.s3BucketName) actions.push(...S3_ACTIONS);
  return actions;
}

/** Actions the caller (us) must be allowed to start the session. */
export function requiredCallerActions(cluster: ClusterInfo | undefined): string[] {
  return cluster?.executeCommandConfiguration?.kmsKeyId
    ? ['ecs:ExecuteCommand', 'kms:GenerateDataKey']
    : ['ecs:ExecuteCommand'];
}

export function checkClusterConfig({ cluster }: PreflightInput): Finding[] {
  if (!cluster) return [];
  const cfg = cluster.executeCommandConfiguration;
  const name = cluster.clusterName ?? cluster.clusterArn;
  if (!cfg) {
    return [
      {
        id: 'exec/cluster-config',
        severity: 'info',
        message: `Cluster ${name} has no exec configuration: sessions are not KMS-encrypted and logging uses the task's awslogs settings.`,
      },
    ];
  }
  const findings: Finding[] = [];
  if (!cfg.kmsKeyId)
    findings.push({
      id: 'exec/cluster-config',
      severity: 'info',
      message: `Cluster ${name} does not encrypt exec sessions with a KMS key (TLS only).`,
    });
  if (cfg.logging === 'OVERRIDE' && !cfg.cloudWatchLogGroupName && !cfg.s3BucketName) {
    findings.push({
      id: 'exec/cluster-config',
      severity: 'warning',
      message: `Cluster ${name} sets exec logging OVERRIDE without a CloudWatch log group or S3 bucket.`,
    });
  }
  return findings;
}

function denied(sim: IamDecision[] | undefined, wanted: string[]): string[] {
  if (!sim) return [];
  return wanted.filter((a) => {
    const d = sim.find((s) => s.action.toLowerCase() === a.toLowerCase());
    return !d || d.decision !== 'allowed';
  });
}

export function checkIamSimulation(input: PreflightInput): Finding[] {
  const findings: Finding[] = [];
  const role = taskRoleOf(input);
  const roleDenied = denied(input.taskRoleSimulation, requiredTaskRoleActions(input.cluster));
  if (role && roleDenied.length) {
    const ssm = roleDenied.some((a) => a.startsWith('ssmmessages:'));
    findings.push({
      id: 'exec/ssmmessages-perms',
      severity: ssm ? 'error' : 'warning',
      message: `The task role ${role.split('/').pop()} is not allowed ${roleDenied.join(', ')}.`,
      fix: { title: 'Show the missing policy', action: 'showIamPolicy', principal: role, actions: roleDenied },
    });
  }
  const callerDenied = denied(input.callerSimulation, input.callerActions ?? requiredCallerActions(input.cluster));
  if (callerDenied.length) {
    findings.push({
      id: 'exec/caller-perms',
      severity: 'error',
      message: `Your AWS identity is not allowed ${callerDenied.join(', ')}.`,
      fix: { title: 'Show the missing policy', action: 'showIamPolicy', principal: 'caller', actions: callerDenied },
    });
  }
  return findings;
}
