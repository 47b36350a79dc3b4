/**
 * The language server's source in this process, over a pair of in-memory streams (as
 * vscode-languageserver-node tests its connection): fast to start, and the server's I/O and language
 * service options can be injected. The shipped bundle is still tested by the tests that spawn it
 * (client.ts startClient: soak, CLI and Neovim tests).
 */
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { NODE_IO, type ServerIo } from '../../server/src/lsp/io';
import { startServer, type ServerOptions } from '../../server/src/lsp/startServer';
import { attach, withTimeout, type TestClient } from './client';

export async function startInProcess(
  workspace: string,
  settings: Record<string, unknown> = {},
  io: ServerIo = NODE_IO,
  opts: ServerOptions = {},
): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  startServer(server, io, opts);
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // No `exit` notification: in this process the server would call process.exit().
  const stop = async () => {
    await withTimeout(client.sendRequest('shutdown'), 5000, 'shutdown').catch(() => undefined);
    client.dispose();
    server.dispose();
    toServer.end();
    toClient.end();
  };
  // processId null: a server told its client's process id polls it every few seconds, which would
  // keep this process alive after the test.
  return attach(client, workspace, settings, stop, undefined, null);
}
