/**
 * The editor side of the stopped-task findings (explorer chunk): a "Dismiss" code action on each of
 * them (its command is internal, registered here: it only makes sense from the code action), and their removal as soon as an edit touches the member they point at (the file no longer says
 * what the failed task ran with). The findings themselves are diagnostics the language server publishes
 * (producer `diagnose`); they are recognised by their rule id (the failure catalogue's) and their
 * related information, which names the newest task (findings.ts).
 */
import * as vscode from 'vscode';
import { FAILURES } from './catalogue';
import type { ExplorerModel } from '../explorer/model';
import { feedFromExplorer } from './explorerFeed';
import { DiagnoseFindingsStore, type PublishDiagnoseFindings } from './findingsStore';

export const DISMISS_COMMAND = 'fargateLens.dismissDiagnosis';

const IDS = new Set(Object.values(FAILURES).map((k) => k.ruleId));

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** Whether a diagnostic is one of the stopped-task findings. */
export function isDiagnoseFinding(d: vscode.Diagnostic): boolean {
  return (
    d.source === 'fargate-lens' &&
    IDS.has(codeOf(d) ?? '') &&
    /^task arn:/.test(d.relatedInformation?.[0]?.message ?? '')
  );
}

/** What identifies a finding for the store: its newest task's related line. */
export const dismissKey = (d: vscode.Diagnostic): { related: string } => ({
  related: d.relatedInformation?.[0]?.message ?? '',
});

export function linkEditor(store: DiagnoseFindingsStore): vscode.Disposable[] {
  const actions: vscode.CodeActionProvider = {
    provideCodeActions: (_doc, _range, context) =>
      context.diagnostics.filter(isDiagnoseFinding).map((d) => {
        const a = new vscode.CodeAction(`Dismiss: ${codeOf(d)} (stopped task)`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [d];
        a.command = { command: DISMISS_COMMAND, title: 'Dismiss', arguments: [dismissKey(d)] };
        return a;
      }),
  };
  return [
    vscode.commands.registerCommand(DISMISS_COMMAND, (arg: unknown) => {
      const related = (arg as { related?: unknown } | undefined)?.related;
      if (typeof related === 'string' && !store.dismiss({ related }))
        void vscode.window.showInformationMessage('That diagnosis is no longer shown.');
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, actions, {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const touched = vscode.languages
        .getDiagnostics(e.document.uri)
        .filter(isDiagnoseFinding)
        .filter((d) => e.contentChanges.some((c) => c.range.intersection(d.range) !== undefined));
      for (const d of touched) store.dismiss(dismissKey(d));
    }),
  ];
}

/**
 * The stopped-task findings of the explorer chunk: a store fed by the explorer's stopped-task folders
 * (and by Diagnose through the commands' deps), published through `publish` in a trusted workspace only.
 */
export function createStoppedFindings(
  model: ExplorerModel,
  publish: PublishDiagnoseFindings,
): { store: DiagnoseFindingsStore; disposables: vscode.Disposable[] } {
  const store = new DiagnoseFindingsStore(publish, () => vscode.workspace.isTrusted);
  const feed = feedFromExplorer(model, store);
  return { store, disposables: [...linkEditor(store), { dispose: () => feed.dispose() }] };
}
