/**
 * The revision a service ran before its current one, for Roll Back: first from the service's own
 * deployments (during a rollout the old deployment is still ACTIVE beside the PRIMARY one), then from
 * its deployment history (ListServiceDeployments → DescribeServiceRevisions: the task definition each
 * completed deployment ran, newest first). At most two calls beyond DescribeServices. When neither
 * tells (no history yet, an emulator without the history API, no permission), says why, and the
 * command offers the family's older revisions to pick from instead.
 */
import { describeAwsError } from '../aws/errors';
import { API_LIMITS, type EcsApi, type Service } from '../aws/types';

export interface PreviousRevision {
  /** The task definition ARN (or family:revision) to roll back to. */
  taskDefinition?: string;
  /** Where it came from, for the confirmation. */
  via?: 'active-deployment' | 'history';
  /** Why it could not be found, when it was not. */
  unknownBecause?: string;
}

const SUCCEEDED = new Set(['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL']);

export async function previousRevision(ecs: EcsApi, s: Service): Promise<PreviousRevision> {
  const current = s.taskDefinition;
  const older = (s.deployments ?? []).find(
    (d) => d.status !== 'PRIMARY' && d.taskDefinition && d.taskDefinition !== current,
  );
  if (older?.taskDefinition) return { taskDefinition: older.taskDefinition, via: 'active-deployment' };
  let history;
  try {
    history = await ecs.listServiceDeployments(s.clusterArn ?? '', s.serviceArn);
  } catch (e) {
    return { unknownBecause: `the deployment history could not be read (${describeAwsError(e).message})` };
  }
  const arns = history
    .filter((d) => d.status && SUCCEEDED.has(d.status) && d.targetServiceRevisionArn)
    .map((d) => d.targetServiceRevisionArn!)
    .slice(0, API_LIMITS.describeServiceRevisions);
  if (arns.length === 0) return { unknownBecause: 'the service has no earlier completed deployment in its history' };
  let revisions;
  try {
    revisions = await ecs.describeServiceRevisions(arns);
  } catch (e) {
    return { unknownBecause: `the deployment history could not be read (${describeAwsError(e).message})` };
  }
  const byArn = new Map(revisions.map((r) => [r.serviceRevisionArn, r.taskDefinition]));
  for (const arn of arns) {
    const td = byArn.get(arn);
    if (td && td !== current) return { taskDefinition: td, via: 'history' };
  }
  return { unknownBecause: 'every completed deployment in the history ran the current revision' };
}
