/** (e2e) The language server's diagnostics reach VS Code with our source and rule ids. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, openFixture, ruleId, waitForDiagnostics } from '../helpers';

/** A FARGATE task definition whose only Fargate error is an added Linux capability (rule fargate/cap-add). */
const CAP_ADD_TASK_DEF = {
  family: 'e2e-cap-add',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [
    {
      name: 'app',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      essential: true,
      linuxParameters: { capabilities: { add: ['NET_ADMIN'] } },
    },
  ],
};

describe('diagnostics (e2e)', () => {
  before(async () => {
    await activeExtension();
  });

  it('reports fargate/cap-add on NET_ADMIN for a FARGATE task definition', async () => {
    const editor = await openFixture('e2e-cap-add.json', CAP_ADD_TASK_DEF);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => ruleId(d) === 'fargate/cap-add'),
      'a fargate/cap-add diagnostic',
    );
    const capAdd = ds.find((d) => ruleId(d) === 'fargate/cap-add')!;
    assert.equal(capAdd.source, 'fargate-lens');
    assert.equal(capAdd.severity, vscode.DiagnosticSeverity.Error);
    // Findings point at the offending token: the range covers "NET_ADMIN" (or its key), on its line.
    const line = editor.document.lineAt(capAdd.range.start.line).text;
    assert.match(line, /NET_ADMIN|"add"/, `diagnostic range is on the offending line, got: ${line.trim()}`);
  });

  it('clears the diagnostic once the capability is removed', async () => {
    const editor = await openFixture('e2e-cap-add-fixed.json', CAP_ADD_TASK_DEF);
    const uri = editor.document.uri;
    await waitForDiagnostics(
      uri,
      (all) => all.some((d) => ruleId(d) === 'fargate/cap-add'),
      'a fargate/cap-add diagnostic',
    );
    const text = editor.document.getText();
    const start = text.indexOf('"NET_ADMIN"');
    assert.ok(start > 0);
    await editor.edit((e) =>
      e.replace(
        new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + '"NET_ADMIN"'.length)),
        '"SYS_PTRACE"',
      ),
    );
    await waitForDiagnostics(
      uri,
      (all) => !all.some((d) => ruleId(d) === 'fargate/cap-add'),
      'fargate/cap-add to clear after the edit',
    );
  });
});
