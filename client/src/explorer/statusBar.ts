/**
 * Status-bar item showing where AWS calls go: the profile, the region(s) and, when calls do not go to
 * AWS's own endpoints, the endpoint (so an ECONNREFUSED can be traced to it). Click to change the profile.
 */
import * as vscode from 'vscode';
import type { Connection } from '../aws/types';
import { hostOf } from '../aws/clientConfig';

export function createStatusBar(
  connections: () => readonly Connection[],
  endpoint: () => string | undefined,
): {
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
    const url = endpoint();
    item.text = `$(cloud) ${profile} · ${regions[0] ?? '—'}${regions.length > 1 ? ` +${regions.length - 1}` : ''}${url ? ` → ${hostOf(url)}` : ''}`;
    item.tooltip = new vscode.MarkdownString(
      `**Fargate Lens**\n\nProfile: \`${profile}\`\n\nRegions: ${regions.map((r) => `\`${r}\``).join(', ')}\n\n` +
        `Endpoint: ${url ? `\`${url}\`` : 'AWS (default endpoints)'}\n\nClick to select a profile.`,
    );
    item.show();
  };
  update();
  return { item, update };
}
