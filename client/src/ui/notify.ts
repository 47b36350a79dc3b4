/** Error notifications with a "Show Logs" button that opens the channel the details were written to. */
import * as vscode from 'vscode';
import type { LogChannelId } from './logChannels';

export const SHOW_LOGS = 'Show Logs';

export function showError(message: string, channel: LogChannelId): void {
  void vscode.window.showErrorMessage(message, SHOW_LOGS).then((picked) => {
    if (picked === SHOW_LOGS) void vscode.commands.executeCommand('fargateLens.showLogs', channel);
  });
}
