import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXEC_COMMAND_IDS, EXPLORER_COMMAND_IDS } from '../../../client/src/commandIds';
import { COMMANDS } from '../../../client/src/commands/index';
import type { ExecDeps } from '../../../client/src/exec/flow';
import { execHandlers } from '../../../client/src/exec/handlers';

const ROOT = join(__dirname, '../../..');

test("activation registers exactly the explorer chunk's command table (unit)", () => {
  assert.deepEqual([...EXPLORER_COMMAND_IDS].sort(), Object.keys(COMMANDS).sort());
});

test('the lazily registered ids plus restartServer are the contributed commands (unit)', () => {
  const contributed = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.commands as { command: string }[]
  ).map((c) => c.command);
  assert.deepEqual(
    [...EXPLORER_COMMAND_IDS, ...EXEC_COMMAND_IDS, 'fargateLens.restartServer'].sort(),
    [...contributed].sort(),
  );
});

test("the ECS Exec chunk's handler table has an entry for each exec id (unit)", () => {
  const table = execHandlers(
    { ui: {} } as unknown as ExecDeps,
    async () => undefined,
    () => undefined,
  );
  assert.deepEqual(Object.keys(table).sort(), [...EXEC_COMMAND_IDS].sort());
});
