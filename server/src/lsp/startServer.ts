/**
 * The language server on a given connection: handlers wired to the pure language service, file
 * access through `io`. server.ts passes the process's stdio connection and the real file system;
 * tests pass one end of a stream pair and whatever files they need (test/lsp/inProcess.ts).
 */
import {
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { extractReferences, getLanguageService, type LanguageServiceOptions } from '../service/languageService';
import {
  INDEX_READY_NOTIFICATION,
  LIVE_EFS_NOTIFICATION,
  LIVE_FINDINGS_NOTIFICATION,
  LIVE_REFERENCES_REQUEST,
  normaliseSettings,
  type IndexReadyParams,
  type LiveEfsParams,
  type LiveFindingsParams,
  type LiveReferencesParams,
  type LiveReferencesResult,
} from '../protocol';
import { registerCheckLaunch } from './checkLaunch';
import { registerCodeActions } from './codeActions';
import { registerEditing } from './editing';
import type { ServerIo } from './io';
import { background, connectionLog, type Log } from './log';
import { Session } from './session';
import { SettingsCache } from './settings';

export interface ServerOptions {
  /** Options of the language service (tests inject failing shape detectors). */
  languageService?: LanguageServiceOptions;
}

/** Registers every handler on `connection`; the caller calls `connection.listen()`. Returns the log. */
export function startServer(connection: Connection, io: ServerIo, opts: ServerOptions = {}): Log {
  const log = connectionLog(connection);
  const documents = new TextDocuments(TextDocument);
  const ls = getLanguageService(opts.languageService);
  const settings = new SettingsCache(connection, log);
  const session = new Session(connection, documents, ls, settings, io, log);
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

  connection.onInitialized(() => background(log, 'indexing the workspace', indexWorkspace()));

  /** Registers the file watcher, reads the workspace's ECS files into the index, then checks the open ones. */
  async function indexWorkspace(): Promise<void> {
    if (watchRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{json,jsonc,yaml,yml,template,tpl}' }],
      });
    }
    const started = Date.now();
    let files = 0;
    let skipped = 0;
    // Fail soft: a folder or a file that cannot be scanned or parsed is logged and skipped; it never
    // takes the server down (a crash here repeats on every restart).
    for (const folder of session.folders) {
      try {
        const s = normaliseSettings(await settings.get(folder));
        files += await io.scanFolder(
          folder,
          s.files,
          s.maxFileSizeKB * 1024,
          (f) => {
            if (documents.get(f.uri)) return;
            try {
              ls.index.set(ls.parse(f.uri, f.text, { force: f.force }), { opts: { force: f.force } });
            } catch (e) {
              skipped++;
              log.error(`Fargate Lens: workspace scan skipped ${f.uri}`, e);
            }
          },
          (path, reason) => {
            skipped++;
            log.debug(`workspace scan: skipped ${path} (${reason})`);
          },
          (m) => settings.warn(`fargateLens.files.${m}`),
        );
      } catch (e) {
        log.error(`Fargate Lens: workspace scan of ${folder} failed`, e);
      }
    }
    session.revalidateAll();
    const ready: IndexReadyParams = { files, ecsFiles: ls.index.size, millis: Date.now() - started };
    log.info(
      `Fargate Lens: indexed ${ready.ecsFiles} ECS files of ${files} read in ${ready.millis} ms` +
        (skipped ? `; ${skipped} skipped (trace the server to see which)` : ''),
    );
    await connection.sendNotification(INDEX_READY_NOTIFICATION, ready);
  }

  documents.onDidChangeContent((e) => background(log, `checking ${e.document.uri}`, session.changed(e.document)));
  documents.onDidClose((e) => background(log, `closing ${e.document.uri}`, session.closed(e.document.uri)));

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    session.revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params?.changes ?? []) {
      if (typeof change?.uri !== 'string') continue;
      background(log, `reloading ${change.uri}`, session.reloadFromDisk(change.uri));
    }
  });

  connection.onNotification(LIVE_EFS_NOTIFICATION, (params: LiveEfsParams) => {
    session.live =
      params && typeof params.region === 'string' && Array.isArray(params.fileSystems)
        ? { region: params.region, fileSystems: params.fileSystems }
        : undefined;
    session.revalidateAll();
  });

  connection.onNotification(LIVE_FINDINGS_NOTIFICATION, (params: LiveFindingsParams) => {
    if (!params || typeof params.producer !== 'string') return;
    session.setLiveFindings(params.producer, params.findings, params.uris);
  });

  connection.onRequest(LIVE_REFERENCES_REQUEST, async (params: LiveReferencesParams): Promise<LiveReferencesResult> => {
    if (typeof params?.uri !== 'string') return { references: [] };
    const open = documents.get(params.uri);
    const model = open ? await session.model(open) : ls.index.get(params.uri);
    return { references: model ? extractReferences(model) : [] };
  });

  connection.onShutdown(() => session.dispose());

  registerCodeActions(connection, documents, session, ls);
  registerEditing(connection, documents, session, ls);
  registerCheckLaunch(connection, ls, session, settings);
  documents.listen(connection);
  return log;
}
