// Starts a private moto_server (the local AWS emulator on the machine image) on a free loopback port and
// seeds it with the demo account, for the end-to-end tier and the `npm start` sandbox. Stopped by PID.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { REPO_ROOT, freePort } from './codeServer.mjs';
import { spawnLogged } from './process.mjs';

/** Fake credentials and the region: all that the AWS SDK needs to talk to moto. No real account is touched. */
export function awsEnv(endpoint) {
  return {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** moto_server from $MOTO_BIN, PATH, or the image's pyenv shims; undefined when absent. */
export function findMoto() {
  const candidates = [
    process.env.MOTO_BIN,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'moto_server')),
    join(process.env.PYENV_ROOT ?? join(homedir(), '.pyenv'), 'shims', 'moto_server'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Starts moto_server; resolves when it logs that it is running. Returns { endpoint, port, pid, exited, stop() }; `exited` resolves with { code, signal } when it ends. */
/** @param {{ logFile: string, port?: number, timeoutMs?: number }} options */
export async function startMoto({ logFile, port, timeoutMs = 20_000 }) {
  const bin = findMoto();
  if (!bin) throw new Error('moto_server not found (set MOTO_BIN, or install it: pip install "moto[server]")');
  port ??= await freePort();
  const { child, exited, stop } = spawnLogged(bin, ['-H', '127.0.0.1', '-p', String(port)], { logFile });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await /** @type {Promise<void>} */ (
      new Promise((ok, fail) => {
        let seen = '';
        const onData = (chunk) => {
          seen = (seen + chunk).slice(-4096);
          if (seen.includes('Running on')) done();
        };
        const timer = setTimeout(
          () => done(new Error(`moto_server did not start within ${timeoutMs} ms; see ${logFile}`)),
          timeoutMs,
        );
        /** @param {Error} [err] */
        const done = (err) => {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          child.stderr.off('data', onData);
          if (err) fail(err);
          else ok();
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        void exited.then((r) => done(new Error(`moto_server exited early (${JSON.stringify(r)}); see ${logFile}`)));
      })
    );
    const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST', signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`moto_server reset answered ${res.status}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, port, pid: child.pid, exited, stop };
}

/**
 * Seeds the demo account into moto at `endpoint` in a child process (TypeScript through tsx) with
 * seedDemoAccount from test/integration/moto.ts. Resolves with the seed's JSON summary (ids and ARNs) and
 * which seeder ran.
 */
export function seedDemo(endpoint, { timeoutMs = 60_000 } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'e2e', 'lib', 'seed-child.mjs'), endpoint],
      { cwd: REPO_ROOT, env: { ...process.env, ...awsEnv(endpoint) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`seeding moto timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        fail(new Error(`seeding moto failed (exit ${code}):\n${err.trim()}`));
        return;
      }
      const last = out.trim().split('\n').pop() ?? '{}';
      try {
        ok(JSON.parse(last));
      } catch {
        fail(new Error(`seeding printed no JSON summary:\n${out}${err}`));
      }
    });
  });
}
