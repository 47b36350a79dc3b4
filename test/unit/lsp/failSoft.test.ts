/**
 * The server fails soft (server/src/lsp, service/internal.ts): a shape detector that throws on one
 * file gives that file an `internal/` diagnostic and an error in the log, and the server keeps
 * serving that file's other requests and every other file. In process, over a stream pair.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DETECTORS, type Detectors } from '../../../server/src/service/shapes/document';
import { startInProcess } from '../../lsp/inProcess';

const TD = JSON.stringify(
  {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'bridge',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'nginx' }],
  },
  null,
  2,
);

/** The real detectors, except that the template detector throws on any text that says EXPLODE. */
const exploding: Detectors = {
  ...DETECTORS,
  cfn: (root, text, ...rest) => {
    if (text.includes('EXPLODE')) throw new Error('detector exploded');
    return DETECTORS.cfn(root, text, ...rest);
  },
};

test('a throwing detector gives an internal/ diagnostic and a logged error; the server keeps serving (unit)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'fl-failsoft-'));
  const client = await startInProcess(ws, { debounceMs: 0 }, undefined, {
    languageService: { detectors: exploding },
  });
  try {
    const bad = await client.open('bad.json', TD.replace('"web"', '"EXPLODE"'));
    const badDiags = await client.diagnostics(bad.uri);
    assert.deepEqual(
      badDiags.diagnostics.map((d) => d.code),
      ['internal/shape-error'],
    );
    assert.ok(
      client.logs.some((l) => l.type === 1 && /internal\/shape-error: .*detector exploded/.test(l.message)),
      `an error in the log: ${JSON.stringify(client.logs)}`,
    );
    // The same file still answers its requests.
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', {
      textDocument: { uri: bad.uri },
    });
    assert.ok(Array.isArray(symbols));

    // Another file is checked as usual.
    const good = await client.open('good.json', TD);
    const goodDiags = await client.diagnostics(good.uri);
    const codes = goodDiags.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('fargate/network-mode-awsvpc'), codes.join(', '));
    assert.ok(!codes.some((c) => String(c).startsWith('internal/')), codes.join(', '));
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: good.uri },
      position: { line: 1, character: 5 }, // on "family"
    });
    assert.ok(hover, 'hover answers on the healthy file');
  } finally {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
});
