/**
 * No leaked secrets in the explorer, the commands and the live EFS source: they run against moto with
 * recognisable fake credentials (leaks.ts), including error paths where the AWS error message itself
 * echoes the access key and session token (SignatureDoesNotMatch) and AccessDenied in one region.
 * Everything they produce (tree nodes, notifications, confirmations, log lines, output text) is
 * captured through their interfaces and searched for the credentials.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createApiFactory } from '../../client/src/aws/factory';
import type { Connection } from '../../client/src/aws/types';
import { bindCommands } from '../../client/src/commands/register';
import type { CommandDeps } from '../../client/src/commands/types';
import { LiveEfsSource } from '../../client/src/explorer/liveEfs';
import { ExplorerModel } from '../../client/src/explorer/model';
import type { ExplorerNode } from '../../client/src/explorer/nodes';
import { ScriptedUi, value, runWorkerTaskAnswers } from '../unit/explorer/scriptedUi';
import { commandDeps, explorerModel } from '../shared/commandDeps';
import { ACCESS_KEY, SESSION_TOKEN, assertClean, leakyAccount } from './leaks';

const east: Connection = { profile: undefined, region: 'us-east-1' };
const west: Connection = { profile: undefined, region: 'eu-west-1' };

/** Every string in a node (message, detail, labels, ARNs), for the leak search. */
function nodeTexts(n: ExplorerNode): string[] {
  return [JSON.stringify(n)];
}

