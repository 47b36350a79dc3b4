/**
 * Server soak: thousands of seeded random opens, edits, closes, hovers and completions
 * over stdio against dist/server.js (build first: node scripts/build.mjs), with the server's RSS read
 * from /proc/<pid>/status. Asserts no crash, every request answered, and RSS after the run within a bound
 * of RSS after warm-up. Documents get fresh URIs and fresh family names all the time, so per-URI or
 * per-family state that is never dropped shows up as growth.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { FIXTURES, startClient, withTimeout } from './client';
import { seededRandom } from '../seededRandom';

const OPS = 15_000;
const WARM_UP = 3_000;
const SEED = 0x5eed_9;
/** Allowed RSS growth from the end of warm-up to the end of the run. */
const BOUND_MB = 25;
/** The server's V8 old-space cap for the run. */
const HEAP_MB = 96;

const rng = seededRandom;

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

test(
  'soak: 15,000 random opens/edits/closes/requests over stdio, no crash, bounded RSS (lsp)',
  { timeout: 240_000 },
  async () => {
    const ws = mkdtempSync(join(tmpdir(), 'fl-soak-'));
    cpSync(FIXTURES, ws, { recursive: true });
    // A small old space makes V8 collect often, so RSS tracks live memory instead of GC timing, and a leak
    // ends in an out-of-memory crash that the test reports.
    const nodeOptions = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${nodeOptions ?? ''} --max-old-space-size=${HEAP_MB}`.trim();
    const client = await startClient(ws, { debounceMs: 0 }).finally(() => {
      if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = nodeOptions;
    });
    const random = rng(SEED);
    const int = (n: number): number => Math.floor(random() * n);
    const word = (): string => `f${int(1e9).toString(36)}`;
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

    const taskDef = readFileSync(join(FIXTURES, 'uploads-task-def.json'), 'utf8');
    const service = readFileSync(join(FIXTURES, 'uploads-service.json'), 'utf8');
    const yaml =
      'Resources:\n  Td:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: uploads\n      Cpu: "256"\n      Memory: "512"\n      RequiresCompatibilities: [FARGATE]\n      NetworkMode: awsvpc\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          Essential: true\n';
    const templates = [
      { ext: 'json', languageId: 'json', text: taskDef },
      { ext: 'json', languageId: 'json', text: service },
      { ext: 'yaml', languageId: 'yaml', text: yaml },
    ];
    const mutate = (text: string): string => {
      switch (int(5)) {
        case 0:
          return text.replace(/uploads/g, word()); // a new family name: new index keys
        case 1:
          return text.replace(/"(256|512|1024)"/, `"${pick(['256', '300', '4096', 'abc', ''])}"`);
        case 2: {
          const at = int(text.length + 1);
          return text.slice(0, at) + pick(['{', '}', '"', ',', ':', '\u00e9', '[[[', ' ', '\n']) + text.slice(at);
        }
        case 3:
          return text.slice(0, int(text.length + 1));
        default:
          return text.replace(/FARGATE/, pick(['EC2', 'FARGATE', 'EXTERNAL']));
      }
    };

    const open = new Map<string, { version: number; text: string }>();
    const rss: Array<{ op: number; mb: number }> = [];
    let fresh = 0;
    let requests = 0;
    const counts = { open: 0, change: 0, close: 0, hover: 0, completion: 0, codeAction: 0, watched: 0 };
    const sync = async (): Promise<void> => {
      // Requests are answered in order, so an answer means every earlier notification was handled.
      await withTimeout(
        client.connection.sendRequest('textDocument/documentSymbol', {
          textDocument: { uri: pathToFileURL(join(ws, 'uploads-service.json')).href },
        }),
        10_000,
        'sync',
      );
    };
    const started = Date.now();
    try {
      for (let op = 1; op <= OPS; op++) {
        const r = random();
        if (open.size === 0 || (r < 0.15 && open.size < 40)) {
          const t = pick(templates);
          // Half the opens reuse a small pool of URIs; half are URIs never seen before.
          const name = random() < 0.5 ? `pool-${int(20)}.${t.ext}` : `fresh-${fresh++}.${t.ext}`;
          const uri = pathToFileURL(join(ws, 'soak', name)).href;
          if (open.has(uri)) continue;
          const text = mutate(t.text);
          open.set(uri, { version: 1, text });
          await client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: t.languageId, version: 1, text },
          });
          counts.open++;
        } else if (r < 0.27) {
          const uri = pick([...open.keys()]);
          open.delete(uri);
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
          counts.close++;
        } else if (r < 0.9) {
          const uri = pick([...open.keys()]);
          const doc = open.get(uri)!;
          doc.version++;
          doc.text = mutate(random() < 0.5 ? doc.text : pick(templates).text);
          await client.change(uri, doc.version, doc.text);
          counts.change++;
        } else if (r < 0.93) {
          // A watched-file storm: 40 never-seen URIs (each once had a settings-cache entry kept for ever).
          const changes = Array.from({ length: 40 }, () => ({
            uri: pathToFileURL(join(ws, 'soak', 'watched', `w-${fresh++}.json`)).href,
            type: 1 + int(3),
          }));
          await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
          counts.watched += changes.length;
        } else if (r < 0.95) {
          const uri = pick([...open.keys()]);
          const end = { line: int(open.get(uri)!.text.split('\n').length + 1), character: 0 };
          await withTimeout(
            client.connection.sendRequest('textDocument/codeAction', {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end },
              context: { diagnostics: [] },
            }),
            10_000,
            'codeAction',
          );
          counts.codeAction++;
          requests++;
        } else {
          const uri = pick([...open.keys()]);
          const lines = open.get(uri)!.text.split('\n');
          const line = int(lines.length + 2);
          const position = { line, character: int((lines[line]?.length ?? 5) + 3) };
          const method = random() < 0.5 ? 'textDocument/hover' : 'textDocument/completion';
          await withTimeout(client.connection.sendRequest(method, { textDocument: { uri }, position }), 10_000, method);
          counts[method === 'textDocument/hover' ? 'hover' : 'completion']++;
          requests++;
        }
        if (op % 500 === 0) {
          await sync();
          rss.push({ op, mb: rssMb(client.child.pid!) });
        }
      }
      for (const uri of [...open.keys()])
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await sync();
      rss.push({ op: OPS, mb: rssMb(client.child.pid!) });

      assert.equal(client.child.exitCode, null, `server exited: ${client.stderr()}`);
      assert.doesNotMatch(client.stderr(), /Error|Unhandled|FATAL/i);
      const warm = rss.find((s) => s.op >= WARM_UP)!.mb;
      const peak = Math.max(...rss.filter((s) => s.op >= WARM_UP).map((s) => s.mb));
      const end = rss.at(-1)!.mb;
      console.log(
        `soak: ${OPS} ops (${JSON.stringify(counts)}, ${fresh} distinct fresh URIs) in ${Date.now() - started} ms; RSS MB start ${rss[0].mb}, after warm-up ${warm}, peak ${peak}, end ${end}`,
      );
      console.log(`soak: RSS samples ${rss.map((s) => `${s.op}:${s.mb}`).join(' ')}`);
      assert.ok(requests > 0);
      assert.ok(end - warm < BOUND_MB, `RSS grew ${Math.round(end - warm)} MB after warm-up (bound ${BOUND_MB} MB)`);
    } finally {
      await client.stop();
      rmSync(ws, { recursive: true, force: true });
    }
  },
);
