/**
 * `npm start` (scripts/start.mjs), run for real: moto_server and code-server start, VS Code opens a
 * scratch copy of examples/ (never the tracked files), and when the emulator dies the sandbox says so
 * and exits non-zero instead of leaving a VS Code whose every AWS call fails. (integration)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

test('the sandbox works on a scratch copy and reports a dead emulator (integration)', async (t) => {
  if (!existsSync(join(ROOT, 'e2e/node_modules/.bin/code-server'))) {
    t.skip('code-server not installed (bash e2e/setup.sh)');
    return;
  }
  const state = mkdtempSync(join(tmpdir(), 'fl-sandbox-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, FARGATE_LENS_SANDBOX_DIR: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const seen = (re: RegExp, timeoutMs: number): Promise<RegExpExecArray> =>
    new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`timed out waiting for ${re} in:\n${out}`)), timeoutMs);
      const check = (): void => {
        const m = re.exec(out);
        if (m) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          ok(m);
        }
      };
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        check();
      });
      check();
    });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    const [, pid] = await seen(/moto_server pid (\d+)/, 60_000);
    const [, workspace] = await seen(/Workspace: a scratch copy of examples\/ in (\S+) /, 120_000);
    assert.equal(workspace, join(state, 'workspace'));
    assert.ok(existsSync(join(workspace, 'task-definitions')), 'the scratch copy holds the examples');
    await seen(/ready in [\d.]+ s/, 60_000);
    process.kill(Number(pid), 'SIGKILL');
    await seen(/moto_server \(the AWS emulator\) exited unexpectedly/, 30_000);
    assert.equal(await exited, 1);
  } finally {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
    rmSync(state, { recursive: true, force: true });
  }
});

test('npm start -- --check opens an ECS Exec shell as Open Shell does, echoes, exits normally, and stops (integration)', async (t) => {
  if (!existsSync(join(ROOT, 'e2e/node_modules/.bin/code-server'))) {
    t.skip('code-server not installed (bash e2e/setup.sh)');
    return;
  }
  const state = mkdtempSync(join(tmpdir(), 'fl-sandbox-check-'));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--check'], {
    cwd: ROOT,
    env: { ...process.env, FARGATE_LENS_SANDBOX_DIR: state },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const timer = setTimeout(() => child.kill('SIGINT'), 180_000);
  try {
    assert.equal(await exited, 0, out);
    assert.match(out, /check: workbench page served/);
    assert.match(
      out,
      /check: ECS Exec \(simulated\) works: Open Shell on \S+ @ [0-9a-f]{8}: KMS-encrypted session, 'echo sandbox-ok' answered, 'exit' ended it normally/,
    );
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
    rmSync(state, { recursive: true, force: true });
  }
});
