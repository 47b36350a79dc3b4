/**
 * Which services run which revision of a family, in one connection: clusters → services → describe,
 * in batches of the API limits, inside a call budget (a scan that would exceed it stops and says the
 * list is partial). One scan serves every family; callers cache it (DriftCache).
 */
import { API_LIMITS, type EcsApi, type Service } from '../aws/types';
import { parseRevisionRef } from './compare';

export class CallBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  /** Takes one call from the budget; false when it is spent. */
  take(): boolean {
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }
  get spent(): number {
    return this.used;
  }
}

export interface ServiceScan {
  services: Service[];
  /** True when the budget ran out before every cluster was read. */
  partial: boolean;
  calls: number;
}

export async function scanServices(ecs: EcsApi, budget: CallBudget): Promise<ServiceScan> {
  const services: Service[] = [];
  const clusters: string[] = [];
  let token: string | undefined;
  let partial = false;
  do {
    if (!budget.take()) return { services, partial: true, calls: budget.spent };
    const page = await ecs.listClusters(token);
    clusters.push(...page.items);
    token = page.nextToken;
  } while (token);
  for (const cluster of clusters) {
    const arns: string[] = [];
    let next: string | undefined;
    do {
      if (!budget.take()) return { services, partial: true, calls: budget.spent };
      const page = await ecs.listServices(cluster, next);
      arns.push(...page.items);
      next = page.nextToken;
    } while (next);
    for (let i = 0; i < arns.length; i += API_LIMITS.describeServices) {
      if (!budget.take()) {
        partial = true;
        break;
      }
      services.push(...(await ecs.describeServices(cluster, arns.slice(i, i + API_LIMITS.describeServices))));
    }
    if (partial) break;
  }
  return { services, partial, calls: budget.spent };
}

export interface FamilyService {
  service: Service;
  clusterName: string;
  /** Revision of the family the service's PRIMARY deployment (or task definition) runs. */
  revision: number;
  /** Other revisions still running during a deployment. */
  alsoRunning: number[];
}

/** The services whose task definition (or any deployment's) belongs to `family`. */
export function servicesOfFamily(scan: ServiceScan, family: string): FamilyService[] {
  const out: FamilyService[] = [];
  for (const s of scan.services) {
    if (s.status && s.status !== 'ACTIVE') continue;
    const deployments = [...(s.deployments ?? [])].sort(
      (a, b) => Number(b.status === 'PRIMARY') - Number(a.status === 'PRIMARY'),
    );
    const revs = deployments
      .map((d) => {
        // Another revision counts as running only while its deployment still has tasks.
        const busy = (d.runningCount ?? 0) + (d.pendingCount ?? 0) > 0;
        return d.taskDefinition && busy ? parseRevisionRef(d.taskDefinition) : undefined;
      })
      .filter((r): r is { family: string; revision: number } => r?.family === family && r.revision !== undefined);
    const own = s.taskDefinition ? parseRevisionRef(s.taskDefinition) : undefined;
    const primary = own?.family === family && own.revision !== undefined ? own : revs[0];
    if (!primary || primary.revision === undefined) continue;
    const current = primary.revision;
    out.push({
      service: s,
      clusterName: (s.clusterArn ?? '').split('/').pop() ?? '',
      revision: current,
      alsoRunning: [...new Set(revs.map((r) => r.revision))].filter((r) => r !== current),
    });
  }
  return out.sort((a, b) =>
    `${a.clusterName}/${a.service.serviceName}`.localeCompare(`${b.clusterName}/${b.service.serviceName}`),
  );
}
