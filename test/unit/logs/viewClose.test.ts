/**
 * (unit) A followed log view stops following when its tab closes: LogViews (client/src/logs/view/vscodeView.ts)
 * under the vscode stub, with tab groups that change as VS Code's do (window.tabGroups.all lists the open
 * tabs; onDidChangeTabs fires after a tab closes: VS Code API, TabGroups), and the real follow path over
 * the CloudWatch fake ending when the view's signal aborts.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { followLogs, planLogs } from '../../../client/src/logs';
import { LogViewModel } from '../../../client/src/logs/view/model';
import { FakeLogs } from '../../fakes/fakeLogs';
import { createVscodeStub, withVscode } from '../client/vscodeStub';
import { CLUSTER, T0, access, fakeEcs, running, taskArn, until, yieldWait } from './helpers';

const requireHere = createRequire(__filename);
const stub = createVscodeStub();
const api = stub.api as Record<string, Record<string, unknown>>;

class TabInputText {
  constructor(readonly uri: { toString(): string }) {}
}
const tabs: Array<{ input: TabInputText }> = [];
const tabListeners = new Set<() => void>();
api.TabInputText = TabInputText as unknown as Record<string, unknown>;
api.Uri = Object.assign(api.Uri, {
  from: (c: { scheme: string; path: string; query: string }) => ({
    toString: () => `${c.scheme}:${c.path}?${c.query}`,
  }),
});
api.window.tabGroups = {
  get all() {
    return [{ tabs: [...tabs] }];
  },
  onDidChangeTabs: (l: () => void) => {
    tabListeners.add(l);
    return { dispose: () => tabListeners.delete(l) };
  },
};
api.workspace.openTextDocument = async (uri: unknown) => ({ uri });
api.window.showTextDocument = async (doc: { uri: { toString(): string } }) => {
  tabs.push({ input: new TabInputText(doc.uri) });
  for (const l of tabListeners) l();
};
const closeTab = (uri: string): void => {
  tabs.splice(
    tabs.findIndex((t) => t.input.uri.toString() === uri),
    1,
  );
  for (const l of tabListeners) l();
};

const { LogViews } = withVscode(
  stub,
  () =>
    requireHere(
      '../../../client/src/logs/view/vscodeView',
    ) as typeof import('../../../client/src/logs/view/vscodeView'),
);

const model = (): LogViewModel =>
  new LogViewModel({ title: 't', capacity: 100, formatTime: (t) => String(t), ansi: 'strip', labelTasks: false });

describe('log view lifetime (unit)', () => {
  it('closing the tab aborts that view only, and the follow feeding it ends', async () => {
    const views = new LogViews();
    const a = await views.open(model(), 'app · task one');
    const b = await views.open(model(), 'app · task two');
    const [ua, ub] = views.views().map((v) => v.uri);
    const logs = new FakeLogs();
    logs.put('/ecs/web', 'ecs/app/t1', [{ timestamp: T0 + 1, message: 'x' }]);
    const acc = access(fakeEcs([running('t1')]), logs);
    const plan = await planLogs(acc, { kind: 'task', cluster: CLUSTER, task: taskArn('t1'), container: 'app' });
    let wake = (): void => undefined;
    let shown = 0;
    const following = followLogs(acc, plan, {
      startTime: T0,
      signal: a.closed,
      liveTail: false,
      wait: yieldWait,
      onLines: (l) => {
        shown += l.length;
        wake();
      },
      onStatus: () => undefined,
    });
    await until(
      () => shown === 1,
      (w) => (wake = w),
      'the first line',
    );
    assert.equal(a.closed.aborted, false);
    closeTab(ua);
    assert.equal(a.closed.aborted, true);
    assert.equal(b.closed.aborted, false, 'another open view keeps following');
    await following; // returns once the signal aborts
    assert.deepEqual(
      views.views().map((v) => v.uri),
      [ub],
    );
    views.dispose();
    assert.equal(b.closed.aborted, true, 'disposing the views (window closing) stops every follow');
  });
});
