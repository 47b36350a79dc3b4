/**
 * "Forward Port…", free of VS Code: the container (tree node, or cluster → task → container pickers),
 * the ECS Exec pre-flight checks (the same agent, task-role and permission checks: a port session runs
 * on the same agent), the port (mapped ports first, then recent choices for the service, another port,
 * or a remote host through the task), the local port, then the native forward — or, with
 * `fargateLens.exec.useSessionManagerPlugin`, ssm:StartSession handed to session-manager-plugin in a
 * terminal with the arguments the AWS CLI gives it.
 */
import { check, type ExecDeps } from '../exec/flow';
import type { PickItem, Ui } from '../ui/port';
import { ssmTargetId, taskIdFromArn, type ContainerTarget } from '../exec/target';
import {
  mappedPorts,
  offers,
  pluginPortCommand,
  portError,
  readRecent,
  recentKey,
  remember,
  type RecentStore,
} from './choices';
import { PORT_DOCUMENT, REMOTE_HOST_DOCUMENT, sessionParameters, startPortForward, type ActiveForward } from './start';

export interface PortForwardDeps extends ExecDeps {
  portUi: Pick<Ui, 'pick' | 'input'>;
  recent: RecentStore;
  log(line: string): void;
}

type Choice = { portNumber: number; host?: string } | 'other' | 'remote';

export interface ForwardChoice {
  target: ContainerTarget;
  portNumber: number;
  host?: string;
  localPortNumber: number;
}

/** Asks what to forward; undefined when cancelled or blocked by pre-flight (already reported). */
export async function chooseForward(
  deps: PortForwardDeps,
  arg: unknown,
): Promise<(ForwardChoice & { api: ReturnType<ExecDeps['apiFor']>; runtimeId?: string }) | undefined> {
  // The ECS Exec checks (task, agent, task role) with the caller's action of a port session.
  const checked = await check(deps, arg, () => chooseForward(deps, arg), 'Forward port', ['ssm:StartSession']);
  if (!checked) return undefined;
  const { api, target } = checked;
  const task = await api.describeTask(target.clusterArn, target.taskArn);
  const definition = task?.taskDefinitionArn
    ? await api.describeTaskDefinition(task.taskDefinitionArn).catch(() => undefined)
    : undefined;
  const key = recentKey(task ?? { taskArn: target.taskArn });
  const offered = offers(mappedPorts(definition?.raw, target.containerName), readRecent(deps.recent, key));
  const items: PickItem<Choice>[] = [
    ...offered.map((o) => ({
      label: o.host ? `${o.host}:${o.portNumber}` : `${o.portNumber}`,
      description: o.host ? `remote host through the task · ${o.source}` : o.source,
      value: { portNumber: o.portNumber, host: o.host },
    })),
    { label: 'Another port in the task…', value: 'other' },
    {
      label: 'A remote host through the task…',
      description: 'e.g. an RDS endpoint the task can reach',
      value: 'remote',
    },
  ];
  const title = `Forward port: ${target.containerName} @ ${taskIdFromArn(target.taskArn).slice(0, 8)}`;
  const picked = await deps.portUi.pick(items, { title, placeholder: 'The port to reach (mapped ports first)' });
  if (!picked) return undefined;
  let choice: { portNumber: number; host?: string };
  if (picked === 'other' || picked === 'remote') {
    let host: string | undefined;
    if (picked === 'remote') {
      host = (
        await deps.portUi.input({
          title,
          prompt: 'The host name or address, as the task resolves it',
          placeholder: 'mydb.abc123.us-east-1.rds.amazonaws.com',
          validate: (v) => (/^[A-Za-z0-9.:_-]+$/.test(v.trim()) ? undefined : 'A host name or IP address.'),
        })
      )?.trim();
      if (!host) return undefined;
    }
    const port = await deps.portUi.input({
      title,
      prompt: `The port${host ? ` on ${host}` : ' in the task'}`,
      validate: (v) => portError(v, false),
    });
    if (!port) return undefined;
    choice = { portNumber: Number(port), host };
  } else choice = picked;
  const local = await deps.portUi.input({
    title,
    prompt: 'Local port on 127.0.0.1 (0: any free port)',
    value: String(choice.portNumber >= 1024 ? choice.portNumber : 0),
    validate: (v) => portError(v, true),
  });
  if (local === undefined) return undefined;
  await remember(deps.recent, key, choice);
  return { api, runtimeId: checked.runtimeId, target, ...choice, localPortNumber: Number(local) };
}

/** Starts the chosen forward natively, or hands it to session-manager-plugin (undefined then). */
export async function startChosen(
  deps: PortForwardDeps,
  c: NonNullable<Awaited<ReturnType<typeof chooseForward>>>,
): Promise<ActiveForward | undefined> {
  const settings = deps.settings();
  const req = {
    clusterArn: c.target.clusterArn,
    taskArn: c.target.taskArn,
    containerName: c.target.containerName,
    runtimeId: c.runtimeId ?? c.target.runtimeId,
    portNumber: c.portNumber,
    host: c.host,
    localPortNumber: c.localPortNumber,
  };
  if (!settings.useSessionManagerPlugin)
    return startPortForward(c.api, req, { log: (l) => deps.log(l), proxy: deps.proxy?.() });
  // The plugin binds the local port itself: 0 becomes "any free port" on its side too.
  const target = ssmTargetId({ ...req, runtimeId: req.runtimeId });
  const documentName = c.host ? REMOTE_HOST_DOCUMENT : PORT_DOCUMENT;
  const parameters = sessionParameters(req, c.localPortNumber);
  const session = await c.api.startSession({ target, documentName, parameters });
  deps.ui.createProcessTerminal(
    `Port ${c.localPortNumber || 'auto'} → ${c.host ?? c.target.containerName}:${c.portNumber} (session-manager-plugin)`,
    pluginPortCommand({
      pluginPath: settings.sessionManagerPluginPath,
      session,
      region: c.api.region,
      profile: c.api.profile,
      target,
      documentName,
      parameters,
      ssmEndpointUrl: c.api.ssmEndpointUrl,
    }),
  );
  return undefined;
}
