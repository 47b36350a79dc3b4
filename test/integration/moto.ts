/**
 * moto_server harness for integration tests and the sandbox: start on a free loopback port, wait until
 * `POST /moto-api/reset` answers 200 (readiness, not a fixed sleep), freeze task transitions, seed a demo
 * account through the SDK, and always stop the process. Test code, so it may use @aws-sdk directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface MotoServer {
  endpoint: string;
  process: ChildProcess;
  /** Wipes all state (between test files). */
  reset(): Promise<void>;
  /** Kills the server and waits for it to exit; safe to call twice. */
  stop(): Promise<void>;
  /** Last lines of the server's output, for failure messages. */
  logTail(): string;
}

export function findMotoServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [
    env.MOTO_BIN,
    ...(env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'moto_server')),
    path.join(env.PYENV_ROOT ?? path.join(os.homedir(), '.pyenv'), 'shims', 'moto_server'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function post(url: string, body?: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

export async function startMoto(timeoutMs = 20_000): Promise<MotoServer> {
  const bin = findMotoServer();
  if (!bin) throw new Error('moto_server not found (PATH, MOTO_BIN or ~/.pyenv/shims)');
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  const collect = (b: Buffer): void => {
    log.push(...b.toString().split('\n'));
    log.splice(0, Math.max(0, log.length - 60));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (!stopped) {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    }
    await exited;
  };
  // Readiness: the server's own "Running on" line (an event, not a poll), then one reset.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        void stop().then(() => reject(new Error(`moto_server not ready after ${timeoutMs} ms:\n${log.join('\n')}`))),
      timeoutMs,
    );
    let startup = '';
    const onData = (b: Buffer): void => {
      startup += b.toString();
      if (!startup.includes(`Running on ${endpoint}`)) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`moto_server exited early:\n${log.join('\n')}`));
    });
  });
  const status = await post(`${endpoint}/moto-api/reset`);
  if (status !== 200) {
    await stop();
    throw new Error(`moto_server reset answered HTTP ${status}`);
  }
  return {
    endpoint,
    process: child,
    stop,
    logTail: () => log.join('\n'),
    reset: async () => {
      const s = await post(`${endpoint}/moto-api/reset`);
      if (s !== 200) throw new Error(`moto reset: HTTP ${s}`);
    },
  };
}

/** Stops ECS tasks from advancing a state on every DescribeTasks (moto's default). */
export async function freezeTaskTransitions(endpoint: string): Promise<void> {
  const status = await post(`${endpoint}/moto-api/state-manager/set-transition`, {
    model_name: 'ecs::task',
    transition: { progression: 'manual', times: 1_000_000 },
  });
  if (status !== 201 && status !== 200) throw new Error(`moto set-transition: HTTP ${status}`);
}

/** Environment for SDK clients pointed at moto (fake credentials, no instance metadata lookups). */
export function motoEnv(endpoint: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export { seedDemoAccount, type DemoAccount } from './seed';
