import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import type { TestClient } from './client';
import { startInProcess } from './inProcess';

/** Position of the end of the text before `‸`, and the text without the marker. */
function cursor(withMarker: string): { text: string; position: { line: number; character: number } } {
  const at = withMarker.indexOf('‸');
  const before = withMarker.slice(0, at).split('\n');
  return {
    text: withMarker.slice(0, at) + withMarker.slice(at + 1),
    position: { line: before.length - 1, character: before[before.length - 1].length },
  };
}

async function complete(
  client: TestClient,
  uri: string,
  position: { line: number; character: number },
  triggerCharacter?: string,
): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const r = await client.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position,
    context,
  });
  return Array.isArray(r) ? r : (r?.items ?? []);
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  AppTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app
      RequiresCompatibilities: [FARGATE]
      Cpu: '512'
      Memo‸
`;

test('completion in a CloudFormation YAML template (in process): keys on a half-typed line, values, snippets (lsp)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fl-lsp-cfn-'));
  const client = await startInProcess(ws);
  try {
    // The line being typed (`Memo`) does not parse as the mapping YAML expects; the path comes from indentation.
    const { text, position } = cursor(TEMPLATE);
    const { uri } = await client.open('template.yaml', text);
    await client.diagnostics(uri);
    const keys = await complete(client, uri, position);
    const memory = keys.find((i) => i.label === 'Memory');
    assert.ok(memory, keys.map((i) => i.label).join(','));
    assert.deepEqual((memory.textEdit as TextEdit).range, {
      start: { line: position.line, character: 6 },
      end: position,
    });
    assert.equal((memory.textEdit as TextEdit).newText, "Memory: ${1|'1024','2048','3072','4096'|}");
    assert.equal(memory.insertTextMode, 1);
    assert.ok(!keys.some((i) => i.label === 'Cpu' || i.label === 'Family'));

    // After `Memory: ` (space typed): the memory sizes valid with 512 cpu units, as strings.
    const typed = TEMPLATE.replace('Memo‸', 'Memory: ‸');
    const v = cursor(typed);
    await client.change(uri, 2, v.text);
    const values = await complete(client, uri, v.position, ' ');
    assert.deepEqual(
      values.map((i) => (i.textEdit as TextEdit).newText),
      ["'1024'", "'2048'", "'3072'", "'4096'"],
    );

    // A new container: the whole item as block YAML, indented from the dash.
    const item = cursor(TEMPLATE.replace('Memo‸', "Memory: '1024'\n      ContainerDefinitions:\n        - ‸"));
    await client.change(uri, 3, item.text);
    const items = await complete(client, uri, item.position, ' ');
    const container = items.find((i) => i.label === 'container definition');
    assert.match(
      (container?.textEdit as TextEdit).newText,
      /^Name: \$\{1:app\}\n {10}Image: .*\n {10}Essential: true\n {10}PortMappings:\n {12}- ContainerPort: \$\{3:80\}/,
    );

    // A space typed to indent a new line offers nothing.
    const blank = cursor(TEMPLATE.replace('Memo‸', '‸'));
    await client.change(uri, 4, blank.text);
    assert.deepEqual(await complete(client, uri, blank.position, ' '), []);
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});

test('completion in a CloudFormation JSON template (in process) (lsp)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fl-lsp-cfn-'));
  const client = await startInProcess(ws);
  try {
    const { text, position } = cursor(
      '{\n  "Resources": {\n    "Svc": {\n      "Type": "AWS::ECS::Service",\n      "Properties": {\n        "LaunchType": "‸"\n      }\n    }\n  }\n}\n',
    );
    const { uri } = await client.open('template.json', text);
    await client.diagnostics(uri);
    const values = await complete(client, uri, position, '"');
    assert.equal(values.find((i) => i.sortText === '0')?.label, 'FARGATE');
    assert.equal((values.find((i) => i.label === 'FARGATE')!.textEdit as TextEdit).newText, '"FARGATE"');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
