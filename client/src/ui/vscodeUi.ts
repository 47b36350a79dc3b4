/** The UI port over the VS Code API (the only implementation outside tests). */
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';
import type { LogChannelId, Logger } from './logChannels';
import { showError } from './notify';
import type { Cancellation, Ui } from './port';

/**
 * `log`: the channel's logger; every message shown is also written there (errors at error level), so a
 * notification dismissed or gone is still in "Show Logs".
 */
export function createVsCodeUi(
  view: () => vscode.TreeView<ExplorerNode> | undefined,
  logChannel: LogChannelId = 'aws',
  log?: Logger,
): Ui {
  return {
    async pick(items, opts) {
      const chosen = await vscode.window.showQuickPick(
        items.map((i) => ({ ...i, item: i })),
        { title: opts.title, placeHolder: opts.placeholder, ignoreFocusOut: true },
      );
      return chosen?.item.value;
    },
    async pickMany(items, opts) {
      const chosen = await vscode.window.showQuickPick(
        items.map((i) => ({ ...i, item: i })),
        { title: opts.title, placeHolder: opts.placeholder, canPickMany: true, ignoreFocusOut: true },
      );
      return chosen?.map((c) => c.item.value);
    },
    input: (opts) =>
      Promise.resolve(
        vscode.window.showInputBox({
          title: opts.title,
          prompt: opts.prompt,
          value: opts.value,
          placeHolder: opts.placeholder,
          ignoreFocusOut: true,
          validateInput: opts.validate,
        }),
      ),
    async confirm(message, detail, action) {
      // Cancel first: it is the dialog's default button, so Enter never runs the action by accident.
      const items: vscode.MessageItem[] = [{ title: 'Cancel', isCloseAffordance: true }, { title: action }];
      const picked = await vscode.window.showWarningMessage(message, { modal: true, detail }, ...items);
      return picked?.title === action;
    },
    info: (m) => {
      log?.info(m);
      void vscode.window.showInformationMessage(m);
    },
    error: (m) => {
      log?.error(m);
      showError(m, logChannel);
    },
    async openReadOnly(uri) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      await vscode.languages.setTextDocumentLanguage(doc, uri.endsWith('.md') ? 'markdown' : 'json');
      await vscode.window.showTextDocument(doc, { preview: true });
    },
    async openUntitled(content, language) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content, language }));
    },
    async discardUntitled(uri) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (!doc) return;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    },
    copy: (text) => Promise.resolve(vscode.env.clipboard.writeText(text)),
    openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url))),
    withProgress: (title, task, opts) =>
      Promise.resolve(
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title, cancellable: opts?.cancellable ?? false },
          (_progress, token) => {
            const cancellation: Cancellation = {
              get cancelled() {
                return token.isCancellationRequested;
              },
              onCancel: (listener) => void token.onCancellationRequested(listener),
            };
            return task(cancellation);
          },
        ),
      ),
    activeEditor() {
      const doc = vscode.window.activeTextEditor?.document;
      return doc ? { uri: doc.uri.toString(), text: doc.getText(), languageId: doc.languageId } : undefined;
    },
    errorDiagnostics(uri) {
      return vscode.languages
        .getDiagnostics(vscode.Uri.parse(uri))
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source === 'fargate-lens')
        .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    },
    warningDiagnostics(uri) {
      return vscode.languages
        .getDiagnostics(vscode.Uri.parse(uri))
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.source === 'fargate-lens')
        .map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    },
    withReportedProgress: (title, task) =>
      Promise.resolve(
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title, cancellable: true },
          (progress, token) => {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            return task((message) => progress.report({ message }), controller.signal).finally(() => {
              sub.dispose();
            });
          },
        ),
      ),
    async notify(severity, message, actions) {
      const show =
        severity === 'error'
          ? vscode.window.showErrorMessage
          : severity === 'warning'
            ? vscode.window.showWarningMessage
            : vscode.window.showInformationMessage;
      return show(message, ...actions);
    },
    async openDiff(left, right, title) {
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.parse(left), vscode.Uri.parse(right), title, {
        preview: true,
      });
    },
    async documentText(uri) {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        return { text: doc.getText(), languageId: doc.languageId };
      } catch {
        return undefined;
      }
    },
    hasCommand: async (id) => (await vscode.commands.getCommands(true)).includes(id),
    runCommand: async (id, ...args) => void (await vscode.commands.executeCommand(id, ...args)),
    isTrusted: () => vscode.workspace.isTrusted,
    async reveal(node) {
      await view()?.reveal(node, { select: true, focus: true, expand: true });
    },
  };
}
