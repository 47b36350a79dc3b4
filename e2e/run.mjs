#!/usr/bin/env node
// The end-to-end tier: Fargate Lens in a real VS Code (code-server 4.100.3) driven by headless Chromium.
//   node e2e/run.mjs [--phase tests,ui,package] [--grep text] [--keep] [--timeout seconds]
// Phases (all by default):
//   tests   the extension-host suites (test/e2e/suites/*.test.ts, compiled to out/test/e2e/) via the
//           workbench payload's extensionTestsPath; the result comes back through codeAutomationExit.
//   ui      Playwright steps on the workbench (e2e/ui/steps.mjs), screenshots into e2e-artifacts/.
//   package `npm run package`, checks the .vsix's contents and size, installs it offline into code-server.
// A moto_server seeded with the demo account backs both browser phases, behind the ECS Exec stub (the
// integration tier's AWS stub and fake SSM agent), which is code-server's AWS_ENDPOINT_URL. Everything started is stopped by PID and the scratch dir removed, also on failure and
// timeout. Prints `N passed, N failed` last and exits non-zero when anything failed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, format } from 'node:util';
import { spawnSync } from 'node:child_process';
import {
  CODE_SERVER_BIN,
  E2E_DIR,
  REPO_ROOT,
  freePort,
  prepareHome,
  startCodeServer,
  workbenchUrl,
} from './lib/codeServer.mjs';
import { awsEnv, findMoto, seedDemo, startMoto } from './lib/moto.mjs';
import { compileE2eTests } from './lib/compile.mjs';
import { startExecStub } from './lib/execStub.mjs';
import { steps as uiSteps } from './ui/steps.mjs';
import { checkPackage } from './lib/package.mjs';

// First run on this machine: install the tools (idempotent; apt as root, else it says what to install).
if (!existsSync(CODE_SERVER_BIN) || !existsSync(join(E2E_DIR, 'node_modules', 'playwright-core'))) {
  process.stdout.write('[e2e] code-server/playwright-core missing: running bash e2e/setup.sh\n');
  if (spawnSync('bash', [join(E2E_DIR, 'setup.sh')], { stdio: 'inherit' }).status !== 0) {
    process.stdout.write('e2e: 0 passed, 1 failed\n');
    process.exit(1);
  }
}
const { launchChromium, newPage } = await import('./lib/browser.mjs');

