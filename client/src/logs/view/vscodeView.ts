/**
 * Log views in VS Code: read-only virtual documents (scheme fargate-lens-logs, path *.log so VS Code's
 * Log highlighting applies) that grow as lines arrive, searchable like any editor. Re-rendering is
 * throttled (at most every 150 ms), ANSI colours become decorations in the terminal's theme colours,
 * and a view's follow stops (its signal aborts) when no tab shows it any more.
 */
import * as vscode from 'vscode';
import { ANSI_COLORS } from '../ansi';
import type { LogViewPort, OpenedView } from './handlers';
import type { LogViewModel, RenderedView } from './model';

export const LOGS_SCHEME = 'fargate-lens-logs';
const THROTTLE_MS = 150;

interface Entry {
  model: LogViewModel;
  controller: AbortController;
  rendered?: RenderedView;
  renderedVersion: number;
  timer?: ReturnType<typeof setTimeout>;
}

export class LogViews implements LogViewPort, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly styles = new Map<string, vscode.TextEditorDecorationType>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private seq = 0;

  constructor() {
    this.subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.closeUnshown()),
      vscode.workspace.onDidCloseTextDocument((d) => this.closeUnshown(d.uri.toString())),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorateAll()),
    );
  }

  async open(model: LogViewModel, name: string): Promise<OpenedView> {
    const safe = name.replace(/[^\w.· -]+/g, '-').slice(0, 80);
    const uri = vscode.Uri.from({ scheme: LOGS_SCHEME, path: `/${safe}.log`, query: String(++this.seq) });
    const key = uri.toString();
    const entry: Entry = { model, controller: new AbortController(), renderedVersion: -1 };
    this.entries.set(key, entry);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    return { closed: entry.controller.signal, changed: () => this.schedule(key) };
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const entry = this.entries.get(uri.toString());
    if (!entry)
      return '# This log view was closed or the window reloaded: run Show Container Logs or Follow Container Logs again.\n';
    entry.rendered = entry.model.render();
    entry.renderedVersion = entry.model.version;
    setTimeout(() => this.decorate(uri.toString()), 0);
    return entry.rendered.text;
  }

  /** Open views and whether each is still following (for tests and the status of the feature). */
  views(): Array<{ uri: string; following: boolean; lines: number }> {
    return [...this.entries].map(([uri, e]) => ({
      uri,
      following: !e.controller.signal.aborted,
      lines: e.model.lineCount,
    }));
  }

  private schedule(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.timer) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (entry.model.version !== entry.renderedVersion) this.changed.fire(vscode.Uri.parse(key));
    }, THROTTLE_MS);
  }

  private shown(): Set<string> {
    const out = new Set<string>();
    for (const g of vscode.window.tabGroups.all)
      for (const t of g.tabs) if (t.input instanceof vscode.TabInputText) out.add(t.input.uri.toString());
    return out;
  }

  private closeUnshown(closedDoc?: string): void {
    const shown = this.shown();
    for (const [key, entry] of this.entries) {
      if (shown.has(key) && key !== closedDoc) continue;
      if (key === closedDoc || !shown.has(key)) {
        entry.controller.abort();
        clearTimeout(entry.timer);
        this.entries.delete(key);
      }
    }
  }

  private style(name: string): vscode.TextEditorDecorationType {
    let t = this.styles.get(name);
    if (!t) {
      t =
        name === 'bold'
          ? vscode.window.createTextEditorDecorationType({ fontWeight: 'bold' })
          : vscode.window.createTextEditorDecorationType({
              color: new vscode.ThemeColor(`terminal.ansi${name[0].toUpperCase()}${name.slice(1)}`),
            });
      this.styles.set(name, t);
    }
    return t;
  }

  private decorateAll(): void {
    for (const key of this.entries.keys()) this.decorate(key);
  }

  private decorate(key: string): void {
    const spans = this.entries.get(key)?.rendered?.spans;
    if (!spans) return;
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.length === 0) return;
    const byStyle = new Map<string, vscode.Range[]>();
    for (const s of spans) {
      let list = byStyle.get(s.style);
      if (!list) byStyle.set(s.style, (list = []));
      list.push(new vscode.Range(s.line, s.start, s.line, s.end));
    }
    for (const editor of editors)
      for (const name of ['bold', ...ANSI_COLORS]) {
        const ranges = byStyle.get(name);
        if (ranges || this.styles.has(name)) editor.setDecorations(this.style(name), ranges ?? []);
      }
  }

  dispose(): void {
    for (const e of this.entries.values()) {
      e.controller.abort();
      clearTimeout(e.timer);
    }
    this.entries.clear();
    for (const s of this.subscriptions) s.dispose();
    for (const t of this.styles.values()) t.dispose();
    this.changed.dispose();
  }
}
