// Starts and stops a private code-server (VS Code 1.100.3 in a browser) for the end-to-end tier and the
// sandbox. Each instance gets its own user-data, extensions and config dirs and its own TMPDIR, listens on
// loopback only, and is stopped by PID. The extension is loaded in development mode through the workbench
// URL's `payload` (code-server takes no --extensionDevelopmentPath on its command line).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnLogged } from './process.mjs';

export const E2E_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(E2E_DIR);
export const CODE_SERVER_BIN = join(E2E_DIR, 'node_modules', '.bin', 'code-server');

/** Asks the kernel for a free loopback port; `preferred` is tried first when given. */
export function freePort(preferred = 0) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', (err) => {
      if (preferred) freePort(0).then(resolvePort, reject);
      else reject(err);
    });
    server.listen(preferred, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolvePort(port));
    });
  });
}

/** User settings that keep the workbench quiet and deterministic (no welcome page, no network, no trust prompt). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
};

/**
 * Lays out a code-server home under `root`: data/User/settings.json, extensions/, config.yaml, tmp/.
 * Existing settings are kept (the sandbox reuses its home between starts).
 */
export function prepareHome(root, settings = {}) {
  const home = {
    root,
    data: join(root, 'data'),
    extensions: join(root, 'extensions'),
    config: join(root, 'config.yaml'),
    tmp: join(root, 'tmp'),
  };
  for (const dir of [join(home.data, 'User'), home.extensions, home.tmp]) mkdirSync(dir, { recursive: true });
  // An empty config stops code-server from writing ~/.config/code-server/config.yaml.
  if (!existsSync(home.config)) writeFileSync(home.config, '');
  const settingsFile = join(home.data, 'User', 'settings.json');
  if (!existsSync(settingsFile))
    writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return home;
}

/** Runs `code-server <args>` against a home to completion (for --install-extension, --list-extensions). */
export function codeServerCli(home, args, { timeoutMs = 60_000 } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      CODE_SERVER_BIN,
      ['--config', home.config, '--user-data-dir', home.data, '--extensions-dir', home.extensions, ...args],
      { env: { ...process.env, TMPDIR: home.tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`code-server ${args.join(' ')} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, out });
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` and resolves once /healthz answers. The server log goes to `logFile`.
 * Returns { host, port, pid, child, stop() }; stop() sends SIGTERM to the PID and waits for the exit.
 */
/** @param {{ home: any, port: number, logFile: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} options */
export async function startCodeServer({ home, port, logFile, env = {}, timeoutMs = 30_000 }) {
  if (!existsSync(CODE_SERVER_BIN))
    throw new Error(`code-server is not installed: run \`bash e2e/setup.sh\` first (${CODE_SERVER_BIN} missing)`);
  const host = `127.0.0.1:${port}`;
  const { child, exited, stop } = spawnLogged(
    CODE_SERVER_BIN,
    [
      '--config',
      home.config,
      '--auth',
      'none',
      '--bind-addr',
      host,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      home.data,
      '--extensions-dir',
      home.extensions,
    ],
    { logFile, env: { ...process.env, ...env, TMPDIR: home.tmp } },
  );
  try {
    await waitForListening(child, exited, timeoutMs, logFile);
    const res = await fetch(`http://${host}/healthz`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`code-server /healthz answered ${res.status}; see ${logFile}`);
  } catch (err) {
    await stop();
    throw err;
  }
  return { host, port, pid: child.pid, child, exited, stop };
}

/** Resolves when code-server logs that its HTTP server listens; rejects if it exits or the time runs out. */
function waitForListening(child, exited, timeoutMs, logFile) {
  return /** @type {Promise<void>} */ (
    new Promise((resolveReady, reject) => {
      let seen = '';
      const onData = (chunk) => {
        seen = (seen + chunk).slice(-4096);
        if (seen.includes('HTTP server listening on')) finish(null);
      };
      const timer = setTimeout(
        () => finish(new Error(`code-server was not listening within ${timeoutMs} ms; see ${logFile}`)),
        timeoutMs,
      );
      /** @param {Error | null} err */
      const finish = (err) => {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        if (err) reject(err);
        else resolveReady();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      exited.then((r) =>
        finish(new Error(`code-server exited before it was ready (${JSON.stringify(r)}); see ${logFile}`)),
      );
    })
  );
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionPath` in development mode and,
 * when `testsPath` is given, runs that module's run() in the extension host.
 */
/** @param {string} host @param {{ folder: string, extensionPath?: string, testsPath?: string }} options */
export function workbenchUrl(host, { folder, extensionPath = REPO_ROOT, testsPath }) {
  const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${resolve(extensionPath)}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${resolve(testsPath)}`]);
  return `http://${host}/?folder=${encodeURIComponent(resolve(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
