/** Starts the Fargate Lens language server (dist/server.js) over node IPC for JSON and YAML files. */
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'fargate-lens', language: 'json' },
];

export function createLanguageClient(context: ExtensionContext): LanguageClient {
  const restarts = new RestartPolicy();
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_ARGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'fargateLens' },
    diagnosticCollectionName: 'fargate-lens',
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = restarts.onServerClosed(Date.now());
        if (decision.message) void window.showWarningMessage(decision.message);
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  return new LanguageClient('fargateLens', 'Fargate Lens', serverOptions, clientOptions);
}
