/**
 * Waits for publishDiagnostics that arrive after a point in time, on top of the LSP test client
 * (test/lsp/client.ts). Takes over the client's publishDiagnostics handler: use either this or the
 * client's own `diagnostics()` on one client, not both.
 */
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { withTimeout, type TestClient } from '../../test/lsp/client';

export interface DiagnosticsTracker {
  /** The next publish for `uri` received after this call. */
  next(uri: string, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
}

export function trackDiagnostics(client: TestClient): DiagnosticsTracker {
  const waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    for (const w of waiters.filter((x) => x.uri === p.uri)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  return {
    next: (uri, timeoutMs = 30000) =>
      withTimeout(new Promise((resolve) => waiters.push({ uri, resolve })), timeoutMs, `diagnostics for ${uri}`),
  };
}
