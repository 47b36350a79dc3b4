/** Binds the registration table to VS Code; a failing command shows one redacted error message, never throws. */
import * as vscode from 'vscode';
import { formatAwsError } from '../aws/errors';
import { COMMANDS } from './index';
import type { CommandDeps } from './types';

export function registerCommands(deps: CommandDeps, log: (line: string) => void): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await handler(deps, ...args);
      } catch (err) {
        const message = formatAwsError(err);
        log(`${id}: ${message}`);
        deps.ui.error(message);
      }
    }));
}
