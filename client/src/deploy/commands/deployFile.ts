/**
 * "Deploy Task Definition File…": register the file as a new revision of its family (or keep the
 * latest when it already matches), then update one of the services running the family to it and watch
 * the rollout. Guard rails (fileContext.ts): trusted workspace only, never with error diagnostics,
 * warnings confirmed, no placeholders; the service's live launch settings are checked against the file
 * by the language server's cross-file rules before the update is offered.
 */
import type { Connection, Service } from '../../aws/types';
import { pickConnection, type CommandDeps } from '../../commands/types';
import { parseTaskDefinitionArn } from '../../explorer/nodes';
import { compareWithRegistered, NotRegisteredError, type Comparison } from '../compare';
import { updateRevision } from '../operations';
import { CallBudget, scanServices, servicesOfFamily } from '../services';
import { deployableInput, fileContext, type FileContext } from './fileContext';
import { confirmRunAndWatch } from './watch';

const REGISTER_ONLY = Symbol('register only');

export async function deployFile(deps: CommandDeps, uriArg?: unknown, familyArg?: unknown): Promise<void> {
  const { ui } = deps;
  const f = await fileContext(deps, uriArg, familyArg);
  if (!f) return;
  const input = await deployableInput(deps, f);
  if (!input) return;
  const family = input.family as string;
  const conn = await pickConnection(deps);
  if (!conn) return;
  const apis = await deps.apis(conn);

  let latest: Comparison | undefined;
  try {
    latest = await ui.withProgress(`Comparing with ${family}…`, () => compareWithRegistered(apis.ecs, f.td));
  } catch (e) {
    if (!(e instanceof NotRegisteredError)) throw e;
  }
  let arn: string;
  if (latest && latest.diff.differences.length === 0 && latest.taskDefinitionArn) {
    arn = latest.taskDefinitionArn;
    ui.info(`${family}:${latest.revision} already matches ${f.name}: keeping it, no new revision registered.`);
  } else {
    const changes = latest?.diff.differences ?? [];
    const ok = await ui.confirm(
      `Register ${f.name} as a new revision of ${family}?`,
      [
        latest
          ? `It differs from ${family}:${latest.revision} in ${changes.length} field${changes.length > 1 ? 's' : ''}: ${changes
              .slice(0, 6)
              .map((d) => d.path)
              .join(', ')}${changes.length > 6 ? ', …' : ''}.`
          : `${family} has no ACTIVE revision in ${conn.region} yet: this registers its first.`,
        `RegisterTaskDefinition in ${conn.region} (profile ${conn.profile ?? 'default'}). Registering costs nothing and changes no running task; you choose a service next.`,
      ].join('\n\n'),
      'Register',
    );
    if (!ok) return;
    const td = await ui.withProgress(`Registering ${family}…`, () => apis.ecs.registerTaskDefinition(input));
    if (!td.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no ARN');
    arn = td.taskDefinitionArn;
    deps.deploy?.drift.clear();
    ui.info(`Registered ${family}:${td.revision}.`);
  }
  await offerServiceUpdate(deps, conn, f, arn);
}

async function offerServiceUpdate(deps: CommandDeps, conn: Connection, f: FileContext, arn: string): Promise<void> {
  const { ui } = deps;
  const apis = await deps.apis(conn);
  const { family, revision } = parseTaskDefinitionArn(arn);
  const scan = await ui.withProgress('Finding the services that run it…', () =>
    scanServices(apis.ecs, new CallBudget(30)),
  );
  const running = servicesOfFamily(scan, family);
  if (running.length === 0) {
    ui.info(
      `No service runs ${family} in ${conn.region}${scan.partial ? ' (among the services listed within the call budget)' : ''}.`,
    );
    return;
  }
  const picked = await ui.pick<Service | typeof REGISTER_ONLY>(
    [
      ...running.map((r) => ({
        label: `${r.clusterName}/${r.service.serviceName}`,
        description: `runs ${family}:${r.revision}${r.revision === revision ? ' (already this revision)' : ''}`,
        detail: `${r.service.runningCount ?? 0}/${r.service.desiredCount ?? 0} running · ${r.service.launchType ?? r.service.capacityProviderStrategy?.map((c) => c.capacityProvider).join('+') ?? ''}`,
        value: r.service,
      })),
      {
        label: 'Do not update a service',
        description: `keep ${family}:${revision} registered only`,
        value: REGISTER_ONLY,
      },
    ],
    {
      title: `Update Service to ${family}:${revision}`,
      placeholder: scan.partial ? 'Partial list (call budget reached)' : undefined,
    },
  );
  if (!picked || picked === REGISTER_ONLY) return;
  const [service] = await apis.ecs.describeServices(picked.clusterArn ?? '', [picked.serviceArn]);
  if (!service) return ui.error(`${picked.serviceName} no longer exists.`);
  if (service.taskDefinition === arn)
    return ui.info(
      `${service.serviceName} already runs ${family}:${revision}; use Force New Deployment to restart its tasks.`,
    );
  if (!(await launchFits(deps, f, service))) return;
  const td = (await apis.ecs.describeTaskDefinition(arn)).taskDefinition;
  await confirmRunAndWatch(deps, conn, service, updateRevision(service, arn, td));
}

/** The static cross-file rules on the file with the service's live launch settings; conflicts are confirmed. */
async function launchFits(deps: CommandDeps, f: FileContext, s: Service): Promise<boolean> {
  const check = deps.deploy?.checkLaunch;
  if (!check || !f.td.family) return true;
  const launch: Record<string, unknown> = {
    serviceName: s.serviceName,
    cluster: s.clusterArn,
    taskDefinition: f.td.family,
    desiredCount: s.desiredCount,
    launchType: s.capacityProviderStrategy?.length ? undefined : s.launchType,
    capacityProviderStrategy: s.capacityProviderStrategy?.length ? s.capacityProviderStrategy : undefined,
    platformVersion: s.platformVersion,
    networkConfiguration: s.networkConfiguration,
    enableExecuteCommand: s.enableExecuteCommand,
  };
  let problems: string[];
  try {
    problems = await check(f.uri, launch);
  } catch {
    problems = []; // the language server is not running: nothing to add to what the user saw
  }
  if (problems.length === 0) return true;
  return deps.ui.confirm(
    `${s.serviceName}'s launch settings conflict with ${f.name}. Update anyway?`,
    `${problems.slice(0, 6).join('\n')}${problems.length > 6 ? '\n…' : ''}\n\n(launch type ${s.launchType ?? '—'}, capacity providers ${s.capacityProviderStrategy?.map((c) => c.capacityProvider).join(', ') || '—'}, platform version ${s.platformVersion ?? 'LATEST'})`,
    'Update Anyway',
  );
}
