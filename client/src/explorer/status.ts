/** Status → icon/colour and "is this transitional?" rules, shared by tree items and auto-refresh. */
import type { Service, Task } from '../aws/types';

export interface Icon {
  id: string;
  color?: string;
}

const TRANSITIONAL_TASK = new Set([
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
]);

export function isTransitionalTask(task: Task): boolean {
  const last = task.lastStatus ?? '';
  return (
    TRANSITIONAL_TASK.has(last) ||
    (task.desiredStatus !== undefined && last !== '' && task.desiredStatus !== last && last !== 'STOPPED')
  );
}

export function isTransitionalService(service: Service): boolean {
  if ((service.pendingCount ?? 0) > 0) return true;
  if ((service.runningCount ?? 0) !== (service.desiredCount ?? 0) && service.status === 'ACTIVE') return true;
  if (service.status === 'DRAINING') return true;
  return (
    (service.deployments ?? []).some((d) => d.rolloutState === 'IN_PROGRESS') || (service.deployments?.length ?? 0) > 1
  );
}

export function taskIcon(task: Task): Icon {
  switch (task.lastStatus) {
    case 'RUNNING':
      if (task.desiredStatus === 'STOPPED') return { id: 'debug-stop', color: 'charts.orange' };
      return task.healthStatus === 'UNHEALTHY'
        ? { id: 'warning', color: 'charts.orange' }
        : { id: 'pass-filled', color: 'charts.green' };
    case 'PROVISIONING':
    case 'PENDING':
    case 'ACTIVATING':
      return { id: 'loading~spin', color: 'charts.yellow' };
    case 'DEACTIVATING':
    case 'STOPPING':
    case 'DEPROVISIONING':
      return { id: 'debug-stop', color: 'charts.orange' };
    case 'STOPPED':
      return {
        id: 'circle-slash',
        color:
          task.stopCode === 'EssentialContainerExited' || task.stopCode === 'TaskFailedToStart'
            ? 'charts.red'
            : 'disabledForeground',
      };
    default:
      return { id: 'circle-outline' };
  }
}

export function serviceIcon(service: Service): Icon {
  if (service.status === 'DRAINING' || service.status === 'INACTIVE')
    return { id: 'circle-slash', color: 'disabledForeground' };
  const failed = (service.deployments ?? []).some((d) => d.rolloutState === 'FAILED');
  if (failed) return { id: 'error', color: 'charts.red' };
  if (isTransitionalService(service)) return { id: 'sync~spin', color: 'charts.yellow' };
  if ((service.desiredCount ?? 0) === 0) return { id: 'layers', color: 'disabledForeground' };
  return { id: 'layers-active', color: 'charts.green' };
}

export function containerIcon(status: string | undefined, health: string | undefined): Icon {
  if (health === 'UNHEALTHY') return { id: 'package', color: 'charts.red' };
  if (status === 'RUNNING') return { id: 'package', color: 'charts.green' };
  if (status === 'STOPPED') return { id: 'package', color: 'disabledForeground' };
  return { id: 'package', color: 'charts.yellow' };
}

/** "0.25 vCPU · 512 MiB" from ECS cpu units and MiB strings. */
export function formatCpuMemory(cpu: string | undefined, memory: string | undefined): string | undefined {
  const parts: string[] = [];
  if (cpu && /^\d+$/.test(cpu)) parts.push(`${Number(cpu) / 1024} vCPU`);
  else if (cpu) parts.push(cpu);
  if (memory && /^\d+$/.test(memory))
    parts.push(Number(memory) >= 1024 && Number(memory) % 1024 === 0 ? `${Number(memory) / 1024} GB` : `${memory} MiB`);
  else if (memory) parts.push(memory);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Launch type (or capacity provider) plus platform version: "FARGATE 1.4.0". */
export function formatPlacement(
  launchType: string | undefined,
  capacityProvider: string | undefined,
  platformVersion: string | undefined,
): string | undefined {
  const where = capacityProvider ?? launchType;
  if (!where) return platformVersion;
  return platformVersion ? `${where} ${platformVersion}` : where;
}
