/**
 * Starting a port forward: the local listener first (a taken port fails before any AWS call), then
 * ssm:StartSession on the task's SSM target `ecs:<cluster>_<task id>_<runtime id>` with
 * `AWS-StartPortForwardingSession` (portNumber, localPortNumber) or
 * `AWS-StartPortForwardingSessionToRemoteHost` (host, portNumber, localPortNumber) — docs/ecs-exec.md §6.11 —
 * then the native data channel (client/src/exec/session), resumed with ssm:ResumeSession when its
 * connection drops. Resolves once the session is ready and the listener serves connections; rejects
 * (after terminating the session) when it cannot start. Whatever ends it, the session is terminated
 * through the API once (ssm:TerminateSession), as the Toolkit does on dispose.
 */
import { DataChannel } from '../exec/session/dataChannel';
import type { ExecApi, ExecSessionInfo } from '../exec/ports';
import { clusterNameOf, ssmTargetId, taskIdFromArn } from '../exec/target';
import type { TaskInfo } from '../exec/preflight';
import type { ProxySettings } from '../aws/proxy';
import { PortForwarder, LOCALHOST, type ForwardEnded } from './forwarder';

export const PORT_DOCUMENT = 'AWS-StartPortForwardingSession';
export const REMOTE_HOST_DOCUMENT = 'AWS-StartPortForwardingSessionToRemoteHost';

export type PortForwardApi = Pick<
  ExecApi,
  'region' | 'describeTask' | 'startSession' | 'terminateSession' | 'resumeSession' | 'generateDataKey'
>;

export interface PortForwardRequest {
  clusterArn: string;
  taskArn: string;
  /** The container whose runtime id names the SSM target; default: the first running one with the agent. */
  containerName?: string;
  /** Known runtime id (from the tree), saving a DescribeTasks call. */
  runtimeId?: string;
  /** The port in the task, or on `host`. */
  portNumber: number;
  /** 0 or absent: a free port. */
  localPortNumber?: number;
  /** A host the task can reach (e.g. an RDS endpoint): the remote-host document. */
  host?: string;
}

export interface ActiveForward {
  readonly sessionId: string;
  readonly target: string;
  readonly request: PortForwardRequest;
  readonly localPort: number;
  readonly forwarder: PortForwarder;
  /** `127.0.0.1:<port>`. */
  readonly localAddress: string;
  /** What the forward reaches, for people: `<container or task>:<port>` or `<host>:<port> via <task>`. */
  readonly label: string;
  /** Ends the forward (TerminateSession flag and API call); resolves once terminated. */
  stop(): Promise<void>;
  /** Resolves when the forward has ended, with why. */
  readonly done: Promise<ForwardEnded>;
}

export interface StartOptions {
  log?: (line: string) => void;
  proxy?: ProxySettings;
  secrets?: string[];
}

export function sessionParameters(req: PortForwardRequest, localPort: number): Record<string, string[]> {
  const p: Record<string, string[]> = { portNumber: [String(req.portNumber)], localPortNumber: [String(localPort)] };
  if (req.host) p.host = [req.host];
  return p;
}

/** The container whose runtime id names the target, or an error saying what is missing. */
export function targetContainer(task: TaskInfo, containerName?: string): { name: string; runtimeId: string } {
  const candidates = containerName ? task.containers.filter((c) => c.name === containerName) : task.containers;
  if (containerName && candidates.length === 0)
    throw new Error(`task ${taskIdFromArn(task.taskArn)} has no container named '${containerName}'`);
  const usable =
    candidates.find((c) => c.runtimeId && c.lastStatus === 'RUNNING') ?? candidates.find((c) => c.runtimeId);
  if (!usable?.runtimeId)
    throw new Error(
      `task ${taskIdFromArn(task.taskArn)} has no running container with a runtime id: is it RUNNING with ECS Exec enabled?`,
    );
  return { name: usable.name, runtimeId: usable.runtimeId };
}

export async function startPortForward(
  api: PortForwardApi,
  req: PortForwardRequest,
  opts: StartOptions = {},
): Promise<ActiveForward> {
  const log = opts.log ?? (() => {});
  let runtimeId = req.runtimeId;
  let containerName = req.containerName;
  if (!runtimeId) {
    const task = await api.describeTask(req.clusterArn, req.taskArn);
    if (!task)
      throw new Error(`task ${taskIdFromArn(req.taskArn)} not found in cluster ${clusterNameOf(req.clusterArn)}`);
    if (task.lastStatus && task.lastStatus !== 'RUNNING')
      throw new Error(`task ${taskIdFromArn(req.taskArn)} is ${task.lastStatus}, not RUNNING`);
    ({ runtimeId, name: containerName } = targetContainer(task, req.containerName));
  }
  const target = ssmTargetId({ clusterArn: req.clusterArn, taskArn: req.taskArn, runtimeId });
  const forwarder = new PortForwarder(log);
  const localPort = await forwarder.listen(req.localPortNumber ?? 0);
  let session: ExecSessionInfo;
  try {
    session = await api.startSession({
      target,
      documentName: req.host ? REMOTE_HOST_DOCUMENT : PORT_DOCUMENT,
      parameters: sessionParameters(req, localPort),
    });
  } catch (e) {
    forwarder.stop();
    throw e;
  }
  const channel = new DataChannel({
    streamUrl: session.streamUrl,
    tokenValue: session.tokenValue,
    sessionId: session.sessionId,
    targetId: target,
    generateDataKey: (k, c, n) => api.generateDataKey(k, c, n),
    resumeSession: () => api.resumeSession(session.sessionId),
    log,
    proxy: opts.proxy,
    secrets: opts.secrets,
  });
  forwarder.attach(channel);
  let terminated: Promise<void> | undefined;
  const terminate = () =>
    (terminated ??= api.terminateSession(session.sessionId).catch((e: unknown) => {
      log(`TerminateSession failed: ${channel.redactor.redact(e instanceof Error ? e.message : String(e))}`);
    }));
  const done = new Promise<ForwardEnded>((resolve) =>
    forwarder.onEnded((e) => {
      void terminate();
      resolve(e);
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    forwarder.onReady(() => resolve());
    void done.then((e) => reject(new Error(`the port session ended before it was ready: ${e.message}`)));
  });
  try {
    await channel.open();
    await ready;
  } catch (e) {
    forwarder.stop();
    await terminate();
    throw e;
  }
  const where = req.host
    ? `${req.host}:${req.portNumber} via task ${taskIdFromArn(req.taskArn).slice(0, 8)}`
    : `${containerName ?? taskIdFromArn(req.taskArn).slice(0, 8)}:${req.portNumber}`;
  return {
    sessionId: session.sessionId,
    target,
    request: { ...req, containerName, runtimeId },
    localPort,
    forwarder,
    localAddress: `${LOCALHOST}:${localPort}`,
    label: where,
    done,
    stop: async () => {
      forwarder.stop();
      await terminate();
    },
  };
}
