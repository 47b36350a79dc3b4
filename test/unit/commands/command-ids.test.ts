/**
 * (unit) The command registry (client/src/commands/registry.ts) against package.json and the chunks'
 * handler tables: each id once, every contributed command registered and vice versa, each chunk's
 * table has exactly its ids, and trusted-only commands are offered only in trusted workspaces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_SPECS, specsOf } from '../../../client/src/commands/registry';
import { COMMANDS } from '../../../client/src/commands/index';
import type { ExecDeps } from '../../../client/src/exec/flow';
import { execHandlers } from '../../../client/src/exec/handlers';
import { logCommandHandlers, type LogCommandDeps } from '../../../client/src/logs/view/handlers';

const ROOT = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
};

test('each command id is listed once in the registry (unit)', () => {
  const ids = COMMAND_SPECS.map((s) => s.id);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
  );
});

test('the registry and package.json contributes.commands name the same ids, each with a title (unit)', () => {
  const contributed = pkg.contributes.commands.map((c) => c.command);
  assert.deepEqual([...COMMAND_SPECS.map((s) => s.id)].sort(), [...contributed].sort());
  for (const c of pkg.contributes.commands) assert.ok(c.title?.trim(), `${c.command} has no title`);
  for (const [menu, entries] of Object.entries(pkg.contributes.menus))
    for (const e of entries) assert.ok(contributed.includes(e.command), `${menu} names unknown ${e.command}`);
});

test("the explorer chunk's table has exactly the registry's explorer ids (unit)", () => {
  assert.deepEqual(
    Object.keys(COMMANDS).sort(),
    specsOf('explorer')
      .map((s) => s.id)
      .sort(),
  );
});

test("the ECS Exec chunk's table has exactly the registry's exec ids (unit)", () => {
  const table = execHandlers(
    { ui: {} } as unknown as ExecDeps,
    async () => undefined,
    () => undefined,
  );
  assert.deepEqual(
    Object.keys(table).sort(),
    specsOf('exec')
      .map((s) => s.id)
      .sort(),
  );
});

test("the container-logs chunk's table has exactly the registry's logs ids (unit)", () => {
  assert.deepEqual(
    Object.keys(logCommandHandlers({} as LogCommandDeps)).sort(),
    specsOf('logs')
      .map((s) => s.id)
      .sort(),
  );
});

test('trusted-only commands appear in menus and the palette only with isWorkspaceTrusted (unit)', () => {
  const trusted: string[] = COMMAND_SPECS.filter((s) => 'trustedOnly' in s && s.trustedOnly).map((s) => s.id);
  assert.ok(trusted.length > 0);
  for (const [menu, entries] of Object.entries(pkg.contributes.menus))
    for (const e of entries.filter((x) => trusted.includes(x.command)))
      assert.match(e.when ?? '', /isWorkspaceTrusted|^false$/, `${menu} offers ${e.command} without trust`);
  // A trusted-only command missing from the palette list would be offered everywhere.
  for (const id of trusted)
    assert.ok(
      pkg.contributes.menus.commandPalette.some((e) => e.command === id),
      `${id} needs a commandPalette entry with isWorkspaceTrusted`,
    );
});
