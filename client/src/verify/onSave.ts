/**
 * Verification on save (explorer chunk): a saved file is verified against the connected account when
 * the workspace is trusted and `fargateLens.verify.enable` and `fargateLens.verify.onSave` are on.
 * Turning verification off clears its findings. Failures are logged, never shown as a problem of the file.
 */
import * as vscode from 'vscode';
import type { Connection } from '../aws/types';
import { userLevel } from '../explorer/settings';
import type { Logger } from '../ui/logChannels';
import type { Verifier } from './verifier';

const LANGUAGES = new Set(['json', 'jsonc', 'yaml']);

/** User (or machine) values only: a workspace cannot turn on what sends its content's identifiers to AWS. */
export function verifySettings(): { enable: boolean; onSave: boolean } {
  return { enable: userLevel<boolean>('verify.enable', true), onSave: userLevel<boolean>('verify.onSave', true) };
}

export function registerVerifyOnSave(
  verifier: Verifier,
  connections: () => readonly Connection[],
  log: Logger,
): vscode.Disposable[] {
  return [
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const s = verifySettings();
      const conn = connections()[0];
      if (!vscode.workspace.isTrusted || !s.enable || !s.onSave || !conn) return;
      if (!LANGUAGES.has(doc.languageId) || doc.uri.scheme !== 'file') return;
      const uri = doc.uri.toString();
      verifier.verify(uri, conn).catch((e: unknown) => log.warn(`verification of ${uri} did not run: ${String(e)}`));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fargateLens.verify') && !verifySettings().enable) verifier.clear();
    }),
  ];
}
