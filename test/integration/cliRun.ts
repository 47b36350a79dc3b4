/**
 * The CLI's AWS subcommands run in-process against moto_server, shared by the CLI integration tests:
 * `runCli` captures what a subcommand writes and its exit status; `cliAccount` starts moto for the
 * enclosing describe, puts its endpoint and test credentials in process.env (the SDK's default chain
 * reads them, as the CLI does), and gives an ECS client and a scratch directory for the workspace files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { ECSClient } from '@aws-sdk/client-ecs';
import { run } from '../../client/src/cli/index';
import type { CliIo } from '../../client/src/cli/types';
import { motoEnv, startMoto, type MotoServer } from './moto';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `fargate-lens <command> ...argv` in-process with `env` and `cwd`. */
export async function runCli(
  command: string,
  argv: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env,
    cwd,
    signal: new AbortController().signal,
  };
  const code = await run([command, ...argv], io);
  return { code, out, err };
}

export interface CliAccount {
  moto: MotoServer;
  /** The environment the CLI runs with: moto's endpoint and test credentials. */
  env: Record<string, string>;
  ecs: ECSClient;
  /** SDK client options for moto (endpoint, region us-east-1, test credentials). */
  sdk: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  /** A scratch directory: the CLI's working directory and workspace. */
  dir: string;
  /** Writes a file (JSON unless a string) into `dir` and returns its name. */
  write(name: string, value: unknown): string;
  /** Runs a subcommand in `dir` with `env`. */
  cli(command: string, argv: string[]): Promise<CliResult>;
}

/** moto for the enclosing describe; the returned object is filled in before the first test. */
export function cliAccount(dirPrefix: string): CliAccount {
  const account = {
    write(name: string, value: unknown): string {
      writeFileSync(join(account.dir, name), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
      return name;
    },
    cli: (command: string, argv: string[]) => runCli(command, argv, account.env, account.dir),
  } as CliAccount;
  before(async () => {
    account.moto = await startMoto();
    account.env = { ...motoEnv(account.moto.endpoint), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    // The SDK's credential chain reads the process environment.
    Object.assign(process.env, account.env);
    delete process.env.AWS_PROFILE;
    account.sdk = {
      endpoint: account.moto.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    account.ecs = new ECSClient(account.sdk);
    account.dir = mkdtempSync(join(tmpdir(), dirPrefix));
  });
  after(async () => {
    account.ecs?.destroy();
    await account.moto?.stop();
    if (account.dir) rmSync(account.dir, { recursive: true, force: true });
  });
  return account;
}
