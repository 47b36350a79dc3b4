import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXEC_COMMAND_IDS, EXPLORER_COMMAND_IDS } from '../../../client/src/commandIds';
import { COMMANDS } from '../../../client/src/commands/index';

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
  // exec/commands.ts imports vscode, so its table is checked in its source; a missing handler throws at first call.
  const source = readFileSync(join(ROOT, 'client/src/exec/commands.ts'), 'utf8');
  for (const id of EXEC_COMMAND_IDS) assert.match(source, new RegExp(`'${id.replace('.', '\\.')}':`));
});
