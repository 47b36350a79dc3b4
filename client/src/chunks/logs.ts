/**
 * The container-logs chunk (dist/logs.js), loaded on the first Show / Follow Container Logs command:
 * the log views and the command handlers. AWS calls go through the extension's one client factory
 * (the SDK itself is in dist/aws.js).
 */
import * as vscode from 'vscode';
import type { AwsClientFactory } from '../aws/factory';
import type { Connection } from '../aws/types';
import { redactingUi } from '../commands/guard';
import { userLevel } from '../explorer/settings';
import { createVsCodeUi } from '../ui/vscodeUi';
import { logCommandHandlers, type LogSettings } from '../logs/view/handlers';
import { LogViews } from '../logs/view/vscodeView';

export function startLogs(host: { aws: AwsClientFactory; connections: () => readonly Connection[] }): {
  commands: ReturnType<typeof logCommandHandlers>;
  provider: vscode.TextDocumentContentProvider;
  views: LogViews;
  disposables: vscode.Disposable[];
} {
  const views = new LogViews();
  const commands = logCommandHandlers({
    ui: redactingUi(createVsCodeUi(() => undefined)),
    views,
    apis: host.aws.get,
    connections: host.connections,
    settings: logSettings,
  });
  return { commands, provider: views, views, disposables: [views] };
}

function logSettings(): LogSettings {
  const c = vscode.workspace.getConfiguration('fargateLens.logs');
  const zone = c.get<string>('timeZone', '').trim();
  return {
    maxLines: Math.max(100, Math.min(1_000_000, c.get<number>('maxLines', 10_000))),
    ansi: c.get<string>('ansiColors', 'render') === 'strip' ? 'strip' : 'render',
    timeZone: zone && validZone(zone) ? zone : undefined,
    // Which AWS calls are made: user level only (never a workspace's settings).
    liveTail: userLevel<boolean>('logs.liveTail', true),
  };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    void vscode.window.showWarningMessage(
      `fargateLens.logs.timeZone: unknown time zone "${zone}"; using the local one.`,
    );
    return false;
  }
}
