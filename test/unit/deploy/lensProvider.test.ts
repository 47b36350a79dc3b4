/**
 * (unit) The registered-revision code lens provider (client/src/deploy/lensProvider.ts) under a vscode
 * stub, over a FakeAws account: the account is read when a file is first shown and on save (refresh: drift.test.ts),
 * never while typing (VS Code asks for lenses after every edit); untrusted workspaces and the setting
 * off make no call at all.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { DEFAULT_DRIFT_OPTIONS, DriftCache } from '../../../client/src/deploy/drift';
import { createVscodeStub, withVscode } from '../client/vscodeStub';
import { account, conn } from './setup';

const requireHere = createRequire(__filename);
const stub = createVscodeStub();
const api = stub.api as Record<string, Record<string, unknown>>;

type Listener<T> = (e: T) => void;
function emitter<T>(): { on: (l: Listener<T>) => { dispose(): void }; fire: (e: T) => void } {
  const ls = new Set<Listener<T>>();
  return { on: (l) => (ls.add(l), { dispose: () => ls.delete(l) }), fire: (e) => ls.forEach((l) => l(e)) };
}
const saved = emitter<unknown>();
const closed = emitter<unknown>();
let lensSetting: boolean | undefined;
api.workspace.isTrusted = true;
api.workspace.onDidSaveTextDocument = saved.on;
api.workspace.onDidCloseTextDocument = closed.on;
api.workspace.getConfiguration = () => ({
  inspect: (key: string) => (key === 'deploy.registeredRevisionLens' ? { globalValue: lensSetting } : undefined),
  get: (_k: string, d?: unknown) => d,
});
stub.api.Range = class {
  constructor(readonly line: number) {}
};
stub.api.CodeLens = class {
  constructor(
    readonly range: unknown,
    readonly command: { title: string; command: string },
  ) {}
};

const { createDriftLenses } = withVscode(
  stub,
  () =>
    requireHere('../../../client/src/deploy/lensProvider') as typeof import('../../../client/src/deploy/lensProvider'),
);

/** A text document whose text the test edits, as VS Code's is edited while typing. */
function doc(uri: string, text: string) {
  const d = {
    text,
    uri: { toString: () => uri },
    getText: () => d.text,
    positionAt: (offset: number) => ({ line: d.text.slice(0, offset).split('\n').length - 1 }),
  };
  return d;
}

const file = (memory: string) =>
  JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory,
      containerDefinitions: [{ name: 'app', image: 'nginx' }],
    },
    null,
    2,
  );

/** The drift lenses over a fresh fake account, on one connection, with no explorer model. */
function lenses() {
  const { fake } = account();
  const drift = new DriftCache(fake.factory, () => DEFAULT_DRIFT_OPTIONS);
  const { provider } = createDriftLenses(
    drift,
    () => [conn],
    () => undefined,
  );
  return { fake, drift, provider };
}

test('the lens reads the account when a file is first shown and on save, never while typing; closing forgets it (unit)', async () => {
  const { fake, drift, provider } = lenses();
  const changes: string[] = [];
  drift.onDidChange((uri) => changes.push(uri));
  const d = doc('file:///ws/web.json', file('1024'));
  const token = {} as never;
  const first = provider.provideCodeLenses(d as never, token) as Array<{ command: { title: string } }>;
  assert.match(first[0].command.title, /web: reading eu-west-1…/);
  assert.deepEqual(first.map((l) => l.command.title).slice(1), ['Deploy…', '$(refresh)']);
  await drift.compute(d.uri.toString(), d.text, conn); // joins the computation the lens started
  const describes = fake.count('DescribeTaskDefinition');
  const calls = fake.calls.length;
  assert.equal(describes, 1);
  const shown = provider.provideCodeLenses(d as never, token) as Array<{ command: { title: string } }>;
  assert.match(shown[0].command.title, /^\$\(cloud\) web:2 registered · differs in 1 field/);

  // Typing: VS Code asks for lenses after each edit; the lenses move with the text, AWS is not called.
  for (let i = 0; i < 25; i++) {
    d.text = file(String(600 + i));
    const lenses = provider.provideCodeLenses(d as never, token) as unknown[];
    assert.equal(lenses.length, 3);
  }
  assert.equal(fake.calls.length, calls, 'no AWS call while typing');
  d.text = file('512');

  // Save: read again (the shared service scan is reused within its lifetime).
  saved.fire(d);
  await drift.compute(d.uri.toString(), d.text, conn);
  assert.equal(fake.count('DescribeTaskDefinition'), 2);
  assert.equal(fake.count('ListClusters'), 1);
  assert.match(
    (provider.provideCodeLenses(d as never, token) as Array<{ command: { title: string } }>)[0].command.title,
    /web:2 registered · file matches it/,
  );

  // Closing forgets the file: the next time it is shown is a first time again.
  closed.fire(d);
  assert.equal(drift.get(d.uri.toString()), undefined);
  assert.ok(changes.length > 0);
});

test('untrusted workspace or the setting off: no lens and no AWS call (unit)', () => {
  const { fake, drift, provider } = lenses();
  const d = doc('file:///ws/other.json', file('512'));
  api.workspace.isTrusted = false;
  try {
    assert.deepEqual(provider.provideCodeLenses(d as never, {} as never), []);
  } finally {
    api.workspace.isTrusted = true;
  }
  lensSetting = false;
  try {
    assert.deepEqual(provider.provideCodeLenses(d as never, {} as never), []);
  } finally {
    lensSetting = undefined;
  }
  assert.equal(fake.calls.length, 0);
  assert.equal(drift.isComputing(d.uri.toString()), false);
});
