/**
 * Starts a moto_server on a free loopback port for a test file and stops it by pid. Readiness is the
 * server's own "Running on" line, not a poll. Returns undefined when moto is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

function findMoto(): string | undefined {
  const candidates = [
    process.env.MOTO_BIN,
    ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'moto_server')),
    join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'shims', 'moto_server'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startMoto(timeoutMs = 20_000): Promise<Moto | undefined> {
  const bin = findMoto();
  if (!bin) return undefined;
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const endpoint = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`moto did not start within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes(`Running on ${endpoint}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto exited with ${code}:\n${log}`));
    });
  });
  return {
    endpoint,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
