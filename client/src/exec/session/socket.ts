/**
 * One WebSocket connection to a session's stream URL (docs/ecs-exec.md §6.2): dial, send the
 * open-data-channel token frame as text, then pass binary frames up. A session may use several in
 * turn (after ssm:ResumeSession, docs/ecs-exec.md §6.10); like session-manager-plugin, the ClientId stays the
 * same on every one of them and the RequestId is new each time.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

export interface SocketEvents {
  /** A binary frame arrived. Text frames are not part of the protocol after the token frame. */
  frame(data: Buffer): void;
  /** The socket closed after it had opened; `error` is the last error seen on it, if any. */
  closed(code: number, error: Error | undefined): void;
}

export interface Dialled {
  socket: WebSocket;
  /** Resolves once the socket is open and the token frame is sent; rejects if it never opens. */
  opened: Promise<void>;
}

export function tokenFrame(tokenValue: string, clientId: string, clientVersion: string): string {
  return JSON.stringify({
    MessageSchemaVersion: '1.0',
    RequestId: randomUUID(),
    TokenValue: tokenValue,
    ClientId: clientId,
    ClientVersion: clientVersion,
  });
}

/** Starts a connection; the socket is returned at once so that a caller can abort it while it connects. */
export function dial(
  url: string,
  firstFrame: string,
  events: SocketEvents,
  options: WebSocket.ClientOptions = {},
): Dialled {
  const socket = new WebSocket(url, options);
  let isOpen = false;
  let lastError: Error | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => {
      isOpen = true;
      socket.send(firstFrame);
      resolve();
    });
    socket.on('error', (e) => {
      lastError = e;
      if (!isOpen) reject(e);
    });
    socket.on('close', (code) => {
      if (isOpen) events.closed(code, lastError);
      else reject(lastError ?? new Error(`connection closed before it opened (code ${code})`));
    });
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary)
      events.frame(Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data));
  });
  return { socket, opened };
}
