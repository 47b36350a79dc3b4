/**
 * The CLI in CI fails closed and terminates: symbolic-link loops are walked once, FIFOs and devices are
 * never read, a file above the size limit gets a finding instead of aborting the run, a report that
 * cannot be written exits 2, a UTF-8 BOM is accepted, and unreadable directories and files make the run exit 2.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main, runLint } from '../../../server/src/cli';
import { parseArgs } from '../../../server/src/cli/args';
import { WriteError } from '../../../server/src/cli/output';
import { readRegularFile, readRegularFileSync } from '../../../server/src/readFile';

const TD = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx", "essential": true}]}';

test('a walk with two symlink loops, a FIFO and a /dev/zero link ends, lists each file once (unit)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-hostile-'));
  try {
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    writeFileSync(join(dir, 'a/b/task.json'), TD);
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop1'));
    symlinkSync(join(dir, 'a'), join(dir, 'a/b/loop2'));
    execFileSync('mkfifo', [join(dir, 'a/fifo.json')]);
    symlinkSync('/dev/zero', join(dir, 'a/zero.json'));
    const { output, exitCode } = await runLint(parseArgs(['lint', '--format', 'json', dir]) as never);
    const files = (JSON.parse(output) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, [join(dir, 'a/b/task.json')]);
    assert.notEqual(exitCode, 2, 'everything was examined');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an oversize file gets a finding; an explicit FIFO is reported with exit 2; a BOM is accepted (unit)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-hostile-'));
  try {
    writeFileSync(join(dir, 'big.json'), `{"family": "${'x'.repeat(6 * 1024 * 1024)}"}`);
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${TD}`);
    const big = await runLint(parseArgs(['lint', '--format', 'json', dir]) as never);
    const out = JSON.parse(big.output) as { file: string; diagnostics: { ruleId: string }[] }[];
    assert.ok(out.some((f) => f.file.endsWith('big.json') && f.diagnostics[0]?.ruleId === 'file/too-large'));
    const bom = out.find((f) => f.file.endsWith('bom.json'));
    assert.ok(bom && !bom.diagnostics.some((d) => /syntax/.test(d.ruleId)), JSON.stringify(bom));
    execFileSync('mkfifo', [join(dir, 'explicit.json')]);
    const fifo = await runLint(parseArgs(['lint', join(dir, 'explicit.json')]) as never);
    assert.equal(fifo.exitCode, 2);
    assert.deepEqual(await readRegularFile(join(dir, 'explicit.json'), 1024), { kind: 'not-regular' });
    assert.deepEqual(await readRegularFile('/dev/zero', 1024), { kind: 'not-regular' });
    // The CLI's synchronous reader decides alike (it is the one runLint uses).
    assert.deepEqual(readRegularFileSync(join(dir, 'explicit.json'), 1024), { kind: 'not-regular' });
    assert.deepEqual(readRegularFileSync('/dev/zero', 1024), { kind: 'not-regular' });
    assert.deepEqual(readRegularFileSync(join(dir, 'big.json'), 1024), {
      kind: 'too-large',
      bytes: 6 * 1024 * 1024 + 14,
    });
    assert.deepEqual(readRegularFileSync(join(dir, 'bom.json'), 1024 * 1024), { kind: 'text', text: TD });
    assert.equal(readRegularFileSync(join(dir, 'missing.json'), 1024).kind, 'unreadable');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report that cannot be written (disk full) exits 2 with the reason (unit)', async () => {
  const code = await main(['lint', '--format', 'json', '/dev/null'], () => {
    throw new WriteError('cannot write the report: ENOSPC');
  });
  assert.equal(code, 2);
});

test('an unreadable directory and an unreadable file are reported and exit 2, the rest is still linted (unit)', () => {
  // Permissions do not bind root: as root the CLI runs as "nobody" (uid/gid 65534), as anyone else as itself.
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'fl-cli-unreadable-'));
  try {
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'ok'), { mode: 0o755 });
    writeFileSync(join(dir, 'ok/task.json'), TD, { mode: 0o644 });
    mkdirSync(join(dir, 'locked'), { mode: 0o755 });
    writeFileSync(join(dir, 'locked/hidden.json'), TD, { mode: 0o644 });
    chmodSync(join(dir, 'locked'), 0o000);
    writeFileSync(join(dir, 'secret.json'), TD, { mode: 0o000 });
    const cli = join(__dirname, '../../../server/src/cli.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'lint', '--format', 'json', dir], {
      encoding: 'utf8',
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, HOME: dir },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /locked' directory cannot be read \(EACCES\)/);
    assert.match(run.stderr, /secret\.json' .*EACCES/);
    const files = (JSON.parse(run.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, [join(dir, 'ok/task.json')]);
  } finally {
    chmodSync(join(dir, 'locked'), 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});
