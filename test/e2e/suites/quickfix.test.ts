/** (e2e) A quick fix offered by the language server, applied in the editor, clears its diagnostic. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeActions, openFixture, ruleId, waitForDiagnostics } from '../helpers';

/** A create-service input pinned to the retired platform version 1.3.0 (rule pv/retired, fix: LATEST). */
const RETIRED_PV_SERVICE = {
  cluster: 'prod',
  serviceName: 'e2e-retired',
  taskDefinition: 'web',
  desiredCount: 1,
  launchType: 'FARGATE',
  platformVersion: '1.3.0',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], assignPublicIp: 'DISABLED' } },
};

describe('quick fixes (e2e)', () => {
  before(async () => {
    await activeExtension();
  });

  it('sets a retired platformVersion to LATEST through the pv/retired quick fix', async () => {
    const editor = await openFixture('e2e-retired-pv.json', RETIRED_PV_SERVICE);
    const uri = editor.document.uri;
    const ds = await waitForDiagnostics(
      uri,
      (all) => all.some((d) => ruleId(d) === 'pv/retired'),
      'a pv/retired diagnostic',
    );
    const retired = ds.find((d) => ruleId(d) === 'pv/retired')!;
    assert.equal(editor.document.getText(retired.range), '"1.3.0"', 'the finding points at the pinned version');

    const actions = await codeActions(uri, retired.range, vscode.CodeActionKind.QuickFix);
    const describe = actions.map(
      (a) =>
        `${a.title} [kind ${a.kind?.value}, preferred ${a.isPreferred}, edit ${!!a.edit}, diags ${a.diagnostics?.map(ruleId).join(',')}]`,
    );
    const fix = actions.find((a) => a.isPreferred && a.edit && /platformVersion to LATEST/.test(a.title));
    assert.ok(
      fix,
      `a preferred quick fix "Set platformVersion to LATEST" is offered; got: ${describe.join(' | ') || 'none'}`,
    );
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the fix applies');

    assert.match(editor.document.getText(), /"platformVersion": "LATEST"/);
    await waitForDiagnostics(
      uri,
      (all) => !all.some((d) => ruleId(d) === 'pv/retired'),
      'pv/retired to clear after the fix',
    );
  });
});
