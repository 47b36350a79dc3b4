/**
 * A large template (past the coalescing threshold) is validated once per version: its publish re-indexes
 * it without scheduling itself again, so the code action that follows a keystroke is served from that
 * validation result instead of waiting behind a second run of every rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { templateOf } from '../../bench/sections/largeTemplate';
import { COALESCE_CHARS } from '../../server/src/lsp/session';
import { startInProcess } from './inProcess';

test('a large template is validated once per version and its code action uses that result (lsp)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fl-lsp-large-'));
  const text = templateOf(3000);
  assert.ok(text.length > COALESCE_CHARS, `${text.length} characters: past the coalescing threshold`);
  const file = join(ws, 'stack.yaml');
  writeFileSync(file, text);
  const client = await startInProcess(ws, { debounceMs: 0 });
  try {
    const uri = pathToFileURL(file).href;
    await client.open(file, text);
    await client.diagnostics(uri, (p) => p.version === 1, 60_000);
    const edited = text.replace('value-1\n', 'value-1x\n');
    await client.change(uri, 2, edited);
    const v2 = await client.diagnostics(uri, (p) => p.version === 2, 60_000);
    const before = edited.slice(0, edited.indexOf('Name: Web') + 'Name: '.length).split('\n');
    const at = { line: before.length - 1, character: before[before.length - 1].length };
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: v2.diagnostics.filter((d) => d.range.start.line === at.line) },
    });
    assert.ok(
      actions.some((a) => /web/.test(a.title)),
      JSON.stringify(actions.map((a) => a.title)),
    );
    await client.change(uri, 3, text);
    let v2Publishes = 0;
    await client.diagnostics(
      uri,
      (p) => {
        if (p.version === 2) v2Publishes++;
        return p.version === 3;
      },
      60_000,
    );
    assert.equal(v2Publishes, 1, 'version 2 was validated and published once');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
