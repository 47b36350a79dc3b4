/** (e2e) The extension loads in a real VS Code and activates. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension } from '../helpers';

describe('activation (e2e)', () => {
  it('runs in a real VS Code 1.100 extension host', () => {
    assert.match(vscode.version, /^1\.\d+\./);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the runner opens a workspace folder');
  });

  it('activates the extension', async () => {
    const ext = await activeExtension();
    assert.equal(ext.isActive, true);
    assert.equal(ext.id, EXTENSION_ID);
  });

  it('contributes its commands once active', async () => {
    await activeExtension();
    const declared = (
      (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.commands ?? []) as { command: string }[]
    ).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'every command in package.json is registered after activation');
  });
});
