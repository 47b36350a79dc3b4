/**
 * Regression tests for two leaks found while soaking the server: per-family index entries
 * left behind after a family was renamed or its file closed, and per-URI settings re-cached by the
 * close handler. Both are private state, read here through a cast on purpose: nothing else shows them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Session } from '../../../server/src/lsp/session';
import { SettingsCache } from '../../../server/src/lsp/settings';
import { NODE_IO } from '../../../server/src/lsp/io';
import { SILENT_LOG } from '../../../server/src/lsp/log';
import { getLanguageService } from '../../../server/src/service/languageService';

test('workspace index drops a family entry once no document names it (unit)', () => {
  const ls = getLanguageService();
  for (let i = 0; i < 200; i++) {
    ls.index.set(
      ls.parse(
        'file:///w/td.json',
        JSON.stringify({ family: `fam${i}`, containerDefinitions: [{ name: 'a', image: 'x' }] }),
      ),
    );
    ls.index.set(
      ls.parse('file:///w/svc.json', JSON.stringify({ cluster: 'c', serviceName: 's', taskDefinition: `fam${i}:1` })),
    );
  }
  const maps = ls.index as unknown as {
    tdByFamily: Map<string, Set<string>>;
    launchByFamily: Map<string, Set<string>>;
  };
  assert.deepEqual([...maps.tdByFamily.keys()], ['fam199']);
  assert.deepEqual([...maps.launchByFamily.keys()], ['fam199']);
  ls.index.delete('file:///w/td.json');
  ls.index.delete('file:///w/svc.json');
  assert.equal(maps.tdByFamily.size + maps.launchByFamily.size, 0);
});

test('closing documents leaves no cached settings behind (unit)', async () => {
  const connection = {
    sendDiagnostics: async () => undefined,
    workspace: { getConfiguration: async () => ({ debounceMs: 0 }) },
  } as unknown as Connection;
  const docs = new Map<string, TextDocument>();
  const documents = {
    get: (u: string) => docs.get(u),
    all: () => [...docs.values()],
  } as unknown as TextDocuments<TextDocument>;
  const settings = new SettingsCache(connection, SILENT_LOG);
  settings.setSupported(true);
  const session = new Session(connection, documents, getLanguageService(), settings, NODE_IO, SILENT_LOG);
  for (let i = 0; i < 100; i++) {
    const uri = `untitled:Untitled-${i}`;
    const text = '{"family":"x","containerDefinitions":[]}';
    docs.set(uri, { uri, version: 1, getText: () => text } as unknown as TextDocument);
    await session.changed(docs.get(uri)!);
    docs.delete(uri);
    await session.closed(uri);
  }
  assert.equal((settings as unknown as { cache: Map<string, unknown> }).cache.size, 0);
});
