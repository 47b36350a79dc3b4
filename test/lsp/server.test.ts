import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES, startClient } from './client';
import { startInProcess } from './inProcess';

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-lsp-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

// The one test of this file on the shipped bundle in its own process; the others run the source in process.
test('server reports pv/feature-requires-1.4.0 on a service input, folded into pv/retired on the same token, with related info into the task definition on disk (lsp)', async () => {
  const ws = workspace();
  const client = await startClient(ws);
  try {
    const { uri } = await client.open('uploads-service.json');
    const params = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const pv = params.diagnostics.find((d) => d.code === 'pv/retired');
    assert.ok(pv, `codes: ${params.diagnostics.map((d) => d.code).join(', ')}`);
    assert.ok(!params.diagnostics.some((d) => d.code === 'pv/feature-requires-1.4.0'), 'folded, not shown twice');
    assert.equal(pv.source, 'fargate-lens');
    assert.equal(pv.severity, 1);
    assert.equal(pv.range.start.line, 6);
    assert.match(pv.codeDescription?.href ?? '', /docs\/rules\.md#pv-retired$/);
    assert.match(
      typeof pv.message === 'string' ? pv.message : pv.message.value,
      /and 1 more on this token: pv\/feature-requires-1\.4\.0\)$/,
    );
    const tdUri = pathToFileURL(join(ws, 'uploads-task-def.json')).href;
    const related = pv.relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri === uri && r.message.startsWith('pv/feature-requires-1.4.0 (error): ')),
      JSON.stringify(related),
    );
    assert.ok(
      related.some((r) => r.location.uri === tdUri && /EFS volume 'uploads'/.test(r.message)),
      JSON.stringify(related),
    );
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('code action round trip: the quick fix edit clears fargate/cap-add (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const { uri, text } = await client.open('uploads-task-def.json');
    const first = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'fargate/cap-add'));
    const cap = first.diagnostics.find((d) => d.code === 'fargate/cap-add') as Diagnostic;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: cap.range,
      context: { diagnostics: [cap], only: ['quickfix'] },
    });
    const remove = actions.find((a) => /Remove NET_ADMIN/.test(a.title));
    assert.ok(remove?.edit?.changes?.[uri], JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyTextEdits(text, remove.edit.changes[uri]);
    await client.change(uri, 2, fixed);
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.equal(after.diagnostics.filter((d) => d.code === 'fargate/cap-add').length, 0);
    JSON.parse(fixed);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('files that are not ECS files get no diagnostics at all (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const { uri } = await client.open('package.json');
    const p = await client.diagnostics(uri);
    assert.deepEqual(p.diagnostics, []);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('rule severity settings apply per document (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws, { rules: { 'fargate/cap-add': 'warning', 'pv/task-needs-1.4.0': 'off' } });
  try {
    const { uri } = await client.open('uploads-task-def.json');
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'fargate/cap-add'));
    assert.equal(p.diagnostics.find((d) => d.code === 'fargate/cap-add')?.severity, 2);
    assert.ok(!p.diagnostics.some((d) => d.code === 'pv/task-needs-1.4.0'));
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('the same edit offered by several rules (folded on one token) is one code action for the diagnostic shown (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const { uri } = await client.open('uploads-service.json');
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'pv/retired'));
    const retired = p.diagnostics.find((d) => d.code === 'pv/retired')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: retired.range,
      context: { diagnostics: p.diagnostics, only: ['quickfix'] },
    });
    const latest = actions.filter((a) => a.title === 'Set platformVersion to LATEST');
    assert.equal(latest.length, 1, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(
      (latest[0].diagnostics ?? []).map((d) => d.code),
      ['pv/retired'],
    );
    assert.equal(latest[0].isPreferred, true);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
