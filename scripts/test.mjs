// @ts-check
// Test driver: `node scripts/test.mjs [tier...] [--grep text]`. Tiers: gates, unit, lsp, integration, e2e.
// With no tier, runs every tier in order, the gates first (type check, ESLint, Prettier): a red gate
// stops the run before any test; a tier whose tools are missing on this machine fails loudly
// (CI installs them), except that e2e is skipped when FARGATE_LENS_SKIP_E2E=1.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkMoto, ensureAptTool } from './tools.mjs';

const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args.splice(grepAt, 2)[1] : undefined;
const tiers = args.length ? args : ['gates', 'unit', 'lsp', 'integration', 'e2e'];
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function find(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (/\.test\.ts$/.test(name)) out.push(p);
  }
  return out.sort();
}

function run(cmd, argv, extraEnv = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

/** @param {string} dir @param {{ concurrency?: number }} [options] */
function nodeTests(dir, { concurrency } = {}) {
  const files = find(dir).filter((f) => !grep || f.includes(grep));
  if (files.length === 0) return 0;
  // --test-force-exit: a test file whose tests all finished ends even if a socket of a library (an SDK
  // agent's keep-alive pool) is still open; without it one such handle hangs the whole tier.
  const argv = ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec'];
  if (concurrency) argv.push(`--test-concurrency=${concurrency}`);
  return run(process.execPath, [...argv, ...files]);
}

/** The gates, in order: each runs even when an earlier one failed, so one run lists every problem. */
function gates() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  let failedGates = 0;
  for (const script of ['typecheck', 'lint', 'format:check']) {
    const t0 = Date.now();
    const code = run(npm, ['run', '--silent', script]);
    process.stdout.write(
      `gate ${script}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
    );
    if (code !== 0) failedGates++;
  }
  return failedGates;
}

let failed = 0;
for (const tier of tiers) {
  process.stdout.write(`\n=== ${tier} ${tier === 'gates' ? '(typecheck, lint, format:check)' : 'tests'} ===\n`);
  let code;
  if (tier === 'gates') {
    if (gates() > 0) {
      process.stderr.write('gates failed: fix the errors above (npm run format fixes formatting); no tests run.\n');
      process.exit(1);
    }
    continue;
  } else if (tier === 'unit') code = nodeTests('test/unit');
  else if (tier === 'lsp') {
    const missing = ensureAptTool('nvim', 'neovim');
    if (missing) {
      process.stderr.write(`lsp tier: ${missing}\n`);
      failed++;
      continue;
    }
    code = run(process.execPath, ['scripts/build.mjs']) || nodeTests('test/lsp', { concurrency: 1 });
  } else if (tier === 'integration') {
    const missing = checkMoto();
    if (missing) {
      process.stderr.write(`integration tier: ${missing}\n`);
      failed++;
      continue;
    }
    code = nodeTests('test/integration', { concurrency: 1 });
  } else if (tier === 'e2e') {
    if (process.env.FARGATE_LENS_SKIP_E2E === '1') {
      process.stdout.write('skipped (FARGATE_LENS_SKIP_E2E=1)\n');
      continue;
    }
    code = existsSync('e2e/run.mjs') ? run(process.execPath, ['e2e/run.mjs']) : 0;
  } else {
    process.stderr.write(`unknown tier ${tier}\n`);
    code = 2;
  }
  if (code !== 0) failed++;
}
process.exit(failed ? 1 : 0);
