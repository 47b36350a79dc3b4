/**
 * The Fargate Lens language server: wiring of the LSP connection to the pure language service.
 * Transport (stdio, node IPC, socket) comes from the command line (`--stdio`, `--node-ipc`).
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from './service/languageService';
import {
  INDEX_READY_NOTIFICATION,
  LIVE_EFS_NOTIFICATION,
  normaliseSettings,
  type IndexReadyParams,
  type LiveEfsParams,
} from './protocol';
import { registerCheckLaunch } from './lsp/checkLaunch';
import { registerCodeActions } from './lsp/codeActions';
import { registerEditing } from './lsp/editing';
import { Session } from './lsp/session';
import { SettingsCache } from './lsp/settings';
import { scanFolder } from './lsp/workspaceScan';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const ls = getLanguageService();
const settings = new SettingsCache(connection);
const session = new Session(connection, documents, ls, settings);
let watchRegistration = false;

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  settings.setSupported(!!caps.workspace?.configuration);
  watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  session.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (session.folders.length === 0 && params.rootUri) session.folders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fargate-lens'] },
      completionProvider: { triggerCharacters: ['"', ':', ' '], resolveProvider: false },
      hoverProvider: true,
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
    },
    serverInfo: { name: 'fargate-lens' },
  };
});

connection.onInitialized(async () => {
  if (watchRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{json,jsonc,yaml,yml,template,tpl}' }],
    });
  }
  const started = Date.now();
  let files = 0;
  // Fail soft: a folder or a file that cannot be scanned or parsed is logged and skipped; it never
  // takes the server down (a crash here repeats on every restart).
  for (const folder of session.folders) {
    try {
      const s = normaliseSettings(await settings.get(folder));
      files += await scanFolder(
        folder,
        s.files,
        s.maxFileSizeKB * 1024,
        (f) => {
          if (documents.get(f.uri)) return;
          try {
            ls.index.set(ls.parse(f.uri, f.text, { force: f.force }), { opts: { force: f.force } });
          } catch (e) {
            connection.console.error(`Skipped ${f.uri}: ${(e as Error).message}`);
          }
        },
        undefined,
        (m) => settings.warn(`fargateLens.files.${m}`),
      );
    } catch (e) {
      connection.console.error(`Workspace scan of ${folder} failed: ${(e as Error).message}`);
    }
  }
  session.revalidateAll();
  const ready: IndexReadyParams = { files, ecsFiles: ls.index.size, millis: Date.now() - started };
  void connection.sendNotification(INDEX_READY_NOTIFICATION, ready);
});

documents.onDidChangeContent((e) => void session.changed(e.document));
documents.onDidClose((e) => void session.closed(e.document.uri));

connection.onDidChangeConfiguration(() => {
  settings.clear();
  session.revalidateAll();
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params?.changes ?? []) {
    if (typeof change?.uri !== 'string') continue;
    session
      .reloadFromDisk(change.uri)
      .catch((e: unknown) => connection.console.error(`Reloading ${change.uri} failed: ${(e as Error).message}`));
  }
});

connection.onNotification(LIVE_EFS_NOTIFICATION, (params: LiveEfsParams) => {
  session.live =
    params && typeof params.region === 'string' && Array.isArray(params.fileSystems)
      ? { region: params.region, fileSystems: params.fileSystems }
      : undefined;
  session.revalidateAll();
});

registerCodeActions(connection, documents, session, ls, settings);
registerEditing(connection, documents, session, ls);
registerCheckLaunch(connection, ls, session, settings);

documents.listen(connection);
connection.listen();
