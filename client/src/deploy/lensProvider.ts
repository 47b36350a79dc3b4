/**
 * The registered-revision code lens (in the explorer chunk): on the family of each task definition
 * of a file, what the account has ("web:7 registered · differs in 3 fields · prod/web runs web:6"),
 * plus Compare, Deploy and Refresh. The AWS side is computed when a file is first shown and when it is
 * saved or refreshed (DriftCache), never while typing; typing only moves the lenses. Trusted
 * workspaces only, and only with fargateLens.deploy.registeredRevisionLens on.
 */
import * as vscode from 'vscode';
import type { Connection } from '../aws/types';
import { CLEARED, driftTitle, type DriftCache } from './drift';
import { readFileTaskDefs } from './fileTaskDefs';
import { lensEnabled } from './settings';

export function createDriftLenses(
  drift: DriftCache,
  connections: () => readonly Connection[],
  log: (line: string) => void,
): { provider: vscode.CodeLensProvider; disposables: vscode.Disposable[] } {
  const changed = new vscode.EventEmitter<void>();
  const shown = new Set<string>();
  const compute = (doc: vscode.TextDocument): void => {
    const conn = connections()[0];
    if (!conn || !vscode.workspace.isTrusted || !lensEnabled()) return;
    const uri = doc.uri.toString();
    drift
      .compute(uri, doc.getText(), conn)
      .catch((e: unknown) => log(`registered revision of ${uri}: ${(e as Error).message}`));
  };
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      if (!vscode.workspace.isTrusted || !lensEnabled()) return [];
      const uri = doc.uri.toString();
      const tds = readFileTaskDefs(uri, doc.getText()).taskDefs.filter((t) => t.family);
      const conn = connections()[0];
      if (tds.length === 0 || !conn) return [];
      const result = drift.get(uri);
      const stale = result && (result.connection.region !== conn.region || result.connection.profile !== conn.profile);
      if ((!result || stale) && !shown.has(`${uri}|${conn.region}|${conn.profile ?? ''}`)) {
        shown.add(`${uri}|${conn.region}|${conn.profile ?? ''}`);
        compute(doc); // first time this file is shown for this connection
      }
      const lenses: vscode.CodeLens[] = [];
      for (const td of tds) {
        const line = doc.positionAt(td.anchorOffset).line;
        const range = new vscode.Range(line, 0, line, 0);
        const fd = stale ? undefined : result?.families.find((f) => f.family === td.family);
        const title = fd
          ? `$(cloud) ${driftTitle(fd, conn.region)}`
          : drift.isComputing(uri)
            ? `$(sync~spin) ${td.family}: reading ${conn.region}…`
            : `$(cloud) ${td.family}: not checked`;
        const args = [uri, td.family];
        lenses.push(
          new vscode.CodeLens(range, {
            title,
            command: 'fargateLens.compareWithRegistered',
            arguments: args,
            tooltip: 'Compare with the registered revision (normalised diff)',
          }),
        );
        lenses.push(
          new vscode.CodeLens(range, {
            title: 'Deploy…',
            command: 'fargateLens.deployTaskDefinitionFile',
            arguments: args,
          }),
        );
        lenses.push(
          new vscode.CodeLens(range, {
            title: '$(refresh)',
            command: 'fargateLens.refreshDrift',
            arguments: [uri],
            tooltip: 'Read the account again',
          }),
        );
      }
      return lenses;
    },
  };
  const sub = drift.onDidChange((uri) => {
    // After a deployment or a connection change the files on screen are read again (a refresh, not typing).
    if (uri === CLEARED)
      for (const doc of vscode.workspace.textDocuments) {
        const conn = connections()[0];
        if (conn && shown.has(`${doc.uri.toString()}|${conn.region}|${conn.profile ?? ''}`)) compute(doc);
      }
    changed.fire();
  });
  const disposables: vscode.Disposable[] = [
    changed,
    { dispose: () => sub.dispose() },
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (shown.has(`${doc.uri.toString()}|${connections()[0]?.region}|${connections()[0]?.profile ?? ''}`))
        compute(doc);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const uri = doc.uri.toString();
      for (const k of [...shown]) if (k.startsWith(`${uri}|`)) shown.delete(k);
      drift.forget(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('fargateLens.deploy') && changed.fire()),
  ];
  return { provider, disposables };
}