const { values: opts } = parseArgs({
  options: {
    phase: { type: 'string', default: 'tests,ui,package' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.FARGATE_LENS_E2E_TIMEOUT ?? '600' },
  },
});
const phases = new Set(
  opts.phase
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);
const ARTIFACTS = join(REPO_ROOT, 'e2e-artifacts');
const started = Date.now();
const log = (...args) =>
  process.stdout.write(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${format(...args)}\n`);
const tally = { passed: 0, failed: 0, skipped: 0 };
const cleanups = [];
// Workbench chatter that every run prints (offline gallery, socket setup); FARGATE_LENS_E2E_VERBOSE=1 shows it.
const NOISE =
  /ENOTFOUND open-vsx|^\s+at |Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore|Updating additional builtin|Long running operations during shutdown/;
const verbose = process.env.FARGATE_LENS_E2E_VERBOSE === '1';

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      log('cleanup:', err.message);
    }
  }
}

function finish(code) {
  process.stdout.write(
    `e2e: ${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}\n`,
  );
  process.exit(code);
}

const deadlineMs = Number(opts.timeout) * 1000;
const deadline = setTimeout(() => void onDeadline(), deadlineMs);
async function onDeadline() {
  log(
    `TIMEOUT: the e2e tier did not finish within ${opts.timeout} s (raise with --timeout or FARGATE_LENS_E2E_TIMEOUT); stopping everything`,
  );
  tally.failed++;
  await cleanup();
  finish(1);
}
deadline.unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void onSignal(sig));
async function onSignal(sig) {
  log(`${sig}: stopping`);
  await cleanup();
  finish(130);
}

/** Workbench settings for the e2e tier on top of QUIET_SETTINGS. */
const E2E_SETTINGS = {
  // The DOM renderer keeps the terminal's text in .xterm-rows, where UI steps read it (headless has no GPU anyway).
  'terminal.integrated.gpuAcceleration': 'off',
  // No timed explorer refresh re-rendering rows under a click; steps refresh through commands.
  'fargateLens.explorer.refreshInterval': 0,
  // No "Some keybindings don't go to the terminal" toast over the screenshots.
  'terminal.integrated.showTerminalConfigPrompt': false,
};

/**
 * A shared AWS config and credentials file with one named profile, `demo` (fake keys, reaching the same
 * emulator), so profile switching has something to switch to. Returns the env vars that point at them.
 */
function awsProfiles(scratch) {
  const dir = join(scratch, 'aws');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config'), '[default]\nregion = us-east-1\n\n[profile demo]\nregion = us-east-1\n');
  writeFileSync(
    join(dir, 'credentials'),
    '[default]\naws_access_key_id = testing\naws_secret_access_key = testing\n\n[demo]\naws_access_key_id = testing\naws_secret_access_key = testing\n',
  );
  return { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
}

/** Runs the extension-host suites in a fresh window; returns the host's exit code. */
async function runHostTests({ browser, server, workspace, entry }) {
  const { context, page } = await newPage(browser);
  cleanups.push(() => context.close());
  let counted = false;
  const exit = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      const m = /^e2e: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(line);
      if (m) {
        counted = true;
        tally.passed += Number(m[1]);
        tally.failed += Number(m[2]);
        tally.skipped += Number(m[3] ?? 0);
        process.stdout.write(`  extension host: ${line.replace(/^e2e: /, '')}\n`);
      } else {
        const lines = line.split('\n').filter((l) => verbose || (l.trim() && !NOISE.test(l)));
        if (lines.length && (verbose || !NOISE.test(line))) process.stdout.write(`  ${lines.join('\n  ')}\n`);
      }
    });
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  page.on('pageerror', (err) => log('page error:', err.message));
  const url = workbenchUrl(server.host, { folder: workspace, testsPath: entry });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  log('workbench loaded; running extension-host suites');
  const limitS = Number(process.env.FARGATE_LENS_E2E_HOST_TIMEOUT ?? 300);
  let timer;
  const code = await Promise.race([
    exit,
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limitS * 1000);
    }),
  ]);
  clearTimeout(timer);
  if (code === 'timeout') {
    log(
      `TIMEOUT: the extension host did not report a result within ${limitS} s (FARGATE_LENS_E2E_HOST_TIMEOUT); a suite is hanging or the host crashed; see e2e-artifacts/vscode-logs and tests-timeout.png`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'tests-timeout.png') }).catch(() => {});
    tally.failed++;
    return 1;
  }
  await page.screenshot({ path: join(ARTIFACTS, 'tests-final.png') });
  if (!counted) tally.failed++; // the host died before mocha reported: count it as a failure
  return code;
}

/** Runs each UI step in one fresh window (development mode, no tests path). */
async function runUiSteps({ browser, server, workspace, motoEndpoint, execStub, seed }) {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const { context, page } = await newPage(browser);
  cleanups.push(() => context.close());
  page.on('pageerror', (err) => log('page error:', err.message));
  await page.goto(workbenchUrl(server.host, { folder: workspace }));
  let failed = 0;
  for (const step of uiSteps) {
    if (opts.grep && !step.name.includes(opts.grep)) continue;
    const why = step.skip?.({ pkg, root: REPO_ROOT, motoEndpoint, execStub });
    if (why) {
      tally.skipped++;
      process.stdout.write(`  - ui: ${step.name} (skipped: ${why})\n`);
      continue;
    }
    const shot = (name) => page.screenshot({ path: join(ARTIFACTS, `ui-${name}.png`) });
    const t0 = Date.now();
    try {
      await step.run({ page, shot, pkg, root: REPO_ROOT, motoEndpoint, execStub, seed });
      tally.passed++;
      process.stdout.write(`  ✔ ui: ${step.name} (${Date.now() - t0} ms)\n`);
    } catch (err) {
      tally.failed++;
      failed++;
      const file = `ui-FAILED-${uiSteps.indexOf(step)}.png`;
      await page.screenshot({ path: join(ARTIFACTS, file) }).catch(() => {});
      process.stdout.write(
        `  ✘ ui: ${step.name}\n    ${String(err.message).split('\n')[0]}\n    screenshot: e2e-artifacts/${file}\n`,
      );
    }
  }
  return failed;
}

async function main() {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'fargate-lens-e2e-'));
  if (!opts.keep) cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
  else log('keeping scratch dir', scratch);

  log('building dist/ and compiling test/e2e');
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
  const { entry, suites } = await compileE2eTests();
  log(`compiled ${suites.length} suite(s): ${suites.map((s) => s.replace('test/e2e/suites/', '')).join(', ')}`);

  if (phases.has('tests') || phases.has('ui')) {
    let motoEndpoint;
    let execStub;
    let seed;
    let seeding = Promise.resolve();
    const seedFile = join(scratch, 'seed.json');
    const env = { FARGATE_LENS_E2E_SEED_FILE: seedFile };
    if (findMoto()) {
      const moto = await startMoto({ logFile: join(ARTIFACTS, 'moto.log') });
      cleanups.push(() => moto.stop());
      motoEndpoint = moto.endpoint;
      // Seeding runs while the exec stub, code-server and Chromium start; the suites read its summary from seedFile.
      seeding = seedDemo(moto.endpoint).then((seeded) => {
        seed = seeded;
        writeFileSync(seedFile, JSON.stringify(seeded, null, 2));
        log(`moto on ${moto.endpoint} (pid ${moto.pid}), seeded by ${seeded.seeder}`);
      });
      seeding.catch(() => {}); // rejected seeding is reported where it is awaited, after code-server starts
      execStub = await startExecStub({ upstream: moto.endpoint, logFile: join(ARTIFACTS, 'exec-stub.log') });
      cleanups.push(() => execStub.stop());
      Object.assign(env, awsEnv(execStub.endpoint), awsProfiles(scratch));
      log(`exec stub on ${execStub.endpoint} (pid ${execStub.pid}) in front of moto`);
    } else log('moto_server not found: AWS-backed suites will fail or skip');
    if (opts.grep) env.FARGATE_LENS_E2E_GREP = opts.grep;

    // Suites write into their workspace (fixtures, quick fixes): each phase gets its own copy of examples/.
    const workspaceFor = (phase) => {
      const dir = join(scratch, `workspace-${phase}`, 'examples');
      cpSync(join(REPO_ROOT, 'examples'), dir, { recursive: true });
      return dir;
    };
    const home = prepareHome(join(scratch, 'code-server'), E2E_SETTINGS);
    // Keep VS Code's own logs (extension host, output channels such as the language client's) for diagnosis.
    cleanups.push(
      () =>
        existsSync(join(home.data, 'logs')) &&
        cpSync(join(home.data, 'logs'), join(ARTIFACTS, 'vscode-logs'), { recursive: true }),
    );
    const server = await startCodeServer({
      home,
      port: await freePort(),
      logFile: join(ARTIFACTS, 'code-server.log'),
      env,
    });
    cleanups.push(() => server.stop());
    log(`code-server on http://${server.host} (pid ${server.pid})`);
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    await seeding;

    if (phases.has('tests')) {
      const code = await runHostTests({ browser, server, workspace: workspaceFor('tests'), entry });
      log(`extension host exited with ${code}`);
    }
    if (phases.has('ui')) {
      const failed = await runUiSteps({ browser, server, workspace: workspaceFor('ui'), motoEndpoint, execStub, seed });
      log(`ui steps done (${failed} failed); screenshots in e2e-artifacts/`);
    }
  }

  if (phases.has('package')) {
    const results = await checkPackage({ scratch, log });
    for (const r of results) {
      if (r.ok) tally.passed++;
      else tally.failed++;
      process.stdout.write(`  ${r.ok ? '✔' : '✘'} package: ${r.name}${r.detail ? ` (${r.detail})` : ''}\n`);
    }
  }
}

try {
  await main();
} catch (err) {
  log('ERROR:', err.stack ?? err.message);
  tally.failed++;
}
await cleanup();
clearTimeout(deadline);
const code = tally.failed ? 1 : 0;
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish(code);