describe('no credentials in what the explorer and the commands show or log (integration)', () => {
  const account = leakyAccount();
  const factories: Array<ReturnType<typeof createApiFactory>> = [];
  after(() => {
    for (const f of factories) f.dispose();
  });

  const explorer = (conns: Connection[] = [east]) => {
    const factory = createApiFactory(() => ({ maxAttempts: 2 })); // endpoint and credentials from the environment (the SDK chain)
    factories.push(factory);
    return {
      factory,
      model: explorerModel(factory.get, conns),
    };
  };
  /** Expands the whole tree (except load-more) and returns every node. */
  const expandAll = async (model: ExplorerModel): Promise<ExplorerNode[]> => {
    const all: ExplorerNode[] = [];
    const queue = [...(await model.getChildren())];
    while (queue.length) {
      const n = queue.shift()!;
      all.push(n);
      if (
        n.kind !== 'message' &&
        n.kind !== 'loadMore' &&
        n.kind !== 'container' &&
        n.kind !== 'accessPoint' &&
        n.kind !== 'mountTarget' &&
        n.kind !== 'revision'
      ) {
        queue.push(...(await model.getChildren(n)));
      }
    }
    return all;
  };
  const deps = (ui: ScriptedUi, model: ExplorerModel, factory: ReturnType<typeof createApiFactory>): CommandDeps =>
    commandDeps(ui, factory.get, east, { model });
  /** Runs a command the way VS Code does: through the registration (bindCommands), which guards and redacts. */
  const commandLogs: string[] = [];
  const command = (id: string, d: CommandDeps, ...args: unknown[]) =>
    bindCommands(d, (line) => void commandLogs.push(line))[id](...args);
  const uiTexts = (ui: ScriptedUi): string[] => [
    ...ui.infos,
    ...ui.errors,
    ...ui.confirms.flatMap((c) => [c.message, c.detail]),
    ...ui.opened,
    ...ui.untitled,
    ...ui.copied,
    ...ui.external,
    ...ui.prompts,
  ];

  it('the requests really carry the fake credentials (so the test can see a leak)', async () => {
    const { model } = explorer();
    await model.getChildren((await model.getChildren((await model.getChildren())[0]))[0]);
    const req = account.proxy.requests.at(-1)!;
    assert.equal(req.region, 'us-east-1');
    assert.equal(req.accessKeyId, ACCESS_KEY);
    assert.equal(req.sessionToken, SESSION_TOKEN);
  });

  it('explorer tree, commands and live EFS: success paths (integration)', async () => {
    const { model, factory } = explorer();
    const nodes = await expandAll(model);
    assert.ok(nodes.some((n) => n.kind === 'task'));
    const d = deps(new ScriptedUi([value(true)]), model, factory);
    const rev = nodes.find((n) => n.kind === 'revision')!;
    await command('fargateLens.openAsJson', d, rev);
    await command('fargateLens.copyArn', d, rev);
    await command('fargateLens.openInConsole', d, rev);
    const run = new ScriptedUi(runWorkerTaskAnswers());
    await command(
      'fargateLens.runTask',
      deps(run, model, factory),
      nodes.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod'),
    );
    assert.deepEqual(run.errors, []);
    const logs: string[] = [];
    const live: unknown[] = [];
    await new LiveEfsSource(
      factory.get,
      (data) => live.push(data),
      (m) => logs.push(m),
    ).update(east);
    assert.equal(live.length, 1);
    assertClean('tree', nodes.flatMap(nodeTexts));
    assertClean('commands', [
      ...uiTexts(d.ui as ScriptedUi),
      ...uiTexts(run),
      ...(d.ui as ScriptedUi).opened.map((u) => d.documents.get(u) ?? ''),
    ]);
    assertClean('live EFS', [...logs, JSON.stringify(live)]);
  });

  it('error paths: AWS errors echoing the key and token, AccessDenied in one region, expired token (integration)', async () => {
    account.proxy
      .inject({ op: 'ListClusters', region: 'us-east-1', fault: 'signature-mismatch' })
      .inject({ region: 'eu-west-1', fault: 'access-denied' })
      .inject({ op: 'DescribeFileSystems', region: 'us-east-1', fault: 'expired-token' })
      .inject({ op: 'ListTaskDefinitionFamilies', fault: '5xx' });
    try {
      const { model, factory } = explorer([east, west]);
      const nodes = await expandAll(model);
      const errors = nodes.filter((n) => n.kind === 'message' && n.severity === 'error');
      assert.ok(errors.length >= 5, JSON.stringify(errors));
      const echoed = account.proxy.requests.find((r) => r.fault === 'signature-mismatch');
      assert.ok(echoed, 'the signature error was injected');
      assert.ok(
        errors.some((e) => e.kind === 'message' && /Credential=\*\*\*/.test(e.message)),
        'the echoed key is shown redacted, not dropped silently',
      );
      assert.ok(
        errors.some((e) => e.kind === 'message' && /Access denied/.test(e.message) && e.conn.region === 'eu-west-1'),
      );

      const logs: string[] = [];
      await new LiveEfsSource(
        factory.get,
        () => undefined,
        (m) => logs.push(m),
      ).update(east);
      await new LiveEfsSource(
        factory.get,
        () => undefined,
        (m) => logs.push(m),
      ).update(west);
      assert.equal(logs.length, 2);

      account.proxy.clear();
      account.proxy
        .inject({ op: 'RunTask', fault: 'signature-mismatch' })
        .inject({ op: 'StopTask', fault: 'signature-mismatch' });
      const prodModel = explorer().model;
      const all = await expandAll(prodModel);
      const run = new ScriptedUi(runWorkerTaskAnswers());
      await command(
        'fargateLens.runTask',
        deps(run, prodModel, factory),
        all.find((n) => n.kind === 'cluster' && n.cluster.clusterName === 'prod'),
      );
      assert.match(run.errors[0] ?? '', /Run task failed: Access denied/);
      const stop = new ScriptedUi([value('x'), value(true)]);
      await command(
        'fargateLens.stopTask',
        deps(stop, prodModel, factory),
        all.find((n) => n.kind === 'task'),
      );
      assert.match(stop.errors[0] ?? '', /Stop task failed/);

      // Errors a handler does not catch itself (a describe before anything is shown, a list in the palette
      // flow) reach the user only through the registration's guard.
      account.proxy.clear();
      account.proxy
        .inject({ op: 'DescribeTaskDefinition', fault: 'signature-mismatch' })
        .inject({ op: 'ListClusters', fault: 'signature-mismatch' });
      const thrown = new ScriptedUi([]);
      await command(
        'fargateLens.openAsJson',
        deps(thrown, prodModel, factory),
        all.find((n) => n.kind === 'revision'),
      );
      await command('fargateLens.runTask', deps(thrown, prodModel, factory));
      assert.equal(thrown.errors.length, 2, thrown.errors.join(' | '));
      assert.ok(
        thrown.errors.every((e) => /Access denied: SignatureDoesNotMatch|Credential=\*\*\*/.test(e)),
        thrown.errors.join(' | '),
      );
      assert.ok(account.proxy.requests.filter((r) => r.fault === 'signature-mismatch').length >= 2);
      assertClean('guarded command errors', [...uiTexts(thrown), ...commandLogs]);

      assertClean('error nodes', errors.flatMap(nodeTexts));
      assertClean('live EFS log', logs);
      assertClean('command errors', [...uiTexts(run), ...uiTexts(stop)]);
    } finally {
      account.proxy.clear();
    }
  });
});
