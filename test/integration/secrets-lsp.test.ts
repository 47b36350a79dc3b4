/**
 * The language server runs with recognisable fake credentials in its environment (leaks.ts) and must
 * never print them: stderr, window/logMessage, window/showMessage, diagnostics.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, startClient } from '../lsp/client';
import { assertClean, withFakeCredentials } from './leaks';

describe('no credentials in what the language server prints (integration)', () => {
  withFakeCredentials();

  it('the language server never prints environment credentials (lsp over stdio, integration)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'fl-secrets-'));
    cpSync(FIXTURES, ws, { recursive: true });
    const client = await startClient(ws, {}); // inherits process.env: the fake credentials are in its environment
    const messages: string[] = [];
    client.connection.onNotification('window/logMessage', (p: { message: string }) => void messages.push(p.message));
    client.connection.onNotification('window/showMessage', (p: { message: string }) => void messages.push(p.message));
    try {
      // A definition that puts AWS keys in its environment (a rule flags it) and broken input that errs.
      const text = JSON.stringify(
        {
          family: 'leaky',
          containerDefinitions: [
            {
              name: 'app',
              image: 'x',
              memory: 512,
              environment: [
                { name: 'AWS_ACCESS_KEY_ID', value: '${AWS_ACCESS_KEY_ID}' },
                { name: 'AWS_SECRET_ACCESS_KEY', value: '$AWS_SECRET_ACCESS_KEY' },
              ],
            },
          ],
        },
        null,
        2,
      );
      const { uri } = await client.open(join(ws, 'leaky.json'), text);
      const diags = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.change(uri, 2, '{"family": "leaky", "containerDefinitions": [{{{');
      const broken = await client.diagnostics(uri, (p) => p.version === 2);
      await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
      await client.connection
        .sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///nonexistent.json' },
          position: { line: 99, character: 99 },
        })
        .catch((e: Error) => messages.push(e.message));
      assertClean('server', [client.stderr(), ...messages, JSON.stringify(diags), JSON.stringify(broken)]);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
    assertClean('server after exit', [client.stderr(), ...messages]);
  });
});
