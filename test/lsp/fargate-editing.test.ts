import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { startClient } from './client';
import { EFS_TASK, RETIRED_PV_RUN } from '../shared/retiredPlatformVersion';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-lsp-fold-'));
  writeFileSync(join(dir, 'task-def.json'), JSON.stringify(EFS_TASK, null, 2));
  writeFileSync(join(dir, 'run-task.json'), JSON.stringify(RETIRED_PV_RUN, null, 2));
  return dir;
}

function posOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('rules on one token arrive as one diagnostic with related information and every fix (lsp)', async () => {
  const ws = workspace();
  const client = await startClient(ws);
  try {
    const { uri, text } = await client.open('run-task.json');
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'pv/retired'));
    const line = posOf(text, '"1.3.0"').line;
    const onVersion = published.diagnostics.filter((d) => d.range.start.line === line);
    assert.deepEqual(
      onVersion.map((d) => d.code),
      ['pv/retired'],
    );
    const [primary] = onVersion;
    const related = (primary.relatedInformation ?? []).map((r) => r.message);
    assert.ok(
      related.some((m) => m.startsWith('exec/pv (error): ')),
      related.join('\n'),
    );
    assert.ok(
      related.some((m) => m.startsWith('pv/feature-requires-1.4.0 (error): ')),
      related.join('\n'),
    );
    assert.ok(primary.relatedInformation?.some((r) => r.location.uri.endsWith('/task-def.json')));
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: primary.range,
      context: { diagnostics: [primary], only: ['quickfix'] },
    });
    assert.ok(actions.length >= 1);
    for (const a of actions) assert.deepEqual(a.diagnostics?.map((d) => d.code) ?? [], ['pv/retired']);
    assert.ok(
      actions.some((a) => /LATEST/.test(a.title)),
      actions.map((a) => a.title).join(', '),
    );
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('completion in a Fargate task definition marks what Fargate does not support, last (lsp)', async () => {
  const ws = workspace();
  const client = await startClient(ws);
  try {
    const { uri, text } = await client.open('task-def.json');
    await client.diagnostics(uri);
    const list = await client.connection.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: posOf(text, '"image"'),
    });
    const items = Array.isArray(list) ? list : list.items;
    const privileged = items.find((i) => i.label === 'privileged');
    assert.equal(privileged?.labelDetails?.description, 'not on Fargate');
    assert.match(privileged?.detail ?? '', /^not on Fargate/);
    const user = items.find((i) => i.label === 'user');
    assert.ok(user && !user.labelDetails?.description);
    assert.ok((user.sortText ?? user.label) < (privileged.sortText ?? privileged.label));
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
