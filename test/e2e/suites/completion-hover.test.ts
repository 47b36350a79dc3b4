/**
 * (e2e) Completion and hover from the language server reach VS Code's own providers: valid memory sizes
 * for the task's cpu, key completion inside a container definition, and API documentation on hover.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, ruleId, waitForDiagnostics } from '../helpers';

/** A Fargate task definition with cpu 512, so memory may be 1024-4096 in 1 GB steps. */
const TASK_DEF = {
  family: 'e2e-editing',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '512',
  memory: '1024',
  containerDefinitions: [
    {
      name: 'app',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      linuxParameters: { capabilities: { add: ['NET_ADMIN'] } },
    },
  ],
};

/** Position just after the first occurrence of `needle` in the document, plus `delta` characters. */
function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `fixture contains ${needle}`);
  return doc.positionAt(at + delta);
}

/** Labels of the completion items VS Code collects at `position` (all providers, ours included). */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('completion and hover (e2e)', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    const editor = await openFixture('e2e-editing-task-def.json', TASK_DEF);
    doc = editor.document;
    // The server has the document once it reports on it (the fixture's one finding is fargate/cap-add).
    await waitForDiagnostics(
      doc.uri,
      (all) => all.some((d) => ruleId(d) === 'fargate/cap-add'),
      'diagnostics on the editing fixture',
    );
  });

  it('completes memory with the sizes valid for the task cpu', async () => {
    const labels = await completionLabels(doc.uri, positionOf(doc, '"memory": "1024"', '"memory": "'.length));
    assert.ok(
      labels.some((l) => /\b2048\b/.test(l)),
      `2048 is offered for cpu 512; got: ${labels.join(', ')}`,
    );
    assert.ok(!labels.some((l) => /^"?512"?$/.test(l)), `512 MiB is not valid with cpu 512; got: ${labels.join(', ')}`);
  });

  it('completes container definition keys', async () => {
    const labels = await completionLabels(doc.uri, positionOf(doc, '"name": "app"'));
    for (const key of ['portMappings', 'environment', 'healthCheck']) {
      assert.ok(
        labels.some((l) => l.replace(/"/g, '') === key),
        `key ${key} is offered; got: ${labels.slice(0, 40).join(', ')}`,
      );
    }
  });

  it('shows API documentation on hover over a key', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, '"networkMode"', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /awsvpc/, `hover on networkMode documents its values; got: ${text.slice(0, 300) || 'no hover'}`);
  });
});
