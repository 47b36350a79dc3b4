/**
 * The service operations as data: for each, the exact UpdateService input (only the members the user
 * chose; UpdateService leaves every omitted member unchanged) and the confirmation that says what
 * will happen and what it costs. Pure: the command handlers (deploy/commands) ask, call and watch.
 */
import type { Service, TaskDefinition, UpdateServiceInput } from '../aws/types';
import { parseRevisionRef } from './compare';

export interface Confirmation {
  message: string;
  detail: string;
  action: string;
}

export interface Operation {
  input: UpdateServiceInput;
  confirm: Confirmation;
  /** Whether the operation starts a deployment worth watching. */
  deploys: boolean;
}

const name = (s: Service): string => `${(s.clusterArn ?? '').split('/').pop()}/${s.serviceName}`;
const rev = (arn: string | undefined): string => {
  const r = arn ? parseRevisionRef(arn) : undefined;
  return r ? `${r.family}${r.revision === undefined ? '' : `:${r.revision}`}` : (arn ?? 'unknown');
};

/** "with 200% maximum / 100% minimum healthy, up to 4 tasks run at once" (the rolling-update bounds). */
function rolling(s: Service): string {
  const dc = s.deploymentConfiguration;
  const max = dc?.maximumPercent ?? 200;
  const min = dc?.minimumHealthyPercent ?? 100;
  const desired = s.desiredCount ?? 0;
  const peak = Math.floor((desired * max) / 100);
  const cb = dc?.deploymentCircuitBreaker;
  const breaker = cb?.enable
    ? ` The deployment circuit breaker is on${cb.rollback ? ' with rollback' : ' (no automatic rollback)'}.`
    : ' The deployment circuit breaker is off: a failing revision keeps being retried until you act.';
  return (
    `Rolling update: at least ${min}% of ${desired} task${desired === 1 ? '' : 's'} stay running, up to ${peak} run at once ` +
    `(maximum ${max}%); while old and new tasks overlap you pay for both.${breaker}`
  );
}

function size(td: TaskDefinition | undefined): string {
  if (!td?.cpu && !td?.memory) return '';
  return ` Each task: ${td.cpu ?? '?'} CPU units, ${td.memory ?? '?'} MiB.`;
}

const untouched = (what: string): string =>
  `Only ${what} is sent: desired count, network, load balancers, capacity providers and every other setting stay as they are.`;

export function updateRevision(s: Service, taskDefinitionArn: string, td?: TaskDefinition, why = ''): Operation {
  return {
    input: { cluster: s.clusterArn ?? '', service: s.serviceName, taskDefinition: taskDefinitionArn },
    deploys: true,
    confirm: {
      message: `Update ${name(s)} from ${rev(s.taskDefinition)} to ${rev(taskDefinitionArn)}?`,
      detail: [
        `${why}UpdateService starts a deployment: ECS starts tasks of ${rev(taskDefinitionArn)} and stops the old ones once the new ones are running and healthy.`,
        rolling(s) + size(td),
        untouched('the task definition'),
      ].join('\n\n'),
      action: 'Update Service',
    },
  };
}

export function forceNewDeployment(s: Service, td?: TaskDefinition): Operation {
  return {
    input: { cluster: s.clusterArn ?? '', service: s.serviceName, forceNewDeployment: true },
    deploys: true,
    confirm: {
      message: `Force a new deployment of ${name(s)}?`,
      detail: [
        `ECS replaces all ${s.desiredCount ?? 0} task(s) with new ones of the same revision (${rev(s.taskDefinition)}): ` +
          'image tags are resolved again and Fargate tasks move to the latest patch of their platform version.',
        rolling(s) + size(td),
        untouched('forceNewDeployment'),
      ].join('\n\n'),
      action: 'Force New Deployment',
    },
  };
}

export const MAX_DESIRED_COUNT = 5000;

/** Undefined when `text` is a valid desired count, else why not. */
export function validateDesiredCount(text: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return 'A whole number of tasks (0 or more).';
  const n = Number(text.trim());
  return n > MAX_DESIRED_COUNT ? `At most ${MAX_DESIRED_COUNT} tasks per service (ECS service quota).` : undefined;
}

export function setDesiredCount(s: Service, count: number, td?: TaskDefinition): Operation {
  const from = s.desiredCount ?? 0;
  const delta = count - from;
  const what =
    delta > 0
      ? `ECS starts ${delta} more task${delta === 1 ? '' : 's'} of ${rev(s.taskDefinition)}; Fargate bills each per second while it runs.${size(td)}`
      : delta < 0
        ? `ECS stops ${-delta} task${delta === -1 ? '' : 's'}${count === 0 ? ': the service runs no task and serves nothing' : ''}.`
        : 'Nothing changes.';
  return {
    input: { cluster: s.clusterArn ?? '', service: s.serviceName, desiredCount: count },
    deploys: delta !== 0,
    confirm: {
      message: `Set the desired count of ${name(s)} from ${from} to ${count}?`,
      detail: [
        what,
        untouched('the desired count') +
          ' An Application Auto Scaling policy on the service may change the count again.',
      ].join('\n\n'),
      action: 'Set Desired Count',
    },
  };
}

export type BreakerChoice = 'enable-rollback' | 'enable' | 'disable';

export function circuitBreaker(s: Service, choice: BreakerChoice): Operation {
  const enable = choice !== 'disable';
  const rollback = choice === 'enable-rollback';
  const current = s.deploymentConfiguration ?? {};
  // The whole current configuration is sent back with only the circuit breaker changed, so minimum
  // healthy / maximum percent and alarms keep their values whatever the API does with omitted members.
  const deploymentConfiguration = { ...current, deploymentCircuitBreaker: { enable, rollback } };
  return {
    input: { cluster: s.clusterArn ?? '', service: s.serviceName, deploymentConfiguration },
    deploys: false,
    confirm: {
      message: `${enable ? 'Enable' : 'Disable'} the deployment circuit breaker of ${name(s)}${rollback ? ' with rollback' : ''}?`,
      detail: [
        enable
          ? `From the next deployment on, ECS stops a deployment whose tasks keep failing to start${rollback ? ' and rolls back to the last deployment that completed' : ' (the service stays on the failed revision until you act)'}.`
          : 'From the next deployment on, a failing deployment keeps retrying tasks until you act.',
        'No deployment starts now and nothing is billed. Minimum healthy / maximum percent and alarms are sent back unchanged; nothing else is sent.',
      ].join('\n\n'),
      action: enable ? 'Enable' : 'Disable',
    },
  };
}

/** The circuit breaker is a setting of the rolling-update (ECS) deployment controller only. */
export function breakerUnsupported(s: Service): string | undefined {
  const type = s.deploymentController?.type ?? 'ECS';
  return type === 'ECS'
    ? undefined
    : `${name(s)} uses the ${type} deployment controller; the deployment circuit breaker applies to rolling updates (ECS) only.`;
}
