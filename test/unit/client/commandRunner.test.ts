/**
 * (unit) The one command runner (client/src/lazy.ts registerCommands) under a vscode stub: a failing
 * handler is logged (redacted) to its command's channel and shown once with "Show Logs", never
 * thrown; a trusted-only command refuses in an untrusted workspace without loading its chunk; a chunk
 * that fails to load is reported the same way.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { CommandSpec } from '../../../client/src/commands/registry';
import { createVscodeStub, withVscode } from './vscodeStub';

const requireHere = createRequire(__filename);
const stub = createVscodeStub();
const registered = new Map<string, (...args: unknown[]) => Promise<unknown>>();
const shown: Array<{ message: string; items: unknown[] }> = [];
const lines: Array<{ channel: string; level: string; text: string }> = [];
const api = stub.api as Record<string, Record<string, unknown>>;
api.commands.registerCommand = (id: string, run: (...a: unknown[]) => Promise<unknown>) => {
  registered.set(id, run);
  return { dispose() {} };
};
api.window.showErrorMessage = (message: string, ...items: unknown[]) => {
  shown.push({ message, items });
  return Promise.resolve(undefined);
};
api.window.createOutputChannel = (name: string) => {
  const at = (level: string) => (text: string) => void lines.push({ channel: name, level, text });
  return { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), show() {}, dispose() {} };
};
api.workspace.isTrusted = true;

const { registerCommands } = withVscode(
  stub,
  () => requireHere('../../../client/src/lazy') as typeof import('../../../client/src/lazy'),
);
const { Logs } = withVscode(
  stub,
  () => requireHere('../../../client/src/ui/logs') as typeof import('../../../client/src/ui/logs'),
);

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
let explorerLoads = 0;
const specs: CommandSpec[] = [
  { id: 't.fails', chunk: 'explorer' },
  { id: 't.trusted', chunk: 'explorer', trustedOnly: true },
  { id: 't.exec', chunk: 'exec', log: 'exec' },
];
registerCommands(specs, {
  chunks: {
    explorer: async () => {
      explorerLoads++;
      return {
        't.fails': () => {
          throw Object.assign(new Error(`The security token ${SECRET} is invalid`), { name: 'ValidationError' });
        },
        't.trusted': () => 'ran',
      };
    },
    exec: () => Promise.reject(new Error('dist/exec.js missing')),
  },
  logs: new Logs(),
  titles: new Map([['t.fails', 'Run Task…']]),
});

test('a failing handler is logged redacted and shown once with Show Logs, not thrown (unit)', async () => {
  shown.length = 0;
  lines.length = 0;
  assert.equal(await registered.get('t.fails')!(), undefined);
  assert.equal(shown.length, 1);
  assert.match(shown[0].message, /^Run Task failed: ValidationError: The security token \*\*\* is invalid$/);
  assert.deepEqual(shown[0].items, ['Show Logs']);
  const logged = lines.filter((l) => l.level === 'error');
  assert.equal(logged.length, 1);
  assert.equal(logged[0].channel, 'Fargate Lens: AWS');
  assert.ok(!logged[0].text.includes(SECRET), logged[0].text);
  assert.match(logged[0].text, /Run Task failed/);
});

test('a trusted-only command refuses in an untrusted workspace without loading its chunk (unit)', async () => {
  shown.length = 0;
  const loadsBefore = explorerLoads;
  api.workspace.isTrusted = false;
  try {
    assert.equal(await registered.get('t.trusted')!(), undefined);
  } finally {
    api.workspace.isTrusted = true;
  }
  assert.match(shown[0].message, /needs a trusted workspace/);
  assert.equal(explorerLoads, loadsBefore);
  assert.equal(await registered.get('t.trusted')!(), 'ran');
});

test('a chunk that fails to load is reported to its command channel (unit)', async () => {
  shown.length = 0;
  lines.length = 0;
  assert.equal(await registered.get('t.exec')!(), undefined);
  assert.match(
    shown[0].message,
    /could not load t\.exec: Error: dist\/exec\.js missing|could not load t\.exec: dist\/exec\.js missing/,
  );
  assert.equal(lines.find((l) => l.level === 'error')?.channel, 'Fargate Lens: ECS Exec');
});

test('the VS Code UI port logs every error and message it shows (unit)', () => {
  const { createVsCodeUi } = withVscode(
    stub,
    () => requireHere('../../../client/src/ui/vscodeUi') as typeof import('../../../client/src/ui/vscodeUi'),
  );
  api.window.showInformationMessage = () => Promise.resolve(undefined);
  shown.length = 0;
  lines.length = 0;
  const ui = createVsCodeUi(() => undefined, 'exec', new Logs().logger('exec'));
  ui.error(`Stop task failed: token ${SECRET}`);
  ui.info('Stopping task abc.');
  assert.deepEqual(
    lines.map((l) => [l.channel, l.level]),
    [
      ['Fargate Lens: ECS Exec', 'error'],
      ['Fargate Lens: ECS Exec', 'info'],
    ],
  );
  assert.ok(!lines[0].text.includes(SECRET));
  assert.deepEqual(shown[0].items, ['Show Logs']);
});
