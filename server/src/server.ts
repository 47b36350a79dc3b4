/**
 * The Fargate Lens language server process: the connection on the transport the command line names
 * (`--stdio`, `--node-ipc`, `--socket`), the local file system, and a last line of defence that logs
 * what escaped every handler instead of letting the process die. The only file that calls listen().
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NODE_IO } from './lsp/io';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
const log = startServer(connection, NODE_IO);

// A bug in one handler must not end the server (and every feature with it): log it and keep serving.
process.on('uncaughtException', (e) => log.error('Fargate Lens: uncaught exception', e));
process.on('unhandledRejection', (e) => log.error('Fargate Lens: unhandled promise rejection', e));

connection.listen();
