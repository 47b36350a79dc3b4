/**
 * The CLI's AWS subcommands, built into dist/cli-aws.js and loaded by server/src/cli.ts only when one
 * of them runs, so `fargate-lens lint` never loads the AWS SDK. Each entry loads its own modules.
 * Exit status of every subcommand: 0 nothing found, 1 something found (a difference, a failure), 2 bad
 * usage or AWS unreachable, with the reason on stderr. Errors pass the redacting formatter: no
 * credential or token reaches the terminal.
 */
import { formatAwsError } from '../aws/errors';
import { CliUsageError, type AwsCommandEntry, type CliIo } from './types';

export const AWS_COMMANDS: Readonly<Record<string, AwsCommandEntry>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, AwsCommandEntry>, {
    // Each subcommand registers here: name → { summary, load: () => import('./<name>').then((m) => m.run) }.
    logs: {
      summary: "print or follow a task's or service's container logs (CloudWatch Logs, from the task definition)",
      load: () => import('./logs').then((m) => m.run),
    },
    diagnose: {
      summary:
        'why did the tasks stop? stopped tasks diagnosed and pinned to the task-definition file (exit 1 on a failure)',
      load: () => import('./diagnose').then((m) => m.run),
    },
    'port-forward': {
      summary: 'forward a local port to a port of a running task, or to a host the task can reach (no plugin needed)',
      load: () => import('./portForward').then((m) => m.run),
    },
    verify: {
      summary:
        'verify files against the account before deploying: images, secrets, roles, log groups, network (exit 1 on a problem)',
      load: () => import('./verify').then((m) => m.run),
    },
    diff: {
      summary: 'compare a task-definition file with its registered revision (exit 1 when they differ)',
      load: () => import('./diff').then((m) => m.run),
    },
  }),
);

export function awsCommandsUsage(): string {
  const names = Object.keys(AWS_COMMANDS);
  if (names.length === 0) return '';
  const width = Math.max(...names.map((n) => n.length));
  return names.map((n) => `  fargate-lens ${n.padEnd(width)}  ${AWS_COMMANDS[n].summary}`).join('\n');
}

export function processIo(): CliIo {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
}

/** Runs `argv` (argv[0] is the subcommand). Unknown commands, usage errors and AWS failures exit 2. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const name = argv[0];
  const entry = Object.hasOwn(AWS_COMMANDS, name) ? AWS_COMMANDS[name] : undefined;
  if (!entry) {
    const known = ['lint', 'rules', ...Object.keys(AWS_COMMANDS)].join(', ');
    io.err(
      `fargate-lens: unknown command '${name}' (expected one of: ${known})\nRun 'fargate-lens --help' for usage.\n`,
    );
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(argv.slice(1), io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`fargate-lens ${name}: ${e.message}\nRun 'fargate-lens ${name} --help' for usage.\n`);
      return 2;
    }
    io.err(`fargate-lens ${name}: ${formatAwsError(e)}\n`);
    return 2;
  }
}
