/**
 * A hostile workspace against the real server over stdio: settings that once killed the workspace scan
 * and the server on every restart (an empty glob, an overlong one), watched-file events naming a FIFO,
 * a /dev/zero symlink and a file above the size limit, null and malformed request params, and
 * document versions arriving out of order.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, startClient, withTimeout, type SpawnedClient } from './client';

const TD = (family: string, cpu = '256', extra = '') =>
  `{"family": "${family}", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "${cpu}", "memory": "512",${extra} "containerDefinitions": [{"name": "app", "image": "nginx", "essential": true}]}`;

describe('hostile workspace (lsp)', () => {
  let ws: string;
  let client: SpawnedClient;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'fl-hostile-'));
    cpSync(FIXTURES, ws, { recursive: true });
    execFileSync('mkfifo', [join(ws, 'blocked.json')]);
    symlinkSync('/dev/zero', join(ws, 'zero.json'));
    writeFileSync(join(ws, 'huge.json'), TD('huge', '256', ` "x": "${'a'.repeat(6 * 1024 * 1024)}",`));
    client = await startClient(ws, { files: { exclude: ['', 'x'.repeat(70_000), 42], include: [] }, rules: 7 });
  });
  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('bad globs and values fall back with a logged warning; the server scans and answers', async () => {
    // The scan at start-up logged before this test listened: a configuration change checks the settings again.
    const warned = new Promise<void>((resolve) =>
      client.connection.onNotification('window/logMessage', (p: { message: string }) => {
        if (/Settings: fargateLens\.files\.exclude/.test(p.message)) resolve();
      }),
    );
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { uri } = await client.open(join(ws, 'check.json'), TD('check', '999'));
    const d = await client.diagnostics(uri, (p) => p.diagnostics.some((x) => /999/.test(String(x.message))));
    assert.ok(
      d.diagnostics.some((x) => /cpu/i.test(String(x.message))),
      JSON.stringify(d.diagnostics),
    );
    await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    await withTimeout(warned, 10_000, 'a settings warning');
  });

  it('watched-file events naming a FIFO, a /dev/zero symlink and an oversize file are skipped, quickly', async () => {
    const changes = ['blocked.json', 'zero.json', 'huge.json'].map((f) => ({
      uri: pathToFileURL(join(ws, f)).href,
      type: 2,
    }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
    // The server still answers at once (a FIFO read would hold a file-reading thread; /dev/zero would grow to 2 GiB).
    const { uri } = await client.open(join(ws, 'after.json'), TD('after'));
    await withTimeout(client.diagnostics(uri), 10_000, 'diagnostics after the watched-file events');
    const rss = Number(
      /VmRSS:\s+(\d+)/.exec(execFileSync('cat', [`/proc/${client.child.pid}/status`], { encoding: 'utf8' }))?.[1],
    );
    assert.ok(rss < 400_000, `server RSS ${rss} kB`);
  });

  it('null and malformed params get an InvalidParams error, not a TypeError', async () => {
    for (const [method, params] of [
      ['textDocument/hover', null],
      ['textDocument/completion', { textDocument: null, position: { line: 0, character: 0 } }],
      [
        'textDocument/codeAction',
        { textDocument: { uri: 'file:///x.json' }, range: null, context: { diagnostics: [] } },
      ],
      ['textDocument/definition', { textDocument: { uri: 'file:///x.json' }, position: { line: 'a' } }],
    ] as const) {
      await assert.rejects(client.connection.sendRequest(method, params), (e: { code?: number; message?: string }) => {
        assert.equal(e.code, -32602, `${method}: ${e.message}`);
        assert.doesNotMatch(e.message ?? '', /TypeError|Cannot read/);
        return true;
      });
    }
  });

  it('versions out of order never leave the diagnostics of another text', async () => {
    const { uri } = await client.open(join(ws, 'order.json'), TD('order'));
    await client.diagnostics(uri);
    await client.change(uri, 5, TD('order', '999'));
    await client.change(uri, 3, TD('order'));
    const last = await client.diagnostics(uri, (p) => p.version === 3);
    assert.ok(!last.diagnostics.some((d) => /999/.test(String(d.message))), JSON.stringify(last.diagnostics));
    assert.equal(client.child.exitCode, null, 'the server is still running');
  });
});
