import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { FIXTURES, SERVER } from './client';

const SCRIPT = resolve(__dirname, 'nvim/check.lua');

/** Runs headless Neovim against the server; returns the JSON lines it printed. */
export function runNeovim(file: string, requests: unknown[] = [], expect = ''): Record<string, unknown>[] {
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${SCRIPT}`], {
    env: {
      ...process.env,
      LSP_SERVER: SERVER,
      LSP_FILE: file,
      LSP_ROOT: FIXTURES,
      LSP_REQUESTS: JSON.stringify(requests),
      LSP_EXPECT: expect,
    },
    encoding: 'utf8',
    timeout: 60000,
  });
  if (r.error)
    throw new Error(
      `could not run nvim (npm test installs Debian's neovim as root; otherwise: sudo apt-get install neovim): ${r.error.message}`,
    );
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const failure = lines.find((l) => l.fail);
  assert.equal(failure, undefined, `nvim: ${String(failure?.fail)}\n${r.stderr}`);
  assert.equal(r.status, 0, r.stderr);
  return lines;
}

test('Neovim attaches over stdio and receives our rule codes (lsp)', () => {
  const out = runNeovim(join(FIXTURES, 'uploads-task-def.json'), [
    { method: 'textDocument/codeAction', line: 15, character: 56 },
  ]);
  const diags = out.find((l) => l.diagnostics)?.diagnostics as {
    code: string;
    source: string;
    line: number;
    severity: number;
  }[];
  const cap = diags.find((d) => d.code === 'fargate/cap-add');
  assert.ok(cap, JSON.stringify(diags));
  assert.equal(cap.source, 'fargate-lens');
  assert.equal(cap.line, 15);
  assert.equal(cap.severity, 1);
  const actions = out.find((l) => l.method === 'textDocument/codeAction')?.result as { title: string }[];
  assert.ok(
    actions.some((a) => /Remove NET_ADMIN/.test(a.title)),
    JSON.stringify(actions),
  );
});

test('Neovim sees cross-file pv/feature-requires-1.4.0 on the service input, folded into pv/retired (lsp)', () => {
  const out = runNeovim(join(FIXTURES, 'uploads-service.json'), [], 'pv/feature-requires-1.4.0');
  const diags = out.find((l) => l.diagnostics)?.diagnostics as { code: string; related: string[] }[];
  assert.ok(
    diags.some((d) => d.code === 'pv/retired' && d.related.some((m) => m.startsWith('pv/feature-requires-1.4.0 '))),
    JSON.stringify(diags),
  );
});

test('Neovim gets completion, hover and rename from the server (lsp)', () => {
  // Positions in uploads-task-def.json: memory value (line 5), transitEncryption key (line 27), volume name (line 24).
  const out = runNeovim(join(FIXTURES, 'uploads-task-def.json'), [
    { method: 'textDocument/completion', line: 5, character: 13 },
    { method: 'textDocument/hover', line: 27, character: 12 },
    { method: 'textDocument/rename', line: 24, character: 16, newName: 'files' },
  ]);
  const compl = out.find((l) => l.method === 'textDocument/completion')?.result as
    { label: string }[] | { items: { label: string }[] };
  const labels = (Array.isArray(compl) ? compl : compl.items).map((i) => i.label);
  assert.ok(
    labels.some((l) => /4096/.test(l)),
    labels.join(','),
  );
  const hover = out.find((l) => l.method === 'textDocument/hover')?.result as { contents: unknown };
  assert.match(JSON.stringify(hover.contents), /transit/i);
  const rename = out.find((l) => l.method === 'textDocument/rename')?.result as { changes: Record<string, unknown[]> };
  assert.equal(Object.values(rename.changes)[0].length, 2);
});
