/**
 * single-character edits on the large task definition through the real server over
 * stdio (dist/server.js, debounce 0): time from sending didChange (an incremental range edit) to the
 * publishDiagnostics of that version. Edits alternate between typing a character into a string value
 * and deleting it again, so the document stays valid and realistic.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, startClient } from '../../test/lsp/client';
import { largeTaskDef } from '../lib/fixtures';
import { skipped, type BenchContext, type Row, type Section } from '../lib/results';
import { now, summarize } from '../lib/stats';

export const incremental: Section = {
  name: 'incremental',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'incremental';
    if (!existsSync(SERVER))
      return [skipped(section, 'didChange -> diagnostics', 'dist/server.js not built (node scripts/build.mjs)')];
    const edits = ctx.ci ? 6 : 200;
    const dir = mkdtempSync(join(tmpdir(), 'fl-bench-inc-'));
    const text = largeTaskDef();
    const file = join(dir, 'large-task-definition.json');
    writeFileSync(file, text);
    const client = await startClient(dir, { debounceMs: 0 });
    try {
      const uri = pathToFileURL(file).href;
      await client.open(file, text);
      await client.diagnostics(uri, (p) => p.version === 1);
      // The position just inside the closing quote of the first "value-0" string, as line/character.
      const at = text.indexOf('"value-0"') + '"value-0'.length;
      const before = text.slice(0, at).split('\n');
      const pos = { line: before.length - 1, character: before[before.length - 1].length };
      const samples: number[] = [];
      for (let i = 0; i < edits; i++) {
        const version = i + 2;
        const typing = i % 2 === 0;
        const change = typing
          ? { range: { start: pos, end: pos }, text: 'x' }
          : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
        const t0 = now();
        const published = client.diagnostics(uri, (p) => p.version === version);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [change],
        });
        await published;
        samples.push(now() - t0);
      }
      const s = summarize(samples);
      ctx.log(`incremental: ${edits} edits, median ${s.median.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`);
      return [
        { section, metric: `${edits} one-char edits, large doc: median`, value: s.median, unit: 'ms' },
        {
          section,
          metric: `${edits} one-char edits, large doc: p95`,
          value: s.p95,
          unit: 'ms',
          budget: '< 30 ms',
          pass: s.p95 < 30,
        },
      ];
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
