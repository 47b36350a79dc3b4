// Starts the ECS Exec stub (e2e/lib/exec-stub-child.mjs: the integration tier's AWS stub and fake SSM agent)
// in front of moto, for the e2e tier. code-server's AWS_ENDPOINT_URL points at it; everything but the exec
// calls goes through to moto. Records the calls and events it reports, lets UI steps wait for one, sends it
// commands on its stdin (`drop`: cut the fake agent's connections), and is stopped by PID.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './codeServer.mjs';
import { awsEnv } from './moto.mjs';
import { spawnLogged } from './process.mjs';

/** Resolves with { endpoint, pid, events, waitFor(predicate, what, opts), command(cmd), stop() } once the stub listens. */
export async function startExecStub({ upstream, logFile, timeoutMs = 20_000 }) {
  const { child, log, exited, stop } = spawnLogged(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'e2e', 'lib', 'exec-stub-child.mjs'), upstream],
    { logFile, cwd: REPO_ROOT, env: { ...process.env, ...awsEnv(upstream) }, ownStdout: true, stdin: true },
  );
  const stdin = /** @type {import('node:stream').Writable} */ (child.stdin); // piped: `stdin: true`
  stdin.on('error', () => {}); // a child that already exited: its exit is reported through `exited`
  const events = [];
  const bus = new EventEmitter();
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the exec stub did not start within ${timeoutMs} ms; see ${logFile}`)),
      timeoutMs,
    );
    void exited.then((r) => {
      clearTimeout(timer);
      fail(new Error(`the exec stub exited early (${JSON.stringify(r)}); see ${logFile}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      let msg;
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.endpoint) {
        clearTimeout(timer);
        ok(msg);
        return;
      }
      events.push(msg);
      bus.emit('event', msg);
    });
  });
  let info;
  try {
    info = await ready;
  } catch (err) {
    await stop();
    throw err;
  }

  /** Resolves with the first event (already seen from index `since`, or later) that `accept` takes. */
  const waitFor = (accept, what, { since = 0, timeoutMs: limit = 20_000 } = {}) =>
    new Promise((ok, fail) => {
      const seen = events.slice(since).find(accept);
      if (seen) {
        ok(seen);
        return;
      }
      const onEvent = (e) => {
        if (accept(e)) {
          done();
          ok(e);
        }
      };
      const timer = setTimeout(() => {
        done();
        fail(new Error(`timed out after ${limit} ms waiting for the exec stub to see ${what}`));
      }, limit);
      const done = () => {
        clearTimeout(timer);
        bus.off('event', onEvent);
      };
      bus.on('event', onEvent);
    });
  /** Sends `{ cmd }` to the child; resolves with the child's answer event (named `answer`). */
  const command = async (cmd, answer, what = `its answer to ${cmd}`) => {
    const since = events.length;
    stdin.write(`${JSON.stringify({ cmd })}\n`);
    const reply = await waitFor((e) => e.event === answer || e.event === 'bad-command', what, { since });
    if (reply.event === 'bad-command') throw new Error(`the exec stub did not understand the command ${cmd}`);
    return reply;
  };
  return { endpoint: info.endpoint, pid: child.pid, events, waitFor, command, stop };
}
