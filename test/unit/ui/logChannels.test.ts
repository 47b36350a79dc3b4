/**
 * The client's output channels follow one naming scheme and are all reachable from "Fargate Lens: Show
 * Logs": every channel the client creates takes its name from client/src/ui/logChannels.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LOG_CHANNELS, OUTPUT_CHANNELS } from '../../../client/src/ui/logChannels';

const ROOT = resolve(__dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

test('every channel is named "Fargate Lens: <concern>", each name once (unit)', () => {
  const names = [...Object.values(LOG_CHANNELS), ...Object.values(OUTPUT_CHANNELS)];
  for (const name of names) assert.match(name, /^Fargate Lens: [A-Z][A-Za-z ]+$/);
  assert.equal(new Set(names).size, names.length);
});

test('the client creates output channels only with the names of ui/logChannels.ts (unit)', () => {
  const calls: string[] = [];
  for (const f of tsFiles(join(ROOT, 'client/src'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/createOutputChannel\(\s*([^,)]+)/g)) calls.push(`${relative(ROOT, f)}: ${m[1]}`);
  }
  assert.ok(calls.length >= 2, calls.join('\n'));
  assert.deepEqual(
    calls.filter((c) => !/: (LOG_CHANNELS\[\w+\]|OUTPUT_CHANNELS\.\w+)$/.test(c)),
    [],
  );
});

test('"Fargate Lens: Show Logs" is a contributed command, offered in the palette (unit)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'fargateLens.showLogs');
  assert.ok(cmd, 'fargateLens.showLogs is contributed');
  assert.equal(`${cmd.category}: ${cmd.title}`, 'Fargate Lens: Show Logs');
  const hidden = (pkg.contributes.menus?.commandPalette ?? []).find(
    (m: { command: string; when?: string }) => m.command === 'fargateLens.showLogs' && m.when === 'false',
  );
  assert.equal(hidden, undefined);
});
