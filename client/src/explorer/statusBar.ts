/** Status-bar item showing the profile and region(s) the explorer uses; click to change the profile. */
import * as vscode from 'vscode';
import type { Connection } from '../aws/types';

export function createStatusBar(connections: () => readonly Connection[]): {
  item: vscode.StatusBarItem;
  update(): void;
} {
  const item = vscode.window.createStatusBarItem('fargateLens.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Fargate Lens connection';
  item.command = 'fargateLens.selectProfile';
  const update = (): void => {
    const conns = connections();
    const profile = conns[0]?.profile ?? 'default';
    const regions = conns.map((c) => c.region);
    item.text = `$(cloud) ${profile} · ${regions[0] ?? '—'}${regions.length > 1 ? ` +${regions.length - 1}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      `**Fargate Lens**\n\nProfile: \`${profile}\`\n\nRegions: ${regions.map((r) => `\`${r}\``).join(', ')}\n\nClick to select a profile.`,
    );
    item.show();
  };
  update();
  return { item, update };
}
