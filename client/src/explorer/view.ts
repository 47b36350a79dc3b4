/**
 * The thin VS Code layer of the explorer: a TreeDataProvider over ExplorerModel, the TreeItem
 * conversion of TreeItemData, the content of the read-only `fargate-lens:` documents, and auto-refresh
 * of transitional nodes while the view is visible. Activation (activate.ts) creates the tree view and
 * registers the document scheme with forwarding providers; this module supplies the real ones.
 */
import * as vscode from 'vscode';
import type { JsonDocuments } from '../commands/jsonDocuments';
import type { RolloutStore } from '../deploy/rolloutStore';
import type { ExplorerModel } from './model';
import type { ExplorerNode } from './nodes';
import { toTreeItem } from './treeItems';
import { revisionTooltip } from './revisionDetails';

export function toVsTreeItem(node: ExplorerNode, rollouts?: RolloutStore): vscode.TreeItem {
  const d = toTreeItem(node, node.kind === 'service' ? rollouts?.get(node.service.serviceArn) : undefined);
  const state = {
    none: vscode.TreeItemCollapsibleState.None,
    collapsed: vscode.TreeItemCollapsibleState.Collapsed,
    expanded: vscode.TreeItemCollapsibleState.Expanded,
  }[d.collapsible];
  const item = new vscode.TreeItem(d.label, state);
  item.id = d.id;
  item.description = d.description;
  item.contextValue = d.contextValue;
  if (d.tooltip) item.tooltip = new vscode.MarkdownString(d.tooltip);
  if (d.icon)
    item.iconPath = new vscode.ThemeIcon(d.icon.id, d.icon.color ? new vscode.ThemeColor(d.icon.color) : undefined);
  if (d.command) item.command = { command: d.command.command, title: d.command.title, arguments: d.command.args };
  if (d.accessibilityLabel) item.accessibilityInformation = { label: d.accessibilityLabel };
  return item;
}

export interface ExplorerView {
  provider: vscode.TreeDataProvider<ExplorerNode>;
  content: vscode.TextDocumentContentProvider;
  disposables: vscode.Disposable[];
}

/** Providers for `view` (already created with a provider that forwards to `provider`) and the refresh timer. */
export function createExplorerView(
  view: vscode.TreeView<ExplorerNode>,
  model: ExplorerModel,
  documents: JsonDocuments,
  rollouts: RolloutStore,
  refreshIntervalSeconds: () => number,
  onFirstVisible: () => void,
): ExplorerView {
  const changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  const provider: vscode.TreeDataProvider<ExplorerNode> = {
    onDidChangeTreeData: changed.event,
    getTreeItem: (node) => toVsTreeItem(node, rollouts),
    getChildren: (node) => model.getChildren(node),
    getParent: (node) => model.getParent(node),
    // A revision's details (cpu/memory, containers, registered at/by) load when its tooltip is wanted.
    resolveTreeItem: async (item, node) => {
      if (node.kind !== 'revision') return item;
      try {
        item.tooltip = new vscode.MarkdownString(revisionTooltip(node, await model.revisionDetails(node)));
      } catch {
        // The basic tooltip stays; the failure shows when the revision is opened.
      }
      return item;
    },
  };
  const sub = model.onDidChange((node) => changed.fire(node));
  // The welcome content (package.json viewsWelcome) is chosen by this context key while the root is
  // empty. Not view.message: VS Code hides the welcome content while a tree view has a message.
  let welcomeState = '';
  model.onWelcome = (welcome) => {
    view.description = welcome?.where;
    if ((welcome?.state ?? '') === welcomeState) return;
    welcomeState = welcome?.state ?? '';
    void vscode.commands.executeCommand('setContext', 'fargateLens.explorer.welcome', welcomeState);
  };
  // A watched rollout changed: redraw the service's node(s) (the same service may show under several connections).
  const rolloutSub = rollouts.onDidChange((arn) => {
    for (const n of model.findNodes((x) => x.kind === 'service' && x.service.serviceArn === arn)) changed.fire(n);
  });

  let timer: NodeJS.Timeout | undefined;
  let seen = false;
  const schedule = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
    const seconds = refreshIntervalSeconds();
    if (view.visible && seconds > 0)
      timer = setInterval(() => model.refreshTransitional(Date.now(), seconds * 1000), seconds * 1000);
    if (view.visible && !seen) {
      seen = true;
      onFirstVisible();
    }
  };
  schedule();
  const docChanged = new vscode.EventEmitter<vscode.Uri>();
  const content: vscode.TextDocumentContentProvider = {
    onDidChange: docChanged.event,
    provideTextDocumentContent: (uri) => documents.get(uri.toString()) ?? '',
  };
  const docSub = documents.onDidChange((uri) => docChanged.fire(vscode.Uri.parse(uri)));
  const disposables: vscode.Disposable[] = [
    changed,
    docChanged,
    { dispose: () => sub.dispose() },
    { dispose: () => rolloutSub.dispose() },
    { dispose: () => docSub.dispose() },
    { dispose: () => timer && clearInterval(timer) },
    view.onDidChangeVisibility(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('fargateLens.explorer') && schedule()),
  ];
  return { provider, content, disposables };
}
