/**
 * (e2e) The demo workspace (examples/) shows what it promises in examples/README.md: the cross-file
 * finding from a service input to the task definition it launches, and a clean file with no errors.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, ourDiagnostics, openWorkspaceFile, ruleId, waitForDiagnostics } from '../helpers';

describe('demo workspace (e2e)', () => {
  before(async () => {
    await activeExtension();
  });

  it('flags the service input pinned to 1.3.0 once, the EFS rule folded in as related information pointing at the task definition', async () => {
    const editor = await openWorkspaceFile('services/efs-worker-service.json');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(
      uri,
      (all) =>
        all.some(
          (d) =>
            ruleId(d) === 'pv/retired' &&
            (d.relatedInformation ?? []).some((r) => r.message.startsWith('pv/feature-requires-1.4.0')),
        ),
      'pv/retired with pv/feature-requires-1.4.0 folded in',
    );
    const onToken = ds.filter((d) => editor.document.getText(d.range) === '"1.3.0"');
    assert.deepEqual(
      onToken.map((d) => ruleId(d)),
      ['pv/retired'],
      'one diagnostic on the token',
    );
    const related = onToken[0].relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.path.endsWith('/task-definitions/efs-worker.json')),
      `relatedInformation points at task-definitions/efs-worker.json; got: ${related.map((r) => vscode.workspace.asRelativePath(r.location.uri)).join(', ') || 'none'}`,
    );
  });

  it('reports no errors on the clean task definition', async () => {
    const editor = await openWorkspaceFile('task-definitions/web.json');
    const uri = editor.document.uri;
    // A sibling file's diagnostics arriving proves the server has validated the workspace; then web.json must be error-free.
    const other = await openWorkspaceFile('task-definitions/bad-task-definition.json');
    await waitForDiagnostics(
      other.document.uri,
      (all) => all.some((d) => ruleId(d) === 'fargate/cap-add'),
      'diagnostics on bad-task-definition.json',
    );
    const errors = ourDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => `${ruleId(d)}: ${d.message}`),
      [],
    );
  });
});
