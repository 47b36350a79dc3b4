/**
 * Workspace trust, checked on the manifest and the settings readers: settings that
 * choose credentials, redirect signed requests or name a program are machine/application-scoped and
 * restricted in untrusted workspaces, and the code reads the AWS ones at user/machine level only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
  };
  contributes: {
    configuration:
      { properties: Record<string, { scope?: string }> } | Array<{ properties: Record<string, { scope?: string }> }>;
  };
};
const properties = Object.assign({}, ...[pkg.contributes.configuration].flat().map((c) => c.properties)) as Record<
  string,
  { scope?: string }
>;

test('untrusted workspaces: declared as limited, with a description and restricted settings that exist (unit)', () => {
  const u = pkg.capabilities.untrustedWorkspaces;
  assert.equal(u.supported, 'limited');
  assert.match(u.description ?? '', /language features work/);
  assert.match(u.description ?? '', /AWS call/);
  const restricted = u.restrictedConfigurations ?? [];
  for (const key of [
    'fargateLens.aws.profile',
    'fargateLens.aws.regions',
    'fargateLens.aws.endpoint',
    'fargateLens.exec.command',
    'fargateLens.exec.useSessionManagerPlugin',
    'fargateLens.exec.sessionManagerPluginPath',
  ]) {
    assert.ok(restricted.includes(key), `${key} is not restricted`);
  }
  for (const key of restricted) assert.ok(properties[key], `restricted setting ${key} is not contributed`);
});

test('settings that redirect credentials or run programs are machine/application-scoped (unit)', () => {
  const expected: Record<string, string> = {
    'fargateLens.aws.endpoint': 'machine',
    'fargateLens.aws.profile': 'application',
    'fargateLens.aws.regions': 'application',
    'fargateLens.aws.maxAttempts': 'application',
    'fargateLens.exec.useSessionManagerPlugin': 'machine',
    'fargateLens.exec.sessionManagerPluginPath': 'machine',
  };
  for (const [key, scope] of Object.entries(expected)) assert.equal(properties[key]?.scope, scope, key);
  // Nothing else in the manifest names a path, a program or an endpoint at a workspace-settable scope.
  for (const [key, p] of Object.entries(properties)) {
    if (/path|endpoint|profile|plugin|program|executable/i.test(key))
      assert.ok(p.scope === 'machine' || p.scope === 'application', `${key} has scope ${p.scope ?? 'window'}`);
  }
});

test('the AWS settings are read at user/machine level only, never through a workspace-aware get (unit)', () => {
  const src = readFileSync(join(ROOT, 'client/src/explorer/settings.ts'), 'utf8');
  assert.match(src, /inspect<T>\(key\)/);
  assert.match(src, /globalValue \?\? i\?\.defaultValue/);
  for (const key of ['aws.profile', 'aws.regions', 'aws.endpoint', 'aws.maxAttempts']) {
    assert.doesNotMatch(src, new RegExp(`\\.get<[^>]*>\\('${key.replace('.', '\\.')}'`), `${key} read with get()`);
    assert.match(
      src,
      new RegExp(`userLevel<[^>]*>\\('${key.replace('.', '\\.')}'`),
      `${key} not read with userLevel()`,
    );
  }
  // Writes go to the user's settings, never the workspace's.
  assert.match(src, /ConfigurationTarget\.Global/);
  assert.doesNotMatch(src, /ConfigurationTarget\.Workspace/);
});

// Refusing to register from a file in an untrusted workspace is tested on behaviour in test/unit/explorer/commands.test.ts.

/**
 * Every contributed setting, classified. A new setting fails this test until it is placed here:
 * - `decides`: it chooses credentials, an endpoint, a program, what runs in a container or which AWS calls
 *   are made. It must be machine/application-scoped, restricted in untrusted workspaces, and read at
 *   user/machine level only (`userLevel(...)`) by the file named in `readIn`.
 * - `workspace`: a workspace may set it (what is checked, how the explorer looks); it runs nothing and
 *   contacts nothing, and the server validates it (falls back with a warning on a bad value).
 */
const SETTINGS: Record<string, { decides: boolean; readIn?: string }> = {
  'fargateLens.aws.profile': { decides: true, readIn: 'client/src/explorer/settings.ts' },
  'fargateLens.aws.regions': { decides: true, readIn: 'client/src/explorer/settings.ts' },
  'fargateLens.aws.endpoint': { decides: true, readIn: 'client/src/explorer/settings.ts' },
  'fargateLens.aws.maxAttempts': { decides: true, readIn: 'client/src/explorer/settings.ts' },
  'fargateLens.exec.command': { decides: true, readIn: 'client/src/exec/commands.ts' },
  'fargateLens.exec.useSessionManagerPlugin': { decides: true, readIn: 'client/src/exec/commands.ts' },
  'fargateLens.exec.sessionManagerPluginPath': { decides: true, readIn: 'client/src/exec/commands.ts' },
  'fargateLens.exec.simulateIamPolicies': { decides: true, readIn: 'client/src/exec/commands.ts' },
  'fargateLens.deploy.registeredRevisionLens': { decides: true, readIn: 'client/src/deploy/settings.ts' },
  'fargateLens.deploy.callBudget': { decides: true, readIn: 'client/src/deploy/settings.ts' },
  'fargateLens.verify.enable': { decides: true, readIn: 'client/src/verify/onSave.ts' },
  'fargateLens.verify.onSave': { decides: true, readIn: 'client/src/verify/onSave.ts' },
  'fargateLens.explorer.refreshInterval': { decides: false },
  'fargateLens.explorer.pageSize': { decides: false },
  'fargateLens.explorer.concurrency': { decides: false },
  'fargateLens.explorer.showStoppedTasks': { decides: false },
  'fargateLens.enable': { decides: false },
  'fargateLens.rules': { decides: false },
  'fargateLens.files.include': { decides: false },
  'fargateLens.files.exclude': { decides: false },
  'fargateLens.maxFileSizeKB': { decides: false },
  'fargateLens.debounceMs': { decides: false },
  'fargateLens.trace.server': { decides: false },
  'fargateLens.logs.maxLines': { decides: false },
  'fargateLens.logs.ansiColors': { decides: false },
  'fargateLens.logs.timeZone': { decides: false },
  'fargateLens.logs.liveTail': { decides: true, readIn: 'client/src/chunks/logs.ts' },
};

test('every setting in package.json is classified; the ones that decide what runs are never read from a workspace (unit)', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(SETTINGS).sort(), 'classify new settings here');
  const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
  for (const [key, c] of Object.entries(SETTINGS)) {
    const scope = properties[key]?.scope ?? 'window';
    if (!c.decides) {
      // Workspace-settable on purpose: a project decides what is checked and how its explorer looks.
      assert.ok(['window', 'resource'].includes(scope), `${key} has scope ${scope}`);
      continue;
    }
    assert.ok(scope === 'machine' || scope === 'application', `${key} has scope ${scope}`);
    assert.ok(restricted.includes(key), `${key} is not restricted in untrusted workspaces`);
    const src = readFileSync(join(ROOT, c.readIn!), 'utf8');
    const short = key.slice('fargateLens.'.length).replace('.', '\\.');
    assert.match(src, new RegExp(`userLevel<[^>]*>\\('${short}'`), `${key} not read with userLevel() in ${c.readIn}`);
    assert.doesNotMatch(src, new RegExp(`\\.get<[^>]*>\\('(?:exec\\.|aws\\.)?${short.split('\\.').pop()}'`), key);
  }
});
