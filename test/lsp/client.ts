/**
 * A real LSP client for tests, on vscode-languageserver-protocol's connection: startClient() spawns
 * the shipped bundle (`node dist/server.js --stdio`); inProcess.ts runs the server's source in this
 * process over a stream pair. Waits on notifications, never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { SERVER_NODE_ARGS } from '../../server/src/protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  connection: ProtocolConnection;
  /** Resolves with the first publishDiagnostics for `uri` that satisfies `pred` (past or future). */
  diagnostics(
    uri: string,
    pred?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  open(path: string, text?: string): Promise<{ uri: string; text: string }>;
  change(uri: string, version: number, text: string): Promise<void>;
  stop(): Promise<void>;
  /** What the server wrote to stderr (spawned) or nothing (in process). */
  stderr: () => string;
  /** The window/logMessage notifications the server sent. */
  logs: LogMessageParams[];
}

/** The shipped bundle in its own process, as VS Code runs it. */
export interface SpawnedClient extends TestClient {
  child: ChildProcess;
}

export async function startClient(workspace: string, settings: Record<string, unknown> = {}): Promise<SpawnedClient> {
  // The same Node options the VS Code client uses, so tests and benchmarks measure what users run.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const stop = async () => {
    const exited = new Promise((res) => child.once('exit', res));
    try {
      await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      child.kill();
    }
    await withTimeout(exited, 5000, 'server exit').catch(() => child.kill('SIGKILL'));
    connection.dispose();
  };
  const client = await attach(connection, workspace, settings, stop, () => stderr);
  return { ...client, child };
}

/**
 * Starts an LSP session with `connection` (the client's end; the server listens on the other) over
 * `workspace`: answers workspace/configuration with `settings`, initializes, and waits for the index.
 */
export async function attach(
  connection: ProtocolConnection,
  workspace: string,
  settings: Record<string, unknown>,
  stop: () => Promise<void>,
  stderr: () => string = () => '',
  processId: number | null = process.pid,
): Promise<TestClient> {
  const published: PublishDiagnosticsParams[] = [];
  const logs: LogMessageParams[] = [];
  const waiters: {
    uri: string;
    pred: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: LogMessageParams) => void logs.push(p));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  const indexReady = new Promise<void>((res) => connection.onNotification('fargateLens/indexReady', () => res()));
  connection.listen();
  const rootUri = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
    },
  });
  await connection.sendNotification('initialized', {});
  await withTimeout(indexReady, 10000, 'indexReady');
  return {
    connection,
    stderr,
    logs,
    diagnostics(uri, pred = () => true, timeoutMs = 10000) {
      const hit = [...published].reverse().find((p) => p.uri === uri && pred(p));
      if (hit) return Promise.resolve(hit);
      return withTimeout(
        new Promise((res) => waiters.push({ uri, pred, resolve: res })),
        timeoutMs,
        `diagnostics for ${uri}`,
      );
    },
    async open(path, text) {
      const full = resolve(workspace, path);
      const body = text ?? readFileSync(full, 'utf8');
      const uri = pathToFileURL(full).href;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'json', version: 1, text: body },
      });
      return { uri, text: body };
    },
    async change(uri, version, text) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    stop,
  };
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, rej) => (timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
  );
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export const FIXTURES = join(__dirname, '../fixtures/lsp/ws');
