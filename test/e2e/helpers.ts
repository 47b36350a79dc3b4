/**
 * Shared helpers for end-to-end suites: event-based waits with deadlines (never sleeps), the extension
 * under test, fixture files in the scratch workspace, and reading our diagnostics' rule ids.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'fargate-lens.fargate-lens';
export const SOURCE = 'fargate-lens';

/** The extension under test, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
  await ext.activate();
  return ext;
}

/**
 * Resolves with the first value `check()` returns that is not undefined, checking now and after every
 * `event`; rejects after `timeoutMs` with `what` in the message.
 */
export function waitFor<T, E>(
  event: vscode.Event<E>,
  check: () => T | undefined,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const attempt = (): boolean => {
      let value: T | undefined;
      try {
        value = check();
      } catch (err) {
        clearTimeout(timer);
        sub?.dispose();
        reject(err instanceof Error ? err : new Error(String(err)));
        return true;
      }
      if (value === undefined) return false;
      clearTimeout(timer);
      sub?.dispose();
      resolve(value);
      return true;
    };
    if (attempt()) return;
    sub = event(() => {
      attempt();
    });
  });
}

/** The rule id of a diagnostic, whether `code` is a plain value or `{ value, target }` (with codeDescription). */
export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  if (typeof code === 'object') return String(code.value);
  return String(code);
}

/** Our diagnostics on `uri` (source fargate-lens). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until our diagnostics on `uri` satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = ourDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    },
    `${what} on ${vscode.workspace.asRelativePath(uri)}`,
    timeoutMs,
  );
}

/** The scratch workspace folder the runner opened (a copy of examples/, safe to write into). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** Writes `content` to `relPath` in the scratch workspace and opens it in an editor. */
export async function openFixture(relPath: string, content: string | object): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), relPath);
  const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Opens an existing file of the scratch workspace (e.g. one of examples/). */
export async function openWorkspaceFile(relPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), relPath));
  return vscode.window.showTextDocument(doc);
}

/**
 * Runs `vscode.executeCodeActionProvider`, asking again (at most `attempts` times) when VS Code cancels the
 * request because the document changed under it (a file-watcher reload right after a fixture is written).
 */
export async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind?: vscode.CodeActionKind,
  attempts = 5,
): Promise<vscode.CodeAction[]> {
  for (let i = 1; ; i++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        kind?.value,
      );
    } catch (err) {
      if (i >= attempts || !/Canceled/i.test(String((err as Error).message ?? err))) throw err;
    }
  }
}

/**
 * The demo account the runner seeded into moto (the JSON that seedDemoAccount returned, plus `seeder`),
 * read from FARGATE_LENS_E2E_SEED_FILE. AWS clients in suites reach moto through AWS_ENDPOINT_URL.
 */
export function seededAccount<T = Record<string, unknown>>(): T {
  const file = process.env.FARGATE_LENS_E2E_SEED_FILE;
  assert.ok(file && fs.existsSync(file), 'no seeded moto (FARGATE_LENS_E2E_SEED_FILE); is moto_server installed?');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}
