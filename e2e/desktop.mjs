#!/usr/bin/env node
// The same extension-host suites in desktop VS Code (Electron) through @vscode/test-electron, for machines
// that can download VS Code (this project's CI cannot; it uses e2e/run.mjs with code-server). On Linux
// without a display, run it under xvfb-run.   node e2e/desktop.mjs [--vscode 1.100.3] [--grep text]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './lib/codeServer.mjs';
import { awsEnv, findMoto, seedDemo, startMoto } from './lib/moto.mjs';
import { compileE2eTests } from './lib/compile.mjs';

const { values: opts } = parseArgs({
  options: { vscode: { type: 'string', default: '1.100.3' }, grep: { type: 'string' } },
});
const scratch = mkdtempSync(join(tmpdir(), 'fargate-lens-desktop-'));
let moto;
let code = 1;
try {
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' }).status !== 0)
    throw new Error('build failed');
  const { entry } = await compileE2eTests();
  /** @type {Record<string, string>} */
  const env = {};
  if (findMoto()) {
    moto = await startMoto({ logFile: join(REPO_ROOT, 'e2e-artifacts', 'moto-desktop.log') });
    const seedFile = join(scratch, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(await seedDemo(moto.endpoint)));
    Object.assign(env, awsEnv(moto.endpoint), { FARGATE_LENS_E2E_SEED_FILE: seedFile });
  }
  if (opts.grep) env.FARGATE_LENS_E2E_GREP = opts.grep;
  const workspace = join(scratch, 'examples');
  cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  code = await runTests({
    version: opts.vscode,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: entry,
    extensionTestsEnv: env,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      join(scratch, 'data'),
    ],
  });
} catch (err) {
  process.stderr.write(`desktop e2e: ${err.message}\n`);
} finally {
  await moto?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
