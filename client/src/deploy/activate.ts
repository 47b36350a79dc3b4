/**
 * Activation side of the registered-revision code lens: a provider that answers at once (no lens) for
 * documents that are not task definitions, untrusted workspaces or with the setting off, and otherwise
 * loads the explorer chunk (which holds the real provider, client/src/deploy/lensProvider.ts) and
 * forwards to it. Nothing here reads AWS or parses documents.
 */
import * as vscode from 'vscode';
import { lensEnabled } from './settings';

const LOOKS_LIKE_TASK_DEFINITION = /["']?[Cc]ontainerDefinitions["']?\s*:/;

export function activateDeployLens(
  context: vscode.ExtensionContext,
  load: () => Promise<vscode.CodeLensProvider>,
): void {
  const changed = new vscode.EventEmitter<void>();
  let real: vscode.CodeLensProvider | undefined;
  const enabled = (): boolean => vscode.workspace.isTrusted && lensEnabled();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(doc, token) {
      if (!enabled() || !LOOKS_LIKE_TASK_DEFINITION.test(doc.getText())) return [];
      if (!real) {
        const loaded = await load();
        if (!real) {
          real = loaded;
          const sub = loaded.onDidChangeCodeLenses?.(() => changed.fire());
          if (sub) context.subscriptions.push(sub);
        }
      }
      return real.provideCodeLenses(doc, token);
    },
  };
  context.subscriptions.push(
    changed,
    vscode.languages.registerCodeLensProvider(
      ['json', 'jsonc', 'yaml'].flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      provider,
    ),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('fargateLens.deploy') && changed.fire()),
  );
}
