/**
 * `fargate-lens port-forward --cluster NAME --task ID [--container NAME] --port N [--local-port M]
 * [--host HOST] [--region R] [--profile P]`: forwards 127.0.0.1:M (a free port when absent) to port N
 * of the task — or of HOST, reached from the task — through an SSM port session, with the native
 * client (client/src/portForward): no session-manager-plugin needed. Prints `listening on
 * 127.0.0.1:<port>` once connections are served, one line per target connection that fails and one when
 * the session ends (with the reason); runs until interrupted: Ctrl+C sends TerminateSession and exits 0.
 * Exit 2 (with the reason) when the session cannot start, 1 when it ends by itself.
 */
import { cliAws } from './connect';
import { parseOptions, requireString } from './options';
import { CliUsageError, type CliIo } from './types';
import { startPortForward } from '../portForward/start';

export const PORT_FORWARD_USAGE = `Usage: fargate-lens port-forward --cluster NAME --task ID [--container NAME] --port N
                                 [--local-port M] [--host HOST] [--region R] [--profile P]

Forwards 127.0.0.1:M (a free port when --local-port is absent) to port N in the task, or with --host to
port N of HOST as the task reaches it (an RDS endpoint, say), through an SSM Session Manager port session
(AWS-StartPortForwardingSession or AWS-StartPortForwardingSessionToRemoteHost) on the task's ECS Exec
agent. No session-manager-plugin is needed. --container picks the container whose agent is used
(default: the first running one). Runs until interrupted.

Output: "listening on 127.0.0.1:<port>" once connections are served, a line for each connection the
agent could not make to the target, and one when the session ends, with the reason.

IAM: ssm:StartSession on the task (arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID) and the document,
ssm:TerminateSession, ssm:ResumeSession, ecs:DescribeTasks.

Exit status: 0 interrupted (Ctrl+C: the session is terminated), 1 the session ended by itself,
2 bad usage or the session could not start.
`;

function portOption(value: string | undefined, name: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535 || (n === 0 && !allowZero))
    throw new CliUsageError(`--${name} must be a port number (${allowZero ? '0' : '1'}-65535), not '${value}'`);
  return n;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const opts = parseOptions(argv, {
    cluster: 'string',
    task: 'string',
    container: 'string',
    port: 'string',
    'local-port': 'string',
    host: 'string',
  });
  if (opts.flags.has('help')) {
    io.out(PORT_FORWARD_USAGE);
    return 0;
  }
  const cluster = requireString(opts, 'cluster');
  const task = requireString(opts, 'task');
  const portNumber = portOption(requireString(opts, 'port'), 'port', false)!;
  const localPortNumber = portOption(opts.strings['local-port'], 'local-port', true);
  if (opts.positionals.length) throw new CliUsageError(`unexpected argument '${opts.positionals[0]}'`);

  const aws = await cliAws(opts, io);
  try {
    // ECS takes a cluster name or ARN and a task id or ARN alike; the SSM target uses the name and id.
    const forward = await startPortForward(
      aws.exec,
      {
        clusterArn: cluster,
        taskArn: task,
        containerName: opts.strings.container,
        portNumber,
        localPortNumber,
        host: opts.strings.host,
      },
      { proxy: {} },
    );
    forward.forwarder.onConnectionFailed((m) => io.err(`${m}\n`));
    io.out(`listening on ${forward.localAddress}\n`);
    let interrupted = false;
    const onAbort = () => {
      interrupted = true;
      void forward.stop();
    };
    if (io.signal.aborted) onAbort();
    else io.signal.addEventListener('abort', onAbort, { once: true });
    const ended = await forward.done;
    io.signal.removeEventListener('abort', onAbort);
    await forward.stop(); // waits for TerminateSession
    io.err(`session ended: ${interrupted ? 'interrupted' : ended.message}\n`);
    return interrupted ? 0 : 1;
  } finally {
    aws.dispose();
  }
}
