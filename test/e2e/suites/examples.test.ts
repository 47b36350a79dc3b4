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

  it('flags the service input pinned to 1.3.0, pointing at the EFS volume of the task definition it launches', async () => {
    const editor = await openWorkspaceFile('services/efs-worker-service.json');
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(
      uri,
      (all) => ['pv/retired', 'pv/feature-requires-1.4.0'].every((id) => all.some((d) => ruleId(d) === id)),
      'pv/retired and pv/feature-requires-1.4.0',
    );
    const crossFile = ds.find((d) => ruleId(d) === 'pv/feature-requires-1.4.0')!;
    assert.equal(editor.document.getText(crossFile.range), '"1.3.0"');
    const related = crossFile.relatedInformation ?? [];
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
