// `npm start`: the Fargate Lens sandbox. Starts a local AWS emulator (moto_server) seeded with a demo
// account, then a real VS Code (code-server 4.100.3) with the extension in development mode on examples/,
// with fake credentials and AWS_ENDPOINT_URL in its environment, and prints the URL to open. Ctrl+C
// stops everything it started. No AWS account is used. ECS Exec works too, as a local simulation: the
// ECS Exec stub (e2e/lib/execStub.mjs) sits in front of moto, answers ExecuteCommand with a session on
// the fake SSM agent (test/fakes/fakeAgent.ts, KMS-encrypted) and marks running tasks exec-ready, so
// "Open Shell" on a container opens a shell at once — a small simulated sh, not a real container.
//   npm start [-- --port 8080] [--check]
//   --port   preferred port for VS Code (default 8080, or a free one if taken)
//   --check  start, verify the workbench page, the seed and an ECS Exec shell (opened as Open Shell does,
//            echo, exit), then stop (for CI and for trying the sandbox)
// Installs code-server on first use (bash e2e/setup.sh --no-browser: apt packages as root, ~1 min once);
// VS Code keeps its state in .tmp/sandbox/ so a second start takes a few seconds.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    check: { type: 'boolean', default: false },
  },
});
const say = (msg) => process.stdout.write(`[sandbox] ${msg}\n`);
const t0 = Date.now();

// The workspace VS Code opens: a scratch copy of examples/ (refreshed at every start), so saving an edit
// in the sandbox never changes the repository's tracked files.
function scratchWorkspace(state) {
  const dir = join(state, 'workspace');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'examples'), dir, { recursive: true });
  return dir;
}

// 1. Tools: code-server (e2e/node_modules) and moto_server (on the machine image).
if (!existsSync(join(root, 'e2e', 'node_modules', '.bin', 'code-server'))) {
  say('first start: installing code-server 4.100.3 into e2e/node_modules (about a minute, once)');
  const setup = spawnSync('bash', [join(root, 'e2e', 'setup.sh'), '--no-browser'], { stdio: 'inherit' });
  if (setup.status !== 0) {
    say('could not install code-server; see the messages above');
    process.exit(1);
  }
}
const { REPO_ROOT, freePort, prepareHome, startCodeServer, workbenchUrl } = await import('../e2e/lib/codeServer.mjs');
const { awsEnv, findMoto, seedDemo, startMoto } = await import('../e2e/lib/moto.mjs');
if (!findMoto()) {
  say('moto_server (the local AWS emulator) is not installed. Install it with:');
  say('  python3 -m pip install "moto[server]"      (or set MOTO_BIN=/path/to/moto_server)');
  process.exit(1);
}

// 2. Build the extension (dev mode loads dist/ from the repo).
const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (built.status !== 0) {
  say('npm run build failed');
  process.exit(1);
}

const stops = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping');
  while (stops.length) {
    try {
      await stops.pop()();
    } catch (err) {
      say(`stop: ${err.message}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

try {
  // 3. The emulator, seeded.
  // FARGATE_LENS_SANDBOX_DIR moves the state (tests use a directory of their own).
  const state = process.env.FARGATE_LENS_SANDBOX_DIR || join(REPO_ROOT, '.tmp', 'sandbox');
  const moto = await startMoto({ logFile: join(state, 'moto.log') });
  stops.push(() => moto.stop());
  // ECS Exec, simulated: VS Code talks to the exec stub, which passes everything else through to moto.
  const { startExecStub } = await import('../e2e/lib/execStub.mjs');
  const execStub = await startExecStub({ upstream: moto.endpoint, logFile: join(state, 'exec-stub.log') });
  stops.push(() => execStub.stop());
  // Seed the emulator and start VS Code at the same time (the endpoint is known once moto runs).
  const home = prepareHome(join(state, 'code-server'));
  const port = await freePort(Number(opts.port));
  const [seeded, server] = await Promise.all([
    seedDemo(moto.endpoint),
    startCodeServer({ home, port, logFile: join(state, 'code-server.log'), env: awsEnv(execStub.endpoint) }).then(
      (s) => {
        stops.push(() => s.stop());
        return s;
      },
    ),
  ]);
  const clusters = Array.isArray(seeded.clusters) ? seeded.clusters : Object.keys(seeded.clusters ?? {});
  say(
    `AWS emulator on ${moto.endpoint} (moto_server pid ${moto.pid}): clusters ${clusters.join(', ') || '(none reported)'} (seed: ${seeded.seeder})`,
  );

  if (seeded.logs?.groups?.length) {
    const { startLogTicker } = await import('./sandboxLogs.mjs');
    stops.push(startLogTicker(moto.endpoint, seeded.logs));
    say(
      `Container logs: ${Object.values(seeded.logs.streams).flat().length} streams in ${seeded.logs.groups.join(', ')}; the web tasks write a line every 3 s (right-click a task or container: Follow Logs…).`,
    );
  }

  const workspace = scratchWorkspace(state);
  const url = workbenchUrl(server.host, { folder: workspace });

  if (opts.check) {
    const page = await (await fetch(url, { signal: AbortSignal.timeout(10_000) })).text();
    const ok = page.includes('workbench');
    say(`check: workbench page ${ok ? 'served' : 'MISSING'}; ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const exec = (await execStub.command('selfcheck', 'selfcheck', 'the ECS Exec self-check')).data;
    say(`check: ECS Exec (simulated) ${exec.ok ? 'works' : 'FAILED'}: ${exec.detail}`);
    await stopAll(ok && exec.ok ? 0 : 1);
  }
  say(
    `ready in ${((Date.now() - t0) / 1000).toFixed(1)} s. Open this URL in a browser (Chrome, Edge or Firefox):\n\n  ${url}\n`,
  );
  say('On another machine, forward the port first: ssh -L ' + `${port}:127.0.0.1:${port} <this host>`);
  say(`Workspace: a scratch copy of examples/ in ${workspace} (edits there never touch the repository).`);
  say(
    'ECS Exec (simulated): right-click a container of a running task > Open Shell (ECS Exec), or Run Command in Container. ' +
      'The shell is a small simulation of /bin/sh in the ECS Exec stub, not a real container.',
  );
  if (seeded.stopped?.oom)
    say(
      'Why did it stop? prod > Services > web > Recently stopped holds a task killed for its memory (OutOfMemoryError, exit 137): ' +
        'right-click it > Diagnose: Why Did It Stop?, and open task-definitions/web.json to see the finding at its memory.',
    );
  say('Logs: .tmp/sandbox/*.log. Press Ctrl+C to stop VS Code and the emulator.');
  // Whichever dies first ends the sandbox with a message naming it and its log.
  const ended = await Promise.race([
    server.exited.then((r) => ({ what: 'code-server (VS Code)', log: 'code-server.log', r })),
    moto.exited.then((r) => ({ what: 'moto_server (the AWS emulator)', log: 'moto.log', r })),
  ]);
  if (!stopping) {
    say(`${ended.what} exited unexpectedly (${JSON.stringify(ended.r)}); see ${join(state, ended.log)}`);
    await stopAll(1);
  }
} catch (err) {
  say(`failed: ${err.message}`);
  await stopAll(1);
}
