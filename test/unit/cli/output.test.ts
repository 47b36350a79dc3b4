import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const OUTPUT = resolve(__dirname, '../../../server/src/cli/output.ts');
/** A child that writes `n` numbered lines in one writeOut call, then exits 0 once afterOutput says so. */
const child = (n: number) => [
  '--import',
  'tsx',
  '-e',
  `const { writeOut, afterOutput } = require(${JSON.stringify(OUTPUT)});` +
    `let s = ''; for (let i = 0; i < ${n}; i++) s += 'line ' + i + '\\n';` +
    `writeOut(s); afterOutput(() => process.exit(0));`,
];
const expected = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}\n`).join('');
const N = 100_000; // ~1 MB: more than a pipe holds

test('writeOut writes everything to a pipe, a file and /dev/null (unit)', () => {
  const piped = spawnSync(process.execPath, child(N), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60000,
  });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout, expected(N));
  const dir = mkdtempSync(join(tmpdir(), 'fl-out-'));
  try {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, child(N), {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
      timeout: 60000,
    });
    closeSync(fd);
    assert.equal(toFile.status, 0, toFile.stderr);
    assert.equal(readFileSync(file, 'utf8'), expected(N));
    const toNull = spawnSync(process.execPath, child(N), {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(toNull.status, 0, toNull.stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writeOut: a reader that goes away ends the output quietly (unit)', () => {
  const r = spawnSync(
    'sh',
    [
      '-c',
      `"${process.execPath}" ${child(N)
        .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
        .join(' ')} | head -c 10 >/dev/null; echo "$?"`,
    ],
    { encoding: 'utf8', timeout: 60000 },
  );
  assert.equal(r.stderr, '');
});

test(
  'writeOut: a non-blocking pipe that fills up hands the rest to process.stdout, nothing lost (unit)',
  { skip: process.platform === 'win32' && 'no FIFOs' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fl-out-'));
    try {
      const fifo = join(dir, 'fifo');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      // Both ends non-blocking: the child's writes fail with EAGAIN while the pipe is full.
      const writeEnd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
      const readEnd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
      const proc = spawn(process.execPath, child(N), { stdio: ['ignore', writeEnd, 'pipe'] });
      let stderr = '';
      proc.stderr?.on('data', (d) => (stderr += d));
      let exited: number | null | undefined;
      proc.on('exit', (code) => (exited = code));
      const chunks: Buffer[] = [];
      const buf = Buffer.alloc(65536);
      for (;;) {
        let n = 0;
        try {
          n = readSync(readEnd, buf, 0, buf.length, null);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        }
        if (n > 0) chunks.push(Buffer.from(buf.subarray(0, n)));
        else if (exited !== undefined) break;
        else await new Promise((r) => setImmediate(r));
      }
      closeSync(writeEnd);
      closeSync(readEnd);
      assert.equal(exited, 0, stderr);
      assert.equal(Buffer.concat(chunks).toString('utf8'), expected(N));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
