/** Starts the Fargate Lens language server (dist/server.js) over node IPC for JSON and YAML files. */
import * as path from 'node:path';
import { window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { reportedByVsCodeJson } from './syntaxDuplicates';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'fargate-lens', language: 'json' },
];

/** `outputChannel`: the "Fargate Lens: Language Server" channel (client/src/ui/logChannels.ts). */
export function createLanguageClient(context: ExtensionContext, outputChannel?: LogOutputChannel): LanguageClient {
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
    middleware: {
      // One report per JSON syntax error: VS Code's JSON support shows those it detects itself.
      handleDiagnostics: (uri, diagnostics, next) => {
        const doc = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (!doc) return next(uri, diagnostics);
        const validate = workspace.getConfiguration('json', doc).get<boolean>('validate.enable', true);
        next(
          uri,
          diagnostics.filter((d) => !reportedByVsCodeJson(d, doc.languageId, validate, (x) => doc.getText(x.range))),
        );
      },
    },
    ...(outputChannel ? { outputChannel } : {}),
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
