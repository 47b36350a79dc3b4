import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  CompletionItem,
  CompletionList,
  Hover,
  WorkspaceEdit,
  DocumentSymbol,
  Location,
} from 'vscode-languageserver-protocol';
import { FIXTURES } from './client';
import { startInProcess } from './inProcess';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fl-lsp-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** Position of the n-th occurrence of `needle` in text, plus `delta` characters. */
function posOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

test('completion, hover, symbols, definition and rename (in process) (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const { uri, text } = await client.open('uploads-task-def.json');
    await client.diagnostics(uri);
    const c = client.connection;
    // memory values for cpu 512 (1024-4096)
    const memPos = posOf(text, '"memory": "1024"', 11);
    const compl = await c.sendRequest<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: memPos,
    });
    const labels = (Array.isArray(compl) ? compl : compl.items).map((i) => i.label);
    assert.ok(labels.some((l) => /2048/.test(l)) && !labels.some((l) => /^"?512"?$/.test(l)), labels.join(','));
    // hover on a key gives API documentation
    const hov = await c.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: posOf(text, '"transitEncryption"', 3),
    });
    assert.match(JSON.stringify(hov.contents), /transit/i);
    // outline lists containers and volumes
    const symbols = await c.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.match(JSON.stringify(symbols), /app/);
    // definition: sourceVolume -> the volume
    const def = await c.sendRequest<Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: posOf(text, '"sourceVolume": "uploads"', 18),
    });
    assert.equal(def[0].range.start.line, posOf(text, '"name": "uploads"').line);
    // rename the volume updates the mount point too
    const edit = await c.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position: posOf(text, '"name": "uploads"', 10),
      newName: 'files',
    });
    assert.equal(edit.changes?.[uri]?.length, 2);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('live EFS data from the client completes ids and flags unknown ones (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const { uri, text } = await client.open('uploads-task-def.json');
    await client.diagnostics(uri);
    await client.connection.sendNotification('fargateLens/liveEfs', {
      region: 'eu-west-1',
      fileSystems: [{ id: 'fs-0aaaaaaaaaaaaaaa1', name: 'shared', accessPoints: [] }],
    });
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'efs/fs-not-found'));
    assert.match(JSON.stringify(p.diagnostics.find((d) => d.code === 'efs/fs-not-found')!.message), /eu-west-1/);
    const compl = await client.connection.sendRequest<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: posOf(text, '"fs-0123', 1),
    });
    assert.ok((Array.isArray(compl) ? compl : []).some((i) => i.label === 'fs-0aaaaaaaaaaaaaaa1'));
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('hover and outline in a CloudFormation YAML template (in process) (lsp)', async () => {
  const ws = workspace();
  const client = await startInProcess(ws);
  try {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: web
          Image: nginx
`;
    const { uri } = await client.open('template.yaml', text);
    await client.diagnostics(uri);
    const hov = await client.connection.sendRequest<Hover>('textDocument/hover', {
      textDocument: { uri },
      position: posOf(text, 'NetworkMode', 2),
    });
    assert.match(JSON.stringify(hov.contents), /networkMode/);
    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.equal(symbols[0].name, 'AppTask');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
