// A child process whose output goes to a log file, stopped by PID: SIGTERM, then SIGKILL after 5 s.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Spawns `cmd args` with stdout and stderr written to `logFile` (stdout left to the caller when
 * `ownStdout` is set; stdin piped when `stdin` is set, else ignored). Returns { child, log, exited, stop }; `exited` resolves with { code, signal }.
 *
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ logFile: string, env?: NodeJS.ProcessEnv, cwd?: string, ownStdout?: boolean, stdin?: boolean }} options
 */
export function spawnLogged(cmd, args, { logFile, env = process.env, cwd, ownStdout = false, stdin = false }) {
  mkdirSync(dirname(resolve(logFile)), { recursive: true });
  const log = createWriteStream(logFile);
  const child =
    /** @type {import('node:child_process').ChildProcessByStdio<import('node:stream').Writable | null, import('node:stream').Readable, import('node:stream').Readable>} */ (
      spawn(cmd, args, { cwd, env, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
    );
  if (!ownStdout) child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise((r) => log.end(r));
  };
  return { child, log, exited, stop };
}
