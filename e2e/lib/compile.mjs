// Compiles the extension-host test entry and suites (test/e2e/**/*.ts) to out/test/e2e/ with esbuild.
// Each entry is bundled on its own with vscode and mocha left external (the host provides vscode; mocha
// resolves from the root node_modules), so suites may import shared helpers and test/integration code.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './codeServer.mjs';

export const TESTS_OUT = join(REPO_ROOT, 'out', 'test', 'e2e');
export const TESTS_ENTRY = join(TESTS_OUT, 'index.js');

export async function compileE2eTests() {
  const src = join(REPO_ROOT, 'test', 'e2e');
  const suitesDir = join(src, 'suites');
  const suites = existsSync(suitesDir)
    ? readdirSync(suitesDir)
        .filter((n) => n.endsWith('.test.ts'))
        .map((n) => join(suitesDir, n))
    : [];
  rmSync(TESTS_OUT, { recursive: true, force: true });
  await build({
    entryPoints: [join(src, 'index.ts'), ...suites],
    outdir: TESTS_OUT,
    outbase: src,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { entry: TESTS_ENTRY, suites: suites.map((s) => relative(REPO_ROOT, s)) };
}
