/**
 * a synthetic workspace of task definitions and create-service inputs (2,000 + 500),
 * opened by the real server over stdio: index build time (spawn to fargateLens/indexReady), server RSS once indexed, and the cross-file re-check after editing one task definition:
 * time from didChange to the diagnostics of the open service input that runs it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER, startClient } from '../../test/lsp/client';
import { writeWorkspace } from '../lib/fixtures';
import { trackDiagnostics } from '../lib/lsp';
import { skipped, type BenchContext, type Row, type Section } from '../lib/results';
import { now, rssOf, summarize } from '../lib/stats';

export const workspace: Section = {
  name: 'workspace',
  async run(ctx: BenchContext): Promise<Row[]> {
    const section = 'workspace';
    if (!existsSync(SERVER))
      return [skipped(section, 'index build', 'dist/server.js not built (node scripts/build.mjs)')];
    const [tds, svcs] = ctx.ci ? [20, 5] : [2000, 500];
    const edits = ctx.ci ? 4 : 40;
    const dir = mkdtempSync(join(tmpdir(), 'fl-bench-ws-'));
    try {
      const first = writeWorkspace(dir, tds, svcs);
      // From spawning the server to its fargateLens/indexReady (startClient resolves on it): what a user waits for.
      const t0 = now();
      const client = await startClient(dir, { debounceMs: 0 });
      const wall = now() - t0;
      const rss = await rssOf(client.child.pid!);
      const tracker = trackDiagnostics(client);
      const rows: Row[] = [];
      try {
        const svcUri = pathToFileURL(first.service).href;
        const tdUri = pathToFileURL(first.taskDef).href;
        const tdText = readFileSync(first.taskDef, 'utf8');
        const svcOpened = tracker.next(svcUri);
        await client.open(first.service);
        await svcOpened;
        const tdOpened = tracker.next(tdUri);
        await client.open(first.taskDef, tdText);
        await tdOpened;
        // Toggle the task's memory between two valid Fargate values: a change the service's rules read.
        const at = tdText.indexOf('"memory": "2048"') + '"memory": "'.length;
        const line = tdText.slice(0, at).split('\n').length - 1;
        const character = at - (tdText.lastIndexOf('\n', at - 1) + 1);
        const samples: number[] = [];
        for (let i = 0; i < edits; i++) {
          const value = i % 2 === 0 ? '4096' : '2048';
          const svcPublished = tracker.next(svcUri);
          const tdPublished = tracker.next(tdUri);
          const s0 = now();
          await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: tdUri, version: i + 2 },
            contentChanges: [
              { range: { start: { line, character }, end: { line, character: character + 4 } }, text: value },
            ],
          });
          await Promise.all([svcPublished, tdPublished]);
          samples.push(now() - s0);
        }
        const s = summarize(samples);
        const files = tds + svcs;
        ctx.log(
          `workspace: ${files} files indexed, ready after ${wall.toFixed(0)} ms (client wall), RSS ${rss ? (rss / 2 ** 20).toFixed(0) : '?'} MB, re-check median ${s.median.toFixed(2)} ms`,
        );
        rows.push(
          {
            section,
            metric: `index ${files} files (initialize -> indexReady)`,
            value: wall,
            unit: 'ms',
            budget: files >= 2500 ? '< 3000 ms' : undefined,
            pass: files >= 2500 ? wall < 3000 : undefined,
          },
          {
            section,
            metric: `server RSS after indexing ${files} files`,
            value: rss === undefined ? undefined : rss / 2 ** 20,
            unit: 'MB',
            budget: files >= 2500 ? '< 150 MB' : undefined,
            pass: files >= 2500 && rss !== undefined ? rss < 150 * 2 ** 20 : undefined,
          },
          { section, metric: 'cross-file re-check after a task-def edit: median', value: s.median, unit: 'ms' },
          {
            section,
            metric: 'cross-file re-check after a task-def edit: p95',
            value: s.p95,
            unit: 'ms',
            budget: '< 50 ms',
            pass: s.p95 < 50,
          },
        );
      } finally {
        await client.stop();
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
