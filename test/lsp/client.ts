/**
 * A real LSP client over stdio for tests: spawns `node dist/server.js --stdio` and talks to it with
 * vscode-languageserver-protocol's connection. Waits on notifications, never on timers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { SERVER_NODE_ARGS } from '../../server/src/protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Resolves with the first publishDiagnostics for `uri` that satisfies `pred` (past or future). */
  diagnostics(
    uri: string,
    pred?: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  open(path: string, text?: string): Promise<{ uri: string; text: string }>;
  change(uri: string, version: number, text: string): Promise<void>;
  stop(): Promise<void>;
  stderr: () => string;
}

export async function startClient(workspace: string, settings: Record<string, unknown> = {}): Promise<TestClient> {
  // The same Node options the VS Code client uses, so tests and benchmarks measure what users run.
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
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
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  const indexReady = new Promise<void>((res) => connection.onNotification('fargateLens/indexReady', () => res()));
  connection.listen();
  const rootUri = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
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
    child,
    stderr: () => stderr,
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
    async stop() {
      const exited = new Promise((res) => child.once('exit', res));
      try {
        await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      await withTimeout(exited, 5000, 'server exit').catch(() => child.kill('SIGKILL'));
      connection.dispose();
    },
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
